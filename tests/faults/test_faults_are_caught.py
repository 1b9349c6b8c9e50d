"""Every check is seen failing once: the mock started with one fault, the
scenario written for that behaviour must fail, and the run must name it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from compat.pytest_bdd import make_python_name
from mock_site.faults import CATALOGUE as FAULTS
from tests.conftest import PROJECT_ROOT, SCENARIO_MODULE, suite_environment
from tests.faults.scenarios_of_faults import LATE_MAIL, SCENARIOS_OF_FAULTS

# The matrix's run: up to three workers (its faulted scenarios mostly wait out a timeout: at two, the
# machine stays half idle), no trace or screenshot (their cost is the suite's, not the proof's);
# the bundled mock sends its mails before it answers, so a mail is waited 3 s; one window of 5 s at
# the end of the run for the mail that a fault sends late.
MATRIX_WORKERS = 3
MATRIX_RUN = ["--tracing", "off", "--screenshot", "off", "--mail-timeout", "3", "--no-mail-window", "5"]


def escaped(text: str) -> str:
    """A test parameter as pytest writes it in a node id (non-ASCII escaped)."""
    return text.encode("unicode_escape").decode("ascii")


@pytest.fixture(scope="session")
def scenario_ids() -> list[str]:
    """The node ids of every scenario of features/, as pytest collects them."""
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, env=_environment(), timeout=120, check=False,
    )
    ids = [line for line in collected.stdout.splitlines() if line.startswith(SCENARIO_MODULE + "::")]
    assert ids, f"Aucun scénario collecté :\n{collected.stdout}\n{collected.stderr}"
    return ids


def _environment() -> dict:
    """The run may pick its target only by itself: the bundled mock (the matrix gives each fault its own)."""
    return suite_environment()


def ids_of(scenario_ids: list[str], title: str, row: str | None) -> list[str]:
    function = f"{SCENARIO_MODULE}::test_{make_python_name(title)}"
    found = [i for i in scenario_ids if i == function or i.startswith(function + "[")]
    if row is not None:
        # The row named by its only cell ("Host"), else by a part of its cells (one row of a wider table).
        whole = [i for i in found if i[len(function):] == f"[{escaped(row)}]"]
        found = whole or [i for i in found if escaped(row) in i[len(function):]]
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


@pytest.fixture(scope="session")
def matrix_results(scenario_ids, tmp_path_factory, worker_id, request) -> dict:
    """The scenarios of every fault this run tests (all, or those that -k or a shard selected), run once in
    one session of the suite (--fault-matrix): each against a bundled mock with that fault. Under xdist,
    the first worker runs it; the others read its results (the run's own temporary folder, which its
    workers share: never a previous run's results)."""
    run_folder = tmp_path_factory.getbasetemp()
    shared = (run_folder if worker_id == "master" else run_folder.parent) / "matrice-des-pannes"
    shared.mkdir(exist_ok=True)
    results = shared / "pannes.json"
    with FileLock(shared / "verrou"):
        if not results.exists():
            _run_the_matrix(scenario_ids, _faults_tested(request.session), shared, results)
    return json.loads(results.read_text(encoding="utf-8"))


def _faults_tested(session: pytest.Session) -> list[str]:
    """The faults whose proof this run holds (every worker of a run collects and selects alike)."""
    return sorted({item.callspec.params["fault"] for item in session.items
                   if item.originalname == test_the_fault_makes_its_scenario_fail_at_the_step_that_checks_it.__name__})


def _run_the_matrix(scenario_ids: list[str], faults: list[str], directory: Path, results: Path) -> None:
    matrix = {fault: [ids_of(scenario_ids, proof.title, proof.row)[0] for proof in SCENARIOS_OF_FAULTS[fault]]
              for fault in faults}
    matrix_file = directory / "matrice.json"
    matrix_file.write_text(json.dumps(matrix, ensure_ascii=False), encoding="utf-8")
    workers = min(MATRIX_WORKERS, sum(map(len, matrix.values())))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--fault-matrix", str(matrix_file), "--fault-matrix-results",
         str(results), "-n", str(workers), *MATRIX_RUN, "--junitxml", str(directory / "junit.xml"),
         "--cucumberjson", str(directory / "cucumber.json"), "--output", str(directory / "artifacts")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, env=_environment(), timeout=3600, check=False,
    )
    assert results.exists(), f"La matrice des pannes n'a pas produit de résultats :\n{run.stdout[-5000:]}\n{run.stderr}"


@pytest.mark.parametrize("fault", sorted(SCENARIOS_OF_FAULTS))
def test_the_fault_makes_its_scenario_fail_at_the_step_that_checks_it(scenario_ids, matrix_results, fault):
    for proof in SCENARIOS_OF_FAULTS[fault]:
        scenario = ids_of(scenario_ids, proof.title, proof.row)[0]
        result = matrix_results.get(fault, {}).get(scenario)
        where = f"Avec la panne « {FAULTS[fault]} » ({fault}), le scénario {scenario}"
        assert result is not None, f"{where} n'a pas tourné dans la matrice des pannes."
        assert result["outcome"] == "failed", f"{where} devait échouer ; il a {OUTCOMES[result['outcome']]}."
        if proof.kind == LATE_MAIL:
            assert result.get("error") == LATE_MAIL, f"{where} devait échouer par un mail en retard ; vu : {result}"
            continue
        assert result["phase"] == "call" and "step" in result, (
            f"{where} devait échouer à l'étape « {proof.step or 'qui vérifie'} » ; il a échoué hors de ses étapes "
            f"({PHASES[result['phase']]}) : {result.get('message')} — preuve cassée."
        )
        assert proof.step is None or result["step"] == proof.step, (
            f"{where} devait échouer à l'étape « {proof.step} » ; il a échoué à « {result['step']} » "
            f"({result['error']} : {result['message']}) — preuve cassée."
        )


OUTCOMES = {"passed": "réussi", "skipped": "été ignoré", "failed": "échoué"}
PHASES = {"setup": "mise en place", "call": "étapes", "teardown": "fin du scénario"}
