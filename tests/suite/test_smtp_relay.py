"""The outage site's relay to its mail server: it forwards, and cut, the connection is refused."""

import smtplib

import pytest

from harness.smtp_relay import SmtpRelay
from mails.mailpit_choice import free_port
from mock_site.mailpit import start_catcher


@pytest.fixture
def smtp_catcher():
    catcher = start_catcher()
    yield catcher
    catcher.stop()


def _subjects(catcher) -> list[str]:
    return [message.summary()["Subject"] for message in catcher.store.newest_first()]


@pytest.fixture
def relay(smtp_catcher):
    relay = SmtpRelay(free_port(), (smtp_catcher.smtp_host, smtp_catcher.smtp_port))
    relay.restore()
    yield relay
    relay.cut_off()


def _send(port: int, subject: str) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=5) as smtp:
        smtp.sendmail("site@example.org", ["assure@example.org"], f"Subject: {subject}\r\n\r\ncorps")


def test_a_mail_sent_through_the_relay_reaches_the_mail_server(relay, smtp_catcher):
    _send(relay.port, "par le relais")
    assert _subjects(smtp_catcher) == ["par le relais"]


def test_cut_the_connection_is_refused_and_restored_it_works_on_the_same_port(relay, smtp_catcher):
    relay.cut_off()
    with pytest.raises(ConnectionRefusedError):
        _send(relay.port, "perdu")
    relay.restore()
    _send(relay.port, "revenu")
    assert _subjects(smtp_catcher) == ["revenu"]
