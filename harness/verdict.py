"""The run's exit code never counts a skip as a pass: the rule is reporting/verdict.py's, applied here
to the process's exit code (and told in the terminal), as the report applies it to its verdict."""


import pytest

from harness import OPTIONS_GROUP
from harness.servers import SHARED_TARGET, suite_started_the_site
from reporting.verdict import SKIPS_ON_THE_BUNDLED_MOCK, SKIPS_VERDICTS, ExitCode, exit_code_with_skips, skip_reason
from reporting.workers import is_worker


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--accepter-ignores", action="store_true", default=False,
                    help="Contre une cible donnée, accepter une recette incomplète (des scénarios ignorés) : "
                         "sans cette option, le code de sortie est alors non nul.")


class SkipVerdict:
    def __init__(self, config: pytest.Config):
        self.config = config
        self.skipped: dict[str, str] = {}  # scenario -> reason
        self.summary: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            self.skipped[report.nodeid] = skip_reason(report)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        before = session.exitstatus
        session.exitstatus = exit_code_with_skips(before, len(self.skipped),
                                                  bundled_mock=suite_started_the_site(self.config),
                                                  skips_accepted=self.config.getoption("--accepter-ignores"))
        if not self.skipped or before != ExitCode.OK:
            return
        said = {ExitCode.TESTS_FAILED: f" {SKIPS_ON_THE_BUNDLED_MOCK}",
                ExitCode.INCOMPLETE: f" (code de sortie {ExitCode.INCOMPLETE.value} ; --accepter-ignores pour l'accepter)"}
        count = f"{len(self.skipped)} scénario(s) ignoré(s)"
        self.summary = [f"{SKIPS_VERDICTS[session.exitstatus]} : {count}{said.get(session.exitstatus, '')} :"]
        self.summary += [f"  - {nodeid} : {reason}" for nodeid, reason in self.skipped.items()]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.summary:
            terminalreporter.section("Verdict de la recette", sep="=")
            for line in self.summary:
                terminalreporter.write_line(line)


@pytest.hookimpl(trylast=True)  # after harness.servers has started (or not) the target
def pytest_configure(config: pytest.Config):
    # The main process judges the run (xdist's workers send it every report); only an acceptance run.
    if not is_worker(config) and SHARED_TARGET in config.stash:
        config.pluginmanager.register(SkipVerdict(config), "harness-skip-verdict")
