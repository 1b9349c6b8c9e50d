"""The chaos client (mails/mailpit_chaos.py) makes a chaos-enabled Mailpit refuse mail, then accept it again:
against the embedded catcher (enable_chaos=True) and the real Mailpit (--enable-chaos)."""

import smtplib
import uuid

import pytest

from mails.mailbox import Mailbox
from mails.mailpit_chaos import ChaosUnavailable, MailpitChaos
from mails.mailpit_choice import start_binary
from mock_site.mailpit import start_catcher
from tests.conftest import send_mail


@pytest.fixture(scope="module", params=["capteur", "Mailpit"])
def chaos_mailpit(request):
    if request.param == "capteur":
        running = start_catcher(enable_chaos=True)
    else:
        running = start_binary(str(request.getfixturevalue("project_mailpit")), "--enable-chaos")
    yield running
    running.stop()


@pytest.fixture
def chaos(chaos_mailpit):
    client = MailpitChaos(chaos_mailpit.url)
    yield client
    client.accept_all()


def send(server, to: str) -> None:
    send_mail(server, to, "Renouvellement")


@pytest.mark.parametrize("code", [451, 550])
def test_refused_recipients_get_the_code_then_mail_passes_again(chaos_mailpit, chaos, code):
    address = f"assure@{uuid.uuid4().hex[:10]}.test"
    chaos.refuse_recipients(code)
    assert chaos.triggers()["Recipient"] == {"ErrorCode": code, "Probability": 100}
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(chaos_mailpit, address)
    assert refused.value.recipients[address][0] == code

    chaos.accept_all()
    assert all(trigger["Probability"] == 0 for trigger in chaos.triggers().values())
    send(chaos_mailpit, address)
    mails = Mailbox(chaos_mailpit.url, timeout=2, poll_interval=0.05).wait_for_mails(address, "Renouvellement")
    assert len(mails) == 1


def test_a_mailpit_without_chaos_is_said_so():
    catcher = start_catcher()
    try:
        with pytest.raises(ChaosUnavailable, match="--enable-chaos"):
            MailpitChaos(catcher.url).refuse_recipients(451)
    finally:
        catcher.stop()
