"""What a scenario's browser records (compat/pytest_playwright.py): with the default --tracing retain-on-failure,
a failed scenario keeps its trace (the DOM of every action, no screencast) and its screenshot; a
passed one writes neither. `--tracing on` keeps pytest-playwright's own recording."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT, scenario_node_id, scenario_test_name, suite_environment

RUN_SECONDS = 240
PASSING = "L'assuré rejoint l'espace de connexion depuis la page d'accueil"
# Broken by the mock's fault below, after its browser has done the whole journey.
FAILING = "L'assuré est informé à l'écran et par mail que son mot de passe a été modifié"
FAULT = "mail_confirmation_absent"
# The link opened on the phone, a browser context of its own; made to fail after its last step below.
ON_PHONE = "Le lien fonctionne sur un autre appareil que celui de la demande"
FAILING_AFTER_LAST_STEP = '''
def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    if step is scenario.steps[-1]:
        raise AssertionError("échec voulu par le test, après la dernière étape")
'''

# Loaded into the run with -p: every Tracing.stop and Page.screenshot, with its scenario, in a JSON line.
SPY_PLUGIN = '''
import json, os
from playwright.sync_api._generated import Page, Tracing  # the classes the suite's objects are

def _spied(cls, name, record):
    original = getattr(cls, name)
    def spy(self, *args, **kwargs):
        with open(os.environ["SPY_LOG"], "a", encoding="utf-8") as log:
            log.write(json.dumps({"call": name, "test": os.environ.get("PYTEST_CURRENT_TEST", ""),
                                  **record(kwargs)}) + "\\n")
        return original(self, *args, **kwargs)
    setattr(cls, name, spy)

_spied(Tracing, "start", lambda kwargs: {"screenshots": kwargs.get("screenshots"), "snapshots": kwargs.get("snapshots")})
_spied(Tracing, "stop", lambda kwargs: {"written": kwargs.get("path") is not None})
_spied(Page, "screenshot", lambda kwargs: {})
'''


def run_suite(tmp_path: Path, *options: str, scenarios=(PASSING, FAILING)) -> tuple[subprocess.CompletedProcess, list[dict]]:
    (tmp_path / "spy_plugin.py").write_text(SPY_PLUGIN, encoding="utf-8")
    (tmp_path / "failing_after_last_step.py").write_text(FAILING_AFTER_LAST_STEP, encoding="utf-8")
    log = tmp_path / "spy.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *map(scenario_node_id, scenarios),
         "-p", "spy_plugin", "-p", "no:xdist", "--no-mail-window", "0",
         f"--reports-dir={tmp_path / 'rapports'}", *options],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=RUN_SECONDS, check=False,
        env=suite_environment(MOCK_SITE_FAULTS=FAULT, SPY_LOG=str(log),
                              PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])))
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return run, calls


def calls_of(calls: list[dict], title: str, name: str) -> list[dict]:
    return [call for call in calls if call["call"] == name and scenario_test_name(title) in call["test"]]


def context_options(trace: Path) -> dict:
    """The options the trace's browser context was made with (its viewport, user agent, isMobile…)."""
    with zipfile.ZipFile(trace) as archive:
        lines = archive.read("trace.trace").decode("utf-8").splitlines()
    return next(json.loads(line)["options"] for line in lines if '"context-options"' in line)


def trace_events(trace: Path) -> set[str]:
    with zipfile.ZipFile(trace) as archive:
        lines = archive.read("trace.trace").decode("utf-8").splitlines()
    return {json.loads(line).get("type") for line in lines if line.strip()}


def test_a_failure_keeps_its_trace_and_screenshot_and_a_pass_writes_neither(tmp_path):
    run, calls = run_suite(tmp_path)
    shown = (run.stdout + run.stderr)[-3000:]
    assert run.returncode == ExitCode.TESTS_FAILED and "1 failed, 1 passed" in run.stdout, shown

    evidence = {path.relative_to(tmp_path / "rapports" / "artifacts").parts
                for path in (tmp_path / "rapports" / "artifacts").rglob("*") if path.is_file()}
    assert {name for _, name in evidence} == {"trace.zip", "test-failed-1.png"}, (
        f"Preuves attendues du seul scénario en échec : une trace et une capture ; vues : {sorted(evidence)}")
    assert all("est-informe-a-lecran" in folder for folder, _ in evidence), (
        f"Preuves attendues dans le dossier du scénario en échec ; vues : {sorted(evidence)}")

    [trace] = (tmp_path / "rapports" / "artifacts").rglob("trace.zip")
    events = trace_events(trace)
    assert "frame-snapshot" in events, f"La trace doit garder le DOM de chaque action ; événements vus : {events}"
    assert "screencast-frame" not in events, "La trace ne doit plus filmer l'écran (coûteux, redondant avec le DOM)"

    passed_stops = [call["written"] for call in calls_of(calls, PASSING, "stop")]
    assert passed_stops == [False], f"Scénario réussi : attendu une trace arrêtée sans être écrite ; vu : {passed_stops}"
    passed_shots = calls_of(calls, PASSING, "screenshot")
    assert passed_shots == [], f"Scénario réussi : attendu aucune capture ; vues : {passed_shots}"
    failed_stops = [call["written"] for call in calls_of(calls, FAILING, "stop")]
    assert failed_stops == [True], f"Scénario en échec : attendu une trace écrite ; vu : {failed_stops}"
    failed_shots = calls_of(calls, FAILING, "screenshot")
    assert len(failed_shots) == 1, f"Scénario en échec : attendu une capture ; vues : {failed_shots}"


def test_tracing_on_keeps_pytest_playwright_s_own_recording(tmp_path):
    run, calls = run_suite(tmp_path, "--tracing", "on")
    assert run.returncode == ExitCode.TESTS_FAILED and "1 failed, 1 passed" in run.stdout, (
        (run.stdout + run.stderr)[-3000:])
    traces = sorted(path.parent.name for path in (tmp_path / "rapports" / "artifacts").rglob("trace.zip"))
    assert len(traces) == 2, f"Une trace par scénario avec --tracing on ; vues : {traces}"
    started = calls_of(calls, PASSING, "start")
    assert started and all(call["screenshots"] and call["snapshots"] for call in started), (
        f"--tracing on : attendu l'enregistrement de pytest-playwright (film et DOM) ; vu : {started}")


def test_the_phone_s_browser_keeps_its_own_trace_and_screenshot(tmp_path):
    run, _ = run_suite(tmp_path, "-p", "failing_after_last_step", scenarios=(ON_PHONE,))
    assert run.returncode == ExitCode.TESTS_FAILED and "1 failed" in run.stdout, (run.stdout + run.stderr)[-3000:]
    evidence = sorted(path.name for path in (tmp_path / "rapports" / "artifacts").rglob("*") if path.is_file())
    # Three browsers: the computer, the phone, and the other browser where the login is tried at the end.
    assert evidence == ["test-failed-1.png", "test-failed-2.png", "test-failed-3.png",
                        "trace-1.zip", "trace-2.zip", "trace-3.zip"], (
        f"Une trace et une capture par navigateur (l'ordinateur, le téléphone, l'autre navigateur) ; vues : {evidence}")
    # pytest-playwright closes the contexts in the order they were made: the computer's, the phone's, the other's.
    mobile = [context_options(trace).get("isMobile", False)
              for trace in sorted((tmp_path / "rapports").rglob("trace-*.zip"))]
    assert mobile == [False, True, False], (
        f"Attendu : trace-1 de l'ordinateur, trace-2 du téléphone (isMobile), trace-3 de l'autre navigateur ; vu : {mobile}")
