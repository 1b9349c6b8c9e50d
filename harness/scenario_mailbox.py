"""The scenario's mailbox (--mail-timeout), and the evidence of a failed scenario for the HTML report: every mail
its mailbox read."""

import os

import pytest

from harness import OPTIONS_GROUP
from harness.waits import mail_wait_seconds
from mails.mailbox import DEFAULT_MAIL_TIMEOUT_SECONDS, Mailbox
from reporting.evidence import attach_mails


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--mail-timeout", type=float,
                    default=float(os.environ.get("MAIL_TIMEOUT", DEFAULT_MAIL_TIMEOUT_SECONDS)),
                    help=f"Délai maximal d'attente d'un mail, en secondes (défaut : {DEFAULT_MAIL_TIMEOUT_SECONDS:g}).")


# The scenario's mailbox: the mails it read go into a failure's report.
SCENARIO_MAILBOX = pytest.StashKey[Mailbox]()


@pytest.fixture
def mailbox(scenario_mailpit, shared_target, pytestconfig, request) -> Mailbox:
    """The scenario's view of Mailpit, kept on the scenario for its failure's report; a slow target's mail
    is waited for longer (--slow-target)."""
    scenario_mailbox = Mailbox(scenario_mailpit, timeout=mail_wait_seconds(pytestconfig, shared_target.slowness))
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
