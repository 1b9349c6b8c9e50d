"""The third-party internals are fenced (compat/): on a version they were not read for, the run stops
at once and says what to do, rather than degrading silently."""

import subprocess
import sys
from importlib.metadata import version

import pytest

from compat import IncompatibleVersion, require
from tests.conftest import PROJECT_ROOT, suite_environment


def test_a_version_other_than_the_one_read_stops_with_what_to_do():
    with pytest.raises(IncompatibleVersion) as stopped:
        require("pytest-bdd", "0.0.1", "compat/pytest_bdd.py", "ses registres")
    said = str(stopped.value)
    assert f"pytest-bdd {version('pytest-bdd')} est installé" in said
    assert "pytest-bdd==0.0.1" in said and "compat/pytest_bdd.py" in said, said


@pytest.mark.parametrize("distribution", ["pytest-bdd", "pytest-playwright"])
def test_a_run_on_another_version_stops_before_collecting(tmp_path, distribution):
    # Another installed version, as the run's Python sees it: importlib.metadata answers another number.
    (tmp_path / "sitecustomize.py").write_text(
        "import importlib.metadata as metadata\n"
        "installed = metadata.version\n"
        f"metadata.version = lambda name: '99.0' if name == {distribution!r} else installed(name)\n",
        encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "steps", "--collect-only", "-q",
                          f"--reports-dir={tmp_path / 'rapports'}"],
                         cwd=PROJECT_ROOT, env=suite_environment(PYTHONPATH=str(tmp_path)),
                         capture_output=True, text=True, timeout=120, check=False)
    said = run.stdout + run.stderr
    assert run.returncode != 0, f"attendu : la recette arrêtée ; vu : code {run.returncode}\n{said[-2000:]}"
    assert f"{distribution} 99.0 est installé" in said and "collected" not in said, said[-3000:]
