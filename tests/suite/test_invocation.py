"""A path given after an option, with a space or with `=`: pytest picks its root folder from the command
line's paths before the suite's options are known; harness/invocation.py (installed, pytest11) says how
to write it rather than letting pytest stop on "unrecognized arguments"."""

import subprocess
import sys
from pathlib import Path

from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT, suite_environment


def collect(*arguments: str, reports: Path) -> subprocess.CompletedProcess:
    # Its own reports folder: the project's tests run beside one another, and reports/ is one.
    return subprocess.run([sys.executable, "-m", "pytest", *arguments, "--collect-only", "-q",
                           f"--reports-dir={reports}"],
                          cwd=PROJECT_ROOT, env=suite_environment(), capture_output=True, text=True, timeout=120, check=False)


def outside_path(tmp_path: Path) -> str:
    chromium = tmp_path / "chromium"
    chromium.touch()
    return str(chromium)


def test_a_path_after_an_option_with_equals_works_with_a_bare_pytest(tmp_path):
    run = collect(f"--browser-server-chromium={outside_path(tmp_path)}", reports=tmp_path / "rapports")
    assert run.returncode == 0 and "collected" in run.stdout, run.stdout[-2000:] + run.stderr[-2000:]


def test_a_path_after_an_option_with_a_space_works_when_the_scenarios_folder_is_named(tmp_path):
    run = collect("steps", "--browser-server-chromium", outside_path(tmp_path), reports=tmp_path / "rapports")
    assert run.returncode == 0 and "collected" in run.stdout, run.stdout[-2000:] + run.stderr[-2000:]


def test_a_path_after_an_option_with_a_space_and_a_bare_pytest_says_how_to_write_it(tmp_path):
    chromium = outside_path(tmp_path)
    run = collect("--browser-server-chromium", chromium, reports=tmp_path / "rapports")
    assert run.returncode == ExitCode.USAGE_ERROR, f"attendu : une erreur d'usage (code 4) ; vu : {run.returncode}\n{run.stdout}{run.stderr}"
    said = run.stdout + run.stderr
    assert f"« --browser-server-chromium={chromium} »" in said and "unrecognized arguments" not in said, said
