"""Every check seen failing, in one session: the fault matrix (--fault-matrix).

The matrix file (JSON) names, for each fault of the bundled mock (mock_site/faults.py), the scenarios
written for the behaviour it breaks, by node id. In this mode the run holds those scenarios only, once
per fault that names them; each runs against a bundled mock of its own, started in this process with
that one fault switched on (harness/scenario_site.py routes it there). The run's Mailpit and its end
look for late mails serve them all. Which step of each failed, and how, is written to
--fault-matrix-results (JSON): the project's tests (tests/faults/) hold each fault to its proof.

The bundled mock sends a mail before it answers the request: waiting is short in this mode only
(harness/waits.py, and --mail-timeout as the command line gives it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from harness.servers import start_bundled_site
from reporting.workers import is_worker

RESULT_PROPERTY = "panne_resultat"
_FAULT_ID = "panne={}"
_FAILED_STEP = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("matrice des pannes")
    group.addoption("--fault-matrix", metavar="FICHIER.json",
                    help="Rejoue, chacun contre un site simulé qui porte sa panne, les scénarios que ce fichier "
                         "nomme pour chaque panne ({panne: [identifiants pytest]}).")
    group.addoption("--fault-matrix-results", metavar="FICHIER.json", default="reports/pannes.json",
                    help="Où écrire, pour chaque panne et chaque scénario, l'étape qui a échoué et comment "
                         "(défaut : reports/pannes.json).")


def _matrix(config: pytest.Config) -> dict[str, list[str]] | None:
    path = config.getoption("--fault-matrix")
    if not path:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as unreadable:
        raise pytest.UsageError(f"Matrice des pannes {path} illisible : {unreadable}") from None


def pytest_configure(config: pytest.Config) -> None:
    matrix = _matrix(config)
    if matrix is None:
        return
    config.stash[_MATRIX] = matrix
    if not is_worker(config):
        config.pluginmanager.register(MatrixResults(config), "fault-matrix-results")


_MATRIX = pytest.StashKey[dict]()


def base_nodeid(nodeid: str, fault: str) -> str:
    """The scenario's node id without the fault the matrix added to it."""
    fault_id = re.escape(_FAULT_ID.format(fault))
    nodeid = re.sub(rf"\[{fault_id}\]$", "", nodeid)
    return re.sub(rf"(\[.*)-{fault_id}\]$|\[{fault_id}-(.*\])$", lambda m: m[1] + "]" if m[1] else "[" + m[2],
                  nodeid)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    matrix = metafunc.config.stash.get(_MATRIX, None)
    if matrix is None or "fault_under_test" not in metafunc.fixturenames:
        return
    function = metafunc.definition.nodeid
    faults = sorted(fault for fault, ids in matrix.items() if any(i.split("[")[0] == function for i in ids))
    if faults:
        metafunc.parametrize("fault_under_test", faults, indirect=True, ids=_FAULT_ID.format)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Only the scenarios a fault names, once per such fault."""
    matrix = config.stash.get(_MATRIX, None)
    if matrix is None:
        return
    wanted = {(fault, nodeid) for fault, ids in matrix.items() for nodeid in ids}
    kept, dropped = [], []
    for item in items:
        fault = _fault_of(item)
        (kept if fault and (fault, base_nodeid(item.nodeid, fault)) in wanted else dropped).append(item)
    missing = wanted - {(_fault_of(item), base_nodeid(item.nodeid, _fault_of(item))) for item in kept}
    if missing:
        raise pytest.UsageError(f"Matrice des pannes : scénarios introuvables : {sorted(missing)}")
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def _fault_of(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("fault_under_test") if callspec else None


@pytest.fixture(autouse=True)
def fault_under_test(request) -> str | None:
    """The one fault of the bundled mock this scenario runs against, in a matrix run; else None."""
    return getattr(request, "param", None)


class FaultSites:
    """The bundled mocks of this process, one per fault (and per mail server), started when first asked."""

    def __init__(self, run_smtp: tuple[str, int]):
        self._run_smtp = run_smtp
        self._sites = {}

    def site(self, fault: str, smtp: tuple[str, int] | None = None) -> str:
        key = (fault, smtp or self._run_smtp)
        if key not in self._sites:
            self._sites[key] = start_bundled_site(*key[1], faults=[fault])
        return self._sites[key].url

    def stop(self) -> None:
        for site in self._sites.values():
            site.stop()


@pytest.fixture(scope="session")
def fault_sites(shared_target):
    if shared_target.bundled_smtp is None:
        raise pytest.UsageError("La matrice des pannes ne tourne que contre le site simulé embarqué.")
    sites = FaultSites(shared_target.bundled_smtp)
    yield sites
    sites.stop()


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    message = str(exception).strip()
    request.node.stash.setdefault(_FAILED_STEP, {
        "step": _as_written(feature.filename, step), "error": type(exception).__name__,
        "message": message.splitlines()[0][:300] if message else "",
    })


def _as_written(feature_file: str, step) -> str:
    """The step as the feature writes it, without its keyword: a plan's <placeholders> kept."""
    line = Path(feature_file).read_text(encoding="utf-8").splitlines()[step.line_number - 1].strip()
    keyword = step.keyword.strip()
    return line[len(keyword):].strip() if line.startswith(keyword) else step.name


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    fault = _fault_of(item)
    if fault and (report.failed or report.when == "call"):
        failed_step = item.stash.get(_FAILED_STEP, None) if report.when == "call" else None
        result = {"fault": fault, "scenario": base_nodeid(item.nodeid, fault), "phase": report.when,
                  "outcome": report.outcome, **(failed_step or {})}
        if report.failed and not failed_step:
            result["message"] = report.longreprtext.strip().splitlines()[-1][:300] if report.longreprtext else ""
        report.user_properties.append((RESULT_PROPERTY, json.dumps(result, ensure_ascii=False)))
    return report


class MatrixResults:
    """On the controller: the first failure of each (fault, scenario), else its outcome; written at the end."""

    def __init__(self, config: pytest.Config):
        self.config = config
        self.results: dict[str, dict[str, dict]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        results = [json.loads(value) for name, value in report.user_properties if name == RESULT_PROPERTY]
        late = re.search(r"\[(?:.*-)?panne=(\w+)(?:-.*)?\]$", report.nodeid)
        if report.failed and not results and late:  # the end of the run found a late mail (harness/mail_ledger.py)
            fault = late[1]
            results = [{"fault": fault, "scenario": base_nodeid(report.nodeid, fault), "phase": report.when,
                        "outcome": "failed", "error": "mail en retard", "message": report.longreprtext[:300]}]
        for result in results:
            known = self.results.setdefault(result["fault"], {}).get(result["scenario"])
            if known is None or (known["outcome"] != "failed" and result["outcome"] != "passed"):
                self.results[result["fault"]][result["scenario"]] = result

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        path = Path(self.config.getoption("--fault-matrix-results"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.results, ensure_ascii=False, indent=1), encoding="utf-8")
