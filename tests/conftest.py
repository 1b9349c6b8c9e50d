"""Shared by the project's own tests."""

import os
import subprocess
from pathlib import Path

import smtplib
from email.message import EmailMessage

import pytest

from mails.server import PROJECT_MAILPIT
from mock_site.mailpit import start_catcher

PINNED_MAILPIT = (Path(__file__).resolve().parents[1] / "mailpit.version").read_text().strip()

# pytest-playwright's browser: Playwright's own Chromium, else the system's (as the suite does).
pytest_plugins = ["harness.browser"]


@pytest.fixture(scope="module")
def catcher():
    """The embedded Mailpit-compatible catcher, on free ports."""
    running = start_catcher()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def project_mailpit() -> Path:
    """The pinned Mailpit that ./run.sh builds into .tools/bin. CI builds it: there, its absence fails."""
    built = ""
    if PROJECT_MAILPIT.is_file():
        run = subprocess.run([PROJECT_MAILPIT, "version", "--no-release-check"], capture_output=True, text=True, timeout=10, check=False)
        built = run.stdout.strip()
    if f" {PINNED_MAILPIT} " in built:
        return PROJECT_MAILPIT
    reason = (f"Mailpit {PINNED_MAILPIT} absent de {PROJECT_MAILPIT} (vu : {built or 'rien'}) : "
              "`./run.sh tests` le construit (Go requis)")
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " ; en CI il doit l'être.")
    pytest.skip(reason)


def send_mail(server, to: str, subject: str) -> None:
    """A plain mail over SMTP to a Mailpit (or the catcher) that has smtp_host and smtp_port."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "site@x.test", to, subject
    message.set_content("Bonjour")
    with smtplib.SMTP(server.smtp_host, server.smtp_port, timeout=5) as smtp:
        smtp.send_message(message)
