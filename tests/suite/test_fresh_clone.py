"""The README's first command on a fresh clone, with Debian's own Python first on PATH (externally
managed, PEP 668: pip refuses to install into it), as most people's `python3` is."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

SYSTEM_PYTHON = Path("/usr/bin/python3")
FIRST_SCENARIO = "rejoint_lespace"


@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="pas de Python système dans /usr/bin")
def test_a_fresh_clone_runs_its_first_scenario_with_the_system_python(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(PROJECT_ROOT), str(clone)], check=True, timeout=120)
    if (PROJECT_ROOT / ".tools").exists():  # the Mailpit built once per machine, not again
        (clone / ".tools").symlink_to(PROJECT_ROOT / ".tools")
    environment = {name: value for name, value in os.environ.items() if name not in ("VIRTUAL_ENV", "PYTHON")}
    environment["PATH"] = f"{SYSTEM_PYTHON.parent}:{environment['PATH']}"
    run = subprocess.run(["./run.sh", "acceptance", "-k", FIRST_SCENARIO,
                          "--tracing", "off", "--screenshot", "off"],
                         cwd=clone, env=environment, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0 and "1 passed" in run.stdout, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"created: (\d+)/\1 workers?", run.stdout), "« ./run.sh acceptance » devait prendre un worker par cœur"
    assert re.search(r"^First set-up: ", run.stderr, re.MULTILINE), (
        f"la mise en place devait dire ce qu'elle installe : {run.stderr[:300]}")
    assert Path(os.path.realpath(clone / ".venv" / "bin" / "python")).parent == SYSTEM_PYTHON.parent
    # The acceptance run installs the suite and the mock group only: not the tests' or the bench's packages.
    for package in ("hypothesis", "filelock", "py-spy"):
        shown = subprocess.run([clone / ".venv" / "bin" / "python", "-m", "pip", "show", package],
                               capture_output=True, text=True, check=False)
        assert shown.returncode != 0, f"« ./run.sh acceptance » a installé {package}, qui ne sert pas à la recette"
