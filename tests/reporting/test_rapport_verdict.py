"""The verdict and the counts on real pytest runs (separate processes, with and
without pytest-xdist): the report tells what pytest tells, a failure in any
phase wins over a skip, and a skip is never a success."""

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT

FEATURE = """\
# language: fr
Fonctionnalité: Issues d'une exécution

  @etape-0
  Scénario: Un scénario qui réussit
    Étant donné une étape qui réussit

  @etape-1 @nettoyage-en-erreur
  Scénario: Un scénario ignoré dont le nettoyage échoue
    Étant donné une étape qui réussit
    Quand une étape ignore le scénario
    Alors une étape qui réussit

  @etape-2
  Scénario: Un scénario qui échoue dans ses étapes
    Étant donné une étape qui réussit
    Alors une étape échoue

  @etape-3 @preparation-en-erreur
  Scénario: Un scénario en erreur à sa préparation
    Étant donné une étape qui réussit

  @etape-4
  Scénario: Un scénario ignoré
    Étant donné une étape qui réussit
    Quand une étape ignore le scénario
"""

STEPS = """\
import pytest
from pytest_bdd import given, scenarios, then, when

scenarios("../features/issues.feature")


@given("une étape qui réussit")
@then("une étape qui réussit")
def a_passing_step():
    pass


@when("une étape ignore le scénario")
def a_skipping_step():
    pytest.skip("la cible n'offre pas ce service")


@then("une étape échoue")
def a_failing_step():
    raise AssertionError("attendu : A ; vu : B")
"""

CONFTEST = """\
import pytest

pytest_plugins = ["reporting.plugin"]


@pytest.fixture(autouse=True)
def setup_or_teardown_error(request):
    if request.node.get_closest_marker("preparation-en-erreur"):
        raise RuntimeError("la préparation du scénario a échoué")
    yield
    if request.node.get_closest_marker("nettoyage-en-erreur"):
        raise RuntimeError("le nettoyage du scénario a échoué")
"""

PYTEST_INI = """\
[pytest]
addopts = -p no:cacheprovider
markers =
    preparation-en-erreur: la préparation du scénario lève une erreur
    nettoyage-en-erreur: le nettoyage du scénario lève une erreur
"""

# What each scenario is, whatever pytest's phases said: an error wins over a skip.
EXPECTED_STATUSES = {
    "Un scénario qui réussit": "passed",
    "Un scénario ignoré dont le nettoyage échoue": "error",
    "Un scénario qui échoue dans ses étapes": "failed",
    "Un scénario en erreur à sa préparation": "error",
    "Un scénario ignoré": "skipped",
}
PYTEST_WORDS = {"error": "error", "errors": "error"}


