"""The end of the run looks for late mails in each scenario's own Mailpit: a @panne-messagerie
scenario reads a Mailpit of its own, and a late mail there fails it, not another scenario."""

from types import SimpleNamespace

import pytest

from harness.mail_ledger import MailLedger
from mock_site.mailpit import start_catcher
from reporting.verdict import ExitCode
from tests.conftest import send_mail


@pytest.fixture
def two_mailpits():
    running = [start_catcher(), start_catcher()]
    yield running
    for catcher in running:
        catcher.stop()


def send(server, to: str) -> None:
    send_mail(server, to, "En retard")


def teardown_report(nodeid: str, mailpit: str, address: str):
    record = {"mailpit": mailpit, "address": address, "since": None, "seen": [], "subjects": [],
              "silence": {"since": None}}
    return SimpleNamespace(nodeid=nodeid, location=(nodeid, 1, nodeid), when="teardown", failed=False,
                           user_properties=[("mail_ledger", record)])


def test_a_late_mail_fails_the_scenario_of_its_own_mailpit(two_mailpits):
    shared, outage = two_mailpits
    options = {"--no-mail-window": 0.2, "--mail-timeout": 0.2}
    logged = []
    config = SimpleNamespace(getoption=options.__getitem__, stash={},
                             hook=SimpleNamespace(pytest_runtest_logreport=lambda report: logged.append(report)))
    ledger = MailLedger(config)
    # The same address in both Mailpits: only the outage Mailpit gets a mail, after the promise of silence.
    ledger.pytest_runtest_logreport(teardown_report("partage", shared.url, "assure@x.test"))
    ledger.pytest_runtest_logreport(teardown_report("panne", outage.url, "assure@x.test"))
    send(outage, "assure@x.test")

    session = SimpleNamespace(config=config, exitstatus=ExitCode.OK)
    ledger.pytest_sessionfinish(session)

    assert [report.nodeid for report in logged] == ["panne"]
    assert outage.url in logged[0].longrepr
    assert session.exitstatus == ExitCode.TESTS_FAILED
