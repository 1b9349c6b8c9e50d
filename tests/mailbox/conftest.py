"""Fixtures for the mailbox page object's tests: each test against the embedded catcher and against the real
Mailpit, a fast Mailbox, mail sending, Chromium."""

import smtplib
import threading
import uuid
from email.message import EmailMessage

import pytest

from mails.mailbox import Mailbox
from mails.mailpit_choice import start_binary
from mock_site.mailpit import start_catcher


@pytest.fixture(scope="module", params=["capteur", "Mailpit"])
def catcher(request):
    """The Mailpit these tests read: the embedded catcher, then the real one that ./run.sh builds."""
    if request.param == "capteur":
        running = start_catcher()
    else:
        running = start_binary(str(request.getfixturevalue("project_mailpit")))
    yield running
    running.stop()


@pytest.fixture
def mailbox(catcher):
    """Short deadlines keep the suite fast; the behaviour is the same as with the defaults."""
    return Mailbox(catcher.url, timeout=1.5, poll_interval=0.05, quiet_window=0.6)


@pytest.fixture
def address():
    """A fresh address per call: a@<unique>.test, so tests sharing the catcher never see each other's mail."""
    domain = f"{uuid.uuid4().hex[:10]}.test"
    return lambda local="assure": f"{local}@{domain}"


def _mail(to, subject, text, html, sender, cc):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


@pytest.fixture
def send(catcher):
    """Send a mail by SMTP to the catcher, at once or after `delay` seconds (from another thread)."""

    def send(to, subject="Sujet", text="Bonjour", html=None, sender="Votre Assurance Maladie <ne-pas-repondre@ameli.test>", cc=None, envelope=None, delay=None):
        message = _mail(to, subject, text, html, sender, cc)

        def deliver():
            with smtplib.SMTP(catcher.smtp_host, catcher.smtp_port, timeout=5) as smtp:
                smtp.send_message(message, to_addrs=envelope)

        if delay is None:
            deliver()
            return None
        timer = threading.Timer(delay, deliver)
        timer.start()
        return timer

    return send
