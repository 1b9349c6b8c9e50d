"""Evidence of a failed scenario for the HTML report: every mail its mailbox read."""

import pytest

from mails.mailbox import Mailbox
from reporting.evidence import attach_mails

# The scenario's mailbox: the mails it read go into a failure's report.
SCENARIO_MAILBOX = pytest.StashKey[Mailbox]()


@pytest.fixture
def mailbox(scenario_mailpit_url, pytestconfig, request) -> Mailbox:
    """The scenario's view of Mailpit, kept on the scenario for its failure's report."""
    scenario_mailbox = Mailbox(scenario_mailpit_url, timeout=pytestconfig.getoption("--mail-timeout"))
    request.node.stash[SCENARIO_MAILBOX] = scenario_mailbox
    return scenario_mailbox


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed scenario's report (in any phase) carries every mail it read, kept in Mailpit."""
    outcome = yield
    report = outcome.get_result()
    mailbox = item.stash.get(SCENARIO_MAILBOX, None)
    if report.failed and mailbox and mailbox.read_mails:
        attach_mails(report, mailbox.read_mails, mailbox.url)
