"""Evidence of a failed scenario for the HTML report: the last mail its mailbox read."""

import pytest

from mails.mailbox import Mailbox
from reporting.evidence import attach_mail

# The scenario's mailbox: the last mail it read goes into a failure's report.
SCENARIO_MAILBOX = pytest.StashKey[Mailbox]()


@pytest.fixture
def mailbox(mailpit_url, pytestconfig, request) -> Mailbox:
    """The scenario's view of Mailpit, kept on the scenario for its failure's report."""
    scenario_mailbox = Mailbox(mailpit_url, timeout=pytestconfig.getoption("--mail-timeout"),
                               quiet_window=pytestconfig.getoption("--no-mail-window"))
    request.node.stash[SCENARIO_MAILBOX] = scenario_mailbox
    return scenario_mailbox


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed scenario's report carries the last mail it read, for the HTML report."""
    outcome = yield
    report = outcome.get_result()
    mailbox = item.stash.get(SCENARIO_MAILBOX, None)
    if report.when == "call" and report.failed and mailbox and mailbox.last_mail:
        attach_mail(report, mailbox.last_mail)
