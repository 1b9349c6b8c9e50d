"""The run's exit code never counts a skip as a pass.

- When the suite started the bundled mock itself (which offers everything), a skipped
  scenario is a failure: exit code 1.
- Against any other target, a run with skips is an incomplete acceptance: exit code
  INCOMPLETE_EXIT_CODE, unless --accepter-ignores says it is accepted.
An error or a failure always wins: only a run that would otherwise exit 0 is changed.
"""

import pytest

from harness import xdist
from harness.servers import SHARED_TARGET, suite_started_the_site

# Beside pytest's own codes (0 to 5): "everything that ran passed, but not everything ran".
INCOMPLETE_EXIT_CODE = 6


def skip_reason(report: pytest.TestReport) -> str:
    if isinstance(report.longrepr, tuple):
        return report.longrepr[2].removeprefix("Skipped: ")
    return str(report.longrepr)


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
        if not self.skipped or session.exitstatus != pytest.ExitCode.OK:
            return
        count = f"{len(self.skipped)} scénario(s) ignoré(s)"
        if suite_started_the_site(self.config):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
            self.summary = [(f"Recette en échec : {count} alors que la suite a démarré elle-même le site "
                             "simulé, qui offre tout ce que les scénarios demandent :")]
        elif not self.config.getoption("--accepter-ignores"):
            session.exitstatus = INCOMPLETE_EXIT_CODE
            self.summary = [(f"Recette incomplète : {count} (code de sortie {INCOMPLETE_EXIT_CODE} ; "
                             "--accepter-ignores pour l'accepter) :")]
        else:
            self.summary = [f"Recette incomplète, acceptée par --accepter-ignores : {count} :"]
        self.summary += [f"  - {nodeid} : {reason}" for nodeid, reason in self.skipped.items()]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.summary:
            terminalreporter.section("Verdict de la recette", sep="=")
            for line in self.summary:
                terminalreporter.write_line(line)


@pytest.hookimpl(trylast=True)  # after harness.servers has started (or not) the target
def pytest_configure(config: pytest.Config):
    # The main process judges the run (xdist's workers send it every report); only an acceptance run.
    if not xdist.is_worker(config) and SHARED_TARGET in config.stash:
        config.pluginmanager.register(SkipVerdict(config), "harness-skip-verdict")
