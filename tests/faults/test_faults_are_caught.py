"""Every check is seen failing once: the mock started with one fault, the
scenario written for that behaviour must fail, and the run must name it."""

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pytest_bdd.scenario import make_python_name

from mock_site.faults import CATALOGUE as FAULTS
from tests.conftest import SCENARIO_MODULE, suite_environment
from tests.faults.scenarios_of_faults import SCENARIOS_OF_FAULTS

ROOT = Path(__file__).resolve().parents[2]
# Each fault's run: one worker, no trace or screenshot (their cost is the suite's, not the proof's).
QUIET_RUN = ["-p", "no:randomly", "-p", "no:xdist", "--tracing", "off", "--screenshot", "off"]
# The bundled mock sends its mails before it answers: one look at the end of the run is enough,
# but for the faults whose mail comes late.
LATE_MAIL_FAULTS = {"envoi_differe_adresse_non_validee": ["--no-mail-window", "5"]}
NO_LATE_MAIL = ["--no-mail-window", "0"]


def escaped(text: str) -> str:
    """A test parameter as pytest writes it in a node id (non-ASCII escaped)."""
    return text.encode("unicode_escape").decode("ascii")


@pytest.fixture(scope="session")
def scenario_ids() -> list[str]:
    """The node ids of every scenario of features/, as pytest collects them."""
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-p", "no:randomly"],
        cwd=ROOT, capture_output=True, text=True, env=_environment(None), timeout=120, check=False,
    )
    ids = [line for line in collected.stdout.splitlines() if line.startswith(SCENARIO_MODULE + "::")]
    assert ids, f"Aucun scénario collecté :\n{collected.stdout}\n{collected.stderr}"
    return ids


def _environment(fault: str | None) -> dict:
    """The run may pick its target only by itself: the bundled mock, with the fault."""
    return suite_environment(**({"MOCK_SITE_FAULTS": fault} if fault else {}))


def ids_of(scenario_ids: list[str], title: str, row: str | None) -> list[str]:
    function = f"{SCENARIO_MODULE}::test_{make_python_name(title)}"
    found = [i for i in scenario_ids if i == function or i.startswith(function + "[")]
    if row is not None:
        found = [i for i in found if escaped(row) in i[len(function):]]
    return found


def test_every_fault_has_its_scenario():
    assert sorted(SCENARIOS_OF_FAULTS) == sorted(FAULTS), (
        "Chaque panne du site simulé doit avoir son scénario, et chaque scénario nommé ici sa panne."
    )


@pytest.mark.parametrize("fault", sorted(SCENARIOS_OF_FAULTS))
def test_each_scenario_names_one_existing_test(scenario_ids, fault):
    for proof in SCENARIOS_OF_FAULTS[fault]:
        found = ids_of(scenario_ids, proof.title, proof.row)
        assert len(found) == 1, f"« {proof.title} » (ligne {proof.row!r}) devait désigner un scénario ; trouvés : {found}"


@pytest.mark.parametrize("fault", sorted(SCENARIOS_OF_FAULTS))
def test_the_fault_makes_its_scenario_fail(scenario_ids, fault, tmp_path):
    expected = [ids_of(scenario_ids, proof.title, proof.row)[0] for proof in SCENARIOS_OF_FAULTS[fault]]
    junit = tmp_path / "junit.xml"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *expected, *QUIET_RUN, *LATE_MAIL_FAULTS.get(fault, NO_LATE_MAIL),
         "--junitxml", str(junit),
         "--cucumberjson", str(tmp_path / "cucumber.json"), "--output", str(tmp_path / "artifacts")],
        cwd=ROOT, capture_output=True, text=True, env=_environment(fault), timeout=600, check=False,
    )
    assert junit.exists(), f"La recette avec la panne « {fault} » n'a pas produit de résultats :\n{run.stdout}\n{run.stderr}"
    failed = failed_names(junit)
    passed_anyway = [i for i in expected if i.split("::")[-1] not in failed]
    assert not passed_anyway and run.returncode == 1, (
        f"Avec la panne « {FAULTS[fault]} » ({fault}), ces scénarios devaient échouer et ont réussi : "
        f"{passed_anyway} (code de sortie {run.returncode}).\n{run.stdout[-3000:]}"
    )
    assert "panne" in run.stdout.lower() or fault in run.stdout, "L'en-tête de la recette devait dire la panne simulée."


def failed_names(junit: Path) -> set[str]:
    """The names of the test cases that failed or erred in this JUnit file."""
    cases = ElementTree.parse(junit).getroot().iter("testcase")
    return {case.get("name") for case in cases if case.find("failure") is not None or case.find("error") is not None}
