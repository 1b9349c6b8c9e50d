"""What the floor plan (pyproject.toml's import-linter contracts, tests/suite/test_lint.py) cannot say: the
suite imports the bundled mock in the one place that starts it, and only when it does (inside a function);
and nothing rewrites a test's outcome. Read from the statements (AST)."""

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

SUITE = ["contract", "compat", "connection", "pages", "mails", "site_under_test", "accessibility", "harness", "steps", "reporting", "conftest.py"]
# The one place that starts the bundled mock (harness/servers.py, inside its start functions).
MOCK_STARTER = PROJECT_ROOT / "harness" / "servers.py"


def python_files(*names: str) -> list[Path]:
    files = []
    for name in names:
        path = PROJECT_ROOT / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) of every import statement of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found.append((base, node.lineno, id(node) in top_level))
    return found


def top(module: str) -> str:
    return module.split(".")[0]


def mock_imports(files: list[Path]) -> list[str]:
    return [f"{path.relative_to(PROJECT_ROOT)}:{line} importe {module}{'' if top_level else ' (dans une fonction)'}"
            for path in files for module, line, top_level in imports(path)
            if top(module) == "mock_site" and (top_level or path != MOCK_STARTER)]


def test_the_suite_imports_the_mock_only_where_it_starts_it():
    wrong = mock_imports(python_files(*SUITE))
    assert not wrong, "\n".join(wrong)
    starter_imports = [module for module, _, top_level in imports(MOCK_STARTER) if top(module) == "mock_site"]
    assert starter_imports and all(top(m) == "mock_site" for m in starter_imports)


@pytest.mark.parametrize("source, caught", [
    ("from mock_site.server import serve_in_thread\n", True),
    ("def start():\n    import mock_site.mailpit\n", True),
    ("import mock_site_like\nfrom mockery import x\n", False),
])
def test_the_check_sees_a_mock_import(tmp_path, source, caught):
    module = PROJECT_ROOT / "harness" / f"_probe_{tmp_path.name}.py"  # under the suite, not the starter
    module.write_text(source, encoding="utf-8")
    try:
        assert bool(mock_imports([module])) is caught
    finally:
        module.unlink()


def test_no_module_of_the_suite_rewrites_a_test_s_outcome():
    """An error is never turned into a pass: nothing in the suite assigns a report's outcome."""
    rewriting = []
    for path in python_files(*SUITE):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            for target in targets:
                for element in (target.elts if isinstance(target, ast.Tuple) else [target]):
                    if isinstance(element, ast.Attribute) and element.attr == "outcome":
                        rewriting.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert not rewriting, rewriting