def run_suite(directory: Path, *arguments: str) -> tuple[subprocess.CompletedProcess, dict]:
    """Run the small suite in its own pytest process; return the run and the
    report's JSON (verdict and counts)."""
    (directory / "features").mkdir(exist_ok=True)
    (directory / "features" / "issues.feature").write_text(FEATURE, encoding="utf-8")
    (directory / "steps").mkdir(exist_ok=True)
    (directory / "steps" / "test_issues.py").write_text(STEPS, encoding="utf-8")
    (directory / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (directory / "pytest.ini").write_text(PYTEST_INI, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run(
        [
            sys.executable, "-m", "pytest", "steps", "-rA",
            "--cucumberjson=reports/cucumber.json", "--junitxml=reports/junit.xml", *arguments,
        ],
        cwd=directory, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    summary_file = directory / "reports" / "rapport.json"
    assert summary_file.is_file(), f"rapport.json absent après l'exécution :\n{run.stdout}\n{run.stderr}"
    return run, json.loads(summary_file.read_text(encoding="utf-8"))


def terminal_counts(stdout: str) -> dict[str, int]:
    """pytest's counts, from the last line of its terminal summary."""
    last_line = stdout.strip().splitlines()[-1]
    found = re.findall(r"(\d+) (failed|passed|skipped|errors?|xfailed|xpassed)\b", last_line)
    assert found, f"pas de décompte dans la dernière ligne de pytest : {last_line}"
    return {PYTEST_WORDS.get(word, word): int(number) for number, word in found}


def junit(directory: Path) -> ElementTree.Element:
    return ElementTree.parse(directory / "reports" / "junit.xml").getroot().find("testsuite")


def junit_test_statuses(suite: ElementTree.Element) -> dict[str, str]:
    """Each test case's outcome in JUnit XML, a failure or an error winning over a skip."""
    statuses = {}
    for case in suite.iter("testcase"):
        kinds = {child.tag for child in case}
        statuses[case.get("name")] = (
            "failed" if "failure" in kinds else "error" if "error" in kinds else "skipped" if "skipped" in kinds
            else "passed"
        )
    return statuses


def html_row(directory: Path, label: str) -> str:
    page = (directory / "reports" / "rapport.html").read_text(encoding="utf-8")
    match = re.search(rf'<th scope="row">{re.escape(label)}</th><td>(.*?)</td>', page)
    assert match, f"ligne « {label} » absente de la synthèse"
    return unescape(match.group(1))


@pytest.mark.parametrize("xdist", [[], ["-n", "2"]], ids=["sans-xdist", "xdist-n2"])
def test_report_counts_equal_pytest_counts_and_errors_win_over_skips(tmp_path, xdist):
    run, summary = run_suite(tmp_path, *xdist)

    assert run.returncode == ExitCode.TESTS_FAILED, f"pytest aurait dû sortir en échec :\n{run.stdout}\n{run.stderr}"
    pytest_counts = terminal_counts(run.stdout)
    assert pytest_counts == {"failed": 1, "passed": 1, "skipped": 2, "error": 2}, run.stdout
    assert summary["pytest"] == pytest_counts
    suite = junit(tmp_path)
    assert {kind: int(suite.get(kind)) for kind in ("failures", "errors", "skipped")} == {
        "failures": pytest_counts["failed"],
        "errors": pytest_counts["error"],
        "skipped": pytest_counts["skipped"],
    }

    statuses = {result["name"]: result["status"] for result in summary["results"]}
    assert statuses == EXPECTED_STATUSES
    junit_statuses = junit_test_statuses(suite)
    assert sorted(junit_statuses.values()) == sorted(statuses.values()), junit_statuses
    assert summary["scenarios"] == {"total": 5, "passed": 1, "failed": 1, "error": 2, "skipped": 1}
    assert summary["verdict"]["outcome"] == "echec" and summary["verdict"]["text"] == "Recette en échec"

    for label, value in (("Scénarios", "5"), ("Réussis", "1"), ("Échoués", "1"), ("En erreur", "2"),
                         ("Ignorés", "1"), ("Décompte de pytest", "1 réussi, 1 échoué, 2 erreurs, 2 ignorés")):
        assert html_row(tmp_path, label) == value, f"ligne « {label} »"
    page = unescape((tmp_path / "reports" / "rapport.html").read_text(encoding="utf-8"))
    assert '<p class="verdict echec">Recette en échec</p>' in page
    assert "Erreur pendant le nettoyage, après les étapes" in page
    assert "le nettoyage du scénario a échoué" in page
    assert "Erreur pendant la préparation du scénario, avant ses étapes" in page


@pytest.mark.parametrize("xdist", [[], ["-n", "2"]], ids=["sans-xdist", "xdist-n2"])
def test_cucumber_json_holds_every_scenario_and_calls_a_skip_a_skip(tmp_path, xdist):
    # pytest-bdd 9.0.1 writes [] under xdist and "passed" for a step that
    # skipped; the plugin makes up for both.
    run_suite(tmp_path, "-m", "etape-0 or etape-4", *xdist)
    features = json.loads((tmp_path / "reports" / "cucumber.json").read_text(encoding="utf-8"))
    steps = {e["name"]: [s["result"]["status"] for s in e["steps"]] for f in features for e in f["elements"]}
    assert steps == {"Un scénario qui réussit": ["passed"], "Un scénario ignoré": ["passed", "skipped"]}


def test_a_skip_makes_the_run_incomplete_with_its_count_and_reason(tmp_path):
    run, summary = run_suite(tmp_path, "-m", "etape-0 or etape-4")

    assert terminal_counts(run.stdout) == {"passed": 1, "skipped": 1} == summary["pytest"]
    assert summary["verdict"]["outcome"] == "incomplete"
    assert summary["verdict"]["details"] == ["1 scénario ignoré sur 2, donc non vérifié :"]
    assert summary["skip_reasons"] == [{"reason": "la cible n'offre pas ce service", "count": 1}]
    page = unescape((tmp_path / "reports" / "rapport.html").read_text(encoding="utf-8"))
    assert '<p class="verdict incomplete">Recette incomplète</p>' in page
    assert "<li>la cible n'offre pas ce service (1 scénario)</li>" in page
    assert "Recette réussie" not in page


def test_only_a_run_where_everything_ran_and_passed_succeeds(tmp_path):
    run, summary = run_suite(tmp_path, "-m", "etape-0")

    assert run.returncode == 0 and terminal_counts(run.stdout) == {"passed": 1} == summary["pytest"]
    assert summary["verdict"] == {
        "outcome": "reussie",
        "text": "Recette réussie",
        "details": ["Le scénario sélectionné a été exécuté et a réussi."],
        "exit_code": 0,
    }
