"""The code passes ruff, and the floor plan holds (import-linter), at their pinned versions and with
pyproject.toml's settings."""

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT


def test_ruff_finds_nothing():
    linted = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert linted.returncode == 0, f"ruff check . :\n{linted.stdout}{linted.stderr}"


def test_the_floor_plan_holds():
    # import-linter puts lint-imports beside this Python, in its environment's bin/.
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint_imports, "lint-imports manque : il s'installe avec le groupe tests de pyproject.toml (import-linter)"
    checked = subprocess.run([lint_imports, "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                             check=False)
    assert checked.returncode == 0, f"lint-imports (pyproject.toml, [tool.importlinter]) :\n{checked.stdout}{checked.stderr}"
