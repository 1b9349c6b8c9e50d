"""pytest plugin: writes the HTML report (reports/rapport.html) and its
verdict and counts (reports/rapport.json) at the end of the run, from
pytest-bdd's cucumber JSON, the evidence of the tests and pytest's own counts;
and that evidence and run info as data beside the cucumber JSON
(preuves.json), for ``python -m reporting merge`` (reporting/shards.py).

Load it with ``pytest_plugins = ["reporting.plugin"]`` in the root conftest
(and import nothing from this module there: pytest would then warn that it
cannot rewrite it; what a conftest calls is in reporting.evidence).

Under pytest-xdist, the workers put the evidence on their test reports
(attributes and user properties survive xdist's serialisation) and the
controller alone gathers it and writes the page.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Generator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from compat.pytest_bdd import (
    CUCUMBER_JSON_OPTION,
    ReportContext,
    mark_last_step_skipped,
    test_report_context_registry,
)
from compat.pytest_playwright import OUTPUT_OPTION, SCREENSHOT_PROPERTY, TRACE_PROPERTY
from reporting.evidence import (
    ANNOUNCED_PROPERTY,
    RUN_INFO_KEY,
    mails_of,
    scenario_identity,
    set_run_info,  # noqa: F401  (also importable from here; prefer reporting.evidence, see above)
)
from reporting.guide import GUIDE_PARTS
from reporting.model import RunInfo
from reporting.report import DEFAULT_HTML_NAME, summary_path, write_report, write_results
from reporting.shards import EVIDENCE_NAME, FOLDER_FILES, shard_data
from reporting.verdict import ExitCode, skip_reason
from reporting.workers import is_worker

# Attributes set on the test reports by the plugin (carried by xdist).
IDENTITY_ATTRIBUTE = "rapport_scenario"
BDD_CONTEXT_ATTRIBUTE = "rapport_bdd"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("rapport", "Rapport HTML de recette")
    group.addoption(
        "--rapport-html",
        dest="rapport_html",
        metavar="chemin",
        default=None,
        help=(
            "où écrire le rapport HTML (par défaut rapport.html à côté du JSON Cucumber, "
            "écrit seulement avec --cucumberjson)"
        ),
    )
    group.addoption(
        "--reports-dir",
        dest="reports_dir",
        metavar="dossier",
        default=None,
        help=(
            "écrire tous les rapports de l'exécution dans ce dossier (cucumber.json, junit.xml, rapport.html, "
            "rapport.json, preuves.json et artifacts/), à la place de --cucumberjson, --junitxml, "
            "--rapport-html et --output : un dossier par shard, que « python -m reporting merge » fusionne"
        ),
    )


# tryfirst: before pytest's JUnit and pytest-bdd's cucumber plugins read their paths.
@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    reports_dir = config.getoption("reports_dir")
    if reports_dir:
        folder = Path(reports_dir)
        setattr(config.option, CUCUMBER_JSON_OPTION, str(folder / FOLDER_FILES["cucumber"]))
        config.option.xmlpath = str(folder / FOLDER_FILES["junit"])
        config.option.rapport_html = str(folder / DEFAULT_HTML_NAME)
        setattr(config.option, OUTPUT_OPTION, str(folder / "artifacts"))
    # pytest-bdd turns every tag into a mark: declare the guide's, so that
    # --strict-markers accepts them and pytest does not warn about them.
    for part in GUIDE_PARTS:
        config.addinivalue_line("markers", f"{part.tag}: scénario de la partie du guide « {part.title} »")
    if not is_worker(config):
        cucumber_path = getattr(config.option, CUCUMBER_JSON_OPTION, None)
        if cucumber_path:
            # pytest-bdd writes the file without creating its folder.
            _expanded(cucumber_path).parent.mkdir(parents=True, exist_ok=True)
        config.pluginmanager.register(ReportWriter(config), "rapport-html-writer")


def _expanded(path: str) -> Path:
    return Path(os.path.expandvars(os.path.expanduser(path))).absolute()


# Outermost wrapper: runs after pytest-bdd has registered the scenario of the
# report and after pytest-playwright has attached its artifacts.
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    report = yield
    if report.when == "setup":
        identity = scenario_identity(item)
        if identity is not None:
            setattr(report, IDENTITY_ATTRIBUTE, identity)
    context = test_report_context_registry.get(report)
    if context is not None and report.when == "call":
        if report.skipped:
            mark_last_step_skipped(context.scenario)
        setattr(report, BDD_CONTEXT_ATTRIBUTE, {"scenario": context.scenario, "name": context.name})
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    bdd_context = getattr(report, BDD_CONTEXT_ATTRIBUTE, None)
    if bdd_context is not None and report not in test_report_context_registry:
        # A report from an xdist worker: pytest-bdd 9 finds scenarios by report
        # object, so without this its cucumber JSON stays empty under xdist.
        test_report_context_registry[report] = ReportContext(**bdd_context)


class ReportWriter:
    """On the controller: gathers the evidence of every test from its
    reports, then writes the page once the cucumber JSON is written."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.evidence: dict[str, dict[str, Any]] = {}
        self.started = datetime.now(UTC)
        self.started_monotonic = time.monotonic()
        self.pytest_counts: Counter[str] = Counter()
        self.written: Path | None = None
        self.session_finished = False
        # Until the session has run, the ways out are a usage error (the commonest: an option, a target or a
        # Mailpit refused at the start), an internal error or an interruption: the report says which, rather
        # than leave a previous run's verdict in place. The session's end writes over it.
        self._write_stopped(ExitCode.USAGE_ERROR)

    def pytest_internalerror(self) -> None:
        if not self.session_finished:
            self._write_stopped(ExitCode.INTERNAL_ERROR)

    def pytest_keyboard_interrupt(self) -> None:
        if not self.session_finished:
            self._write_stopped(ExitCode.INTERRUPTED)

    def _write_stopped(self, code: ExitCode) -> None:
        html_file = self._html_file()
        if html_file is not None:
            run = _run_info_from_options(self.config)
            run.started, run.pytest_counts, run.exit_status = self.started, {}, int(code)
            self.written = write_results([], html_file, run)

    def _html_file(self) -> Path | None:
        """Where the page goes: --rapport-html, else beside the cucumber JSON; None without a cucumber JSON."""
        cucumber_path = getattr(self.config.option, CUCUMBER_JSON_OPTION, None)
        if not cucumber_path:
            return None
        html_option = self.config.getoption("rapport_html")
        return Path(html_option).absolute() if html_option else _expanded(cucumber_path).with_name(DEFAULT_HTML_NAME)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        category = self.config.hook.pytest_report_teststatus(report=report, config=self.config)[0]
        if category:  # "" for a passed setup or teardown, as pytest's summary leaves them out
            self.pytest_counts[category] += 1
        record = self.evidence.setdefault(
            report.nodeid, {"nodeid": report.nodeid, "phases": {}, "failures": [], "duration": 0.0}
        )
        identity = getattr(report, IDENTITY_ATTRIBUTE, None)
        if identity is not None:
            record.update(identity)
        bdd_context = getattr(report, BDD_CONTEXT_ATTRIBUTE, None)
        if bdd_context is not None:
            record["executed"] = [step["failed"] for step in bdd_context["scenario"]["steps"]]
        record["duration"] += report.duration
        # Every phase is kept: a failure in any of them wins over a skip or a
        # pass (report.scenario_status), as it does in pytest's counts.
        record["phases"][report.when] = report.outcome
        if report.failed:
            record["failures"].append(
                {"phase": report.when, "message": _failure_message(report), "details": report.longreprtext}
            )
        elif report.skipped and "skip_reason" not in record:
            record["skip_reason"] = skip_reason(report)
        for name, value in report.user_properties:
            if name == SCREENSHOT_PROPERTY:
                _add_once(record.setdefault("screenshots", []), value)
            elif name == TRACE_PROPERTY:
                _add_once(record.setdefault("traces", []), value)
            elif name == ANNOUNCED_PROPERTY:
                _add_once(record.setdefault("announced", []), value)
        for mail in mails_of(report.user_properties):
            _add_once(record.setdefault("mails", []), mail)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        # Counted as pytest's terminal summary counts them: a file that cannot
        # be collected is an error of the run, whatever its scenarios.
        if report.failed:
            self.pytest_counts["error"] += 1
        elif report.skipped:
            self.pytest_counts["skipped"] += 1

    # A wrapper, innermost (trylast): after every plain pytest_sessionfinish, pytest-bdd's cucumber JSON
    # writer and those that change the exit code (the late-mail check, the skips' rule) included, and
    # before the terminal's summary, which names the report.
    @pytest.hookimpl(wrapper=True, trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> Generator[None, None, None]:
        yield
        self.session_finished = True
        self._write(int(session.exitstatus))

    def _write(self, exitstatus: int) -> None:
        config = self.config
        html_file = self._html_file()
        if html_file is None:
            return
        cucumber_file = _expanded(getattr(config.option, CUCUMBER_JSON_OPTION))
        if not cucumber_file.exists():
            return
        run = config.stash.get(RUN_INFO_KEY, None) or _run_info_from_options(config)
        run.started, run.duration = self.started, time.monotonic() - self.started_monotonic
        run.pytest_counts, run.exit_status = dict(self.pytest_counts), int(exitstatus)
        evidence = [_with_artifacts(config, record) for record in self.evidence.values() if "uri" in record]
        self.written = write_report(cucumber_file, html_file, evidence, run)
        # The same as data, for `python -m reporting merge` (artifacts relative to the folder, which CI moves).
        split = {"splits": config.getoption("splits", None), "group": config.getoption("group", None)}
        data = shard_data(run, evidence, cucumber_file.parent, split if split["splits"] else None)
        cucumber_file.with_name(EVIDENCE_NAME).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.written is not None:
            summary = summary_path(self.written)
            terminalreporter.write_sep("-", f"rapport HTML : {self.written} (verdict et décomptes : {summary})")


def _add_once(values: list[Any], value: Any) -> None:
    if value not in values:
        values.append(value)


def _failure_message(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        return crash.message
    text = report.longreprtext.strip()
    return text.splitlines()[-1] if text else "(pas de message)"


def _run_info_from_options(config: pytest.Config) -> RunInfo:
    return RunInfo(
        target=config.getoption("base_url", None) or os.environ.get("BASE_URL"),
        mailpit=config.getoption("mailpit_url", None) or os.environ.get("MAILPIT_URL"),
    )


def _with_artifacts(config: pytest.Config, record: dict[str, Any]) -> dict[str, Any]:
    """The record with absolute artifact paths. pytest-playwright (0.10.0)
    names them relative to the directory pytest was started from; its files
    are in <--output>/<slugify(nodeid)>/ (test-failed-N.png, trace.zip)."""
    base = config.invocation_params.dir
    record = dict(record)
    for kind in ("screenshots", "traces"):
        record[kind] = [str(Path(base, path)) for path in record.get(kind, [])]
    return record
