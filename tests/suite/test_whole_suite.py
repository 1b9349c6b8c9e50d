"""The whole suite on the bundled mock, as the container image runs it (Dockerfile: ENTRYPOINT and CMD):
every scenario passes, none is skipped. It is one of the project's tests, so that ./run.sh tests (CI) runs
it while the other worker's tests run, many of them waiting (the staging proof on its latency); on the
fault matrix's worker, after or before it, never beside it (SUITE_SESSIONS): the matrix's short timeouts
are not to share the cores with it."""

import json
import re
import subprocess
import sys

import yaml

from tests.conftest import PROJECT_ROOT, SUITE_SESSIONS, suite_environment


def image_command() -> list[str]:
    """The image's ENTRYPOINT and CMD, with this environment's Python."""
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    entrypoint = yaml.safe_load(re.search(r"^ENTRYPOINT (\[.*\])$", dockerfile, re.MULTILINE).group(1))
    command = yaml.safe_load(re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1))
    return [sys.executable, *entrypoint[1:], *command]


@SUITE_SESSIONS
def test_the_whole_suite_passes_on_the_bundled_mock_as_the_image_runs_it(tmp_path):
    collected = subprocess.run([*image_command(), "--collect-only", "-q",
                                "--reports-dir", str(tmp_path / "collecte")], cwd=PROJECT_ROOT,
                               env=suite_environment(), capture_output=True, text=True, timeout=120, check=False)
    scenarios = [line for line in collected.stdout.splitlines() if line.startswith("steps/")]
    assert scenarios, f"aucun scénario collecté :\n{collected.stdout[-2000:]}{collected.stderr[-2000:]}"
    run = subprocess.run([*image_command(), "--reports-dir", str(tmp_path)], cwd=PROJECT_ROOT,
                         env=suite_environment(), capture_output=True, text=True, timeout=1800, check=False)
    report = tmp_path / "rapport.json"
    assert report.exists(), f"aucun rapport.json : code {run.returncode}\n{run.stdout[-6000:]}{run.stderr[-3000:]}"
    summary = json.loads(report.read_text(encoding="utf-8"))
    failed = [result["nodeid"] for result in summary["results"] if result["status"] != "passed"]
    assert run.returncode == 0 and not failed, (
        f"attendu : les {len(scenarios)} scénarios réussis ; vu : code {run.returncode}, verdict "
        f"« {summary['verdict']['text']} », non réussis : {failed}\n{run.stdout[-6000:]}")
    assert summary["scenarios"] == {"total": len(scenarios), "passed": len(scenarios), "failed": 0, "error": 0,
                                    "skipped": 0}, summary["scenarios"]
