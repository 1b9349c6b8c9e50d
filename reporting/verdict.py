"""The run's exit codes, and the one rule by which a skipped scenario becomes one.

A skip is never a pass. When the suite started the bundled mock itself (which offers everything a scenario
needs), a skip is a failure (1). Against any other target, a run with skips is an incomplete acceptance
(INCOMPLETE, 6), unless --accepter-ignores accepts it (0). An error or a failure always wins: only a run
that would otherwise exit 0 is changed. The harness sets the process's exit code with this rule, and the
report (reporting/report.py: verdict_of) judges with the same one, so that both always agree.
"""

from enum import IntEnum

import pytest


class ExitCode(IntEnum):
    """pytest's own exit codes, and the suite's « incomplete »."""

    OK = pytest.ExitCode.OK
    TESTS_FAILED = pytest.ExitCode.TESTS_FAILED
    INTERRUPTED = pytest.ExitCode.INTERRUPTED
    INTERNAL_ERROR = pytest.ExitCode.INTERNAL_ERROR
    USAGE_ERROR = pytest.ExitCode.USAGE_ERROR
    NO_TESTS_COLLECTED = pytest.ExitCode.NO_TESTS_COLLECTED
    # Everything that ran passed, but not everything ran.
    INCOMPLETE = 6


# The codes of a run that stopped before its end, as the report says it.
STOPPED = {
    ExitCode.INTERRUPTED: "interrompue",
    ExitCode.INTERNAL_ERROR: "arrêtée par une erreur interne de pytest",
    ExitCode.USAGE_ERROR: "arrêtée par une erreur d'usage",
}


def exit_code_with_skips(exit_status: int, skipped: int, *, bundled_mock: bool, skips_accepted: bool) -> ExitCode:
    """The run's exit code, once `skipped` scenarios are counted (see the module's docstring)."""
    status = ExitCode(exit_status)
    if status != ExitCode.OK or not skipped:
        return status
    if bundled_mock:
        return ExitCode.TESTS_FAILED
    return ExitCode.OK if skips_accepted else ExitCode.INCOMPLETE


def skip_reason(report: pytest.TestReport) -> str:
    """Why pytest skipped a test, as the terminal and the report both show it."""
    longrepr = report.longrepr
    if isinstance(longrepr, (tuple, list)) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")
