"""Which Mailpit the session uses: the URL given, else a `mailpit` binary (PATH, then the project's
.tools/bin), else the embedded catcher."""

import os
import smtplib
import stat
import sys
from pathlib import Path

import pytest
import requests

from mails import mailpit_choice
from mails.mailpit_choice import (
    PROJECT_MAILPIT,
    MailpitUnreachable,
    check_reachable,
    provide_mailpit,
)
from mock_site.mailpit import start_catcher
from mock_site.mailpit.api import VERSION as CATCHER_VERSION
from tests.conftest import PINNED_MAILPIT, PROJECT_ROOT

# A stand-in for the real binary: it takes Mailpit's --listen and --smtp and runs the embedded catcher there.
FAKE_MAILPIT = f"""#!{sys.executable}
import argparse, sys, threading
sys.path.insert(0, {str(PROJECT_ROOT)!r})
from mock_site.mailpit import start_catcher
parser = argparse.ArgumentParser()
parser.add_argument("--listen")
parser.add_argument("--smtp")
args, _ = parser.parse_known_args()
http_host, http_port = args.listen.rsplit(":", 1)
smtp_host, smtp_port = args.smtp.rsplit(":", 1)
start_catcher(http_host, int(smtp_port), int(http_port))
threading.Event().wait()
"""


def _receives(service) -> bool:
    with smtplib.SMTP(service.smtp_host, service.smtp_port, timeout=5) as smtp:
        smtp.sendmail("a@x.test", ["b@x.test"], b"Subject: essai\r\n\r\nok\r\n")
    listing = requests.get(f"{service.url}/api/v1/messages", timeout=5).json()
    return listing["messages"][0]["Subject"] == "essai"


def _fake_mailpit(folder: Path) -> Path:
    fake = folder / "mailpit"
    fake.write_text(FAKE_MAILPIT)
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return fake


def test_without_url_or_binary_the_embedded_catcher_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(mailpit_choice, "PROJECT_MAILPIT", tmp_path / "pas-construit" / "mailpit")
    service = provide_mailpit(None, start_catcher)
    try:
        assert service.kind == "embedded"
        assert service.describe() == (
            f"Mailpit {CATCHER_VERSION} : embarqué ({service.url}, SMTP 127.0.0.1:{service.smtp_port})"
        )
        assert _receives(service)
    finally:
        service.stop()


def test_a_mailpit_binary_on_path_is_started_on_free_ports(monkeypatch, tmp_path):
    fake = _fake_mailpit(tmp_path)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    service = provide_mailpit(None, start_catcher)
    try:
        assert service.kind == "binary"
        assert service.describe().startswith(
            f"Mailpit {CATCHER_VERSION} : binaire {fake} démarré ({service.url}, SMTP 127.0.0.1:"
        )
        assert _receives(service)
    finally:
        service.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{service.url}/api/v1/info", timeout=2)


def test_without_one_on_path_the_projects_binary_is_used(monkeypatch, tmp_path):
    project_folder = tmp_path / "projet" / ".tools" / "bin"
    project_folder.mkdir(parents=True)
    fake = _fake_mailpit(project_folder)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(mailpit_choice, "PROJECT_MAILPIT", fake)
    service = provide_mailpit(None, start_catcher)
    try:
        assert (service.kind, service.executable) == ("binary", str(fake))
        assert _receives(service)
    finally:
        service.stop()


def test_the_real_mailpit_that_run_sh_builds_is_found_without_path(monkeypatch, tmp_path, project_mailpit):
    monkeypatch.setenv("PATH", str(tmp_path))
    service = provide_mailpit(None, start_catcher)
    try:
        assert (service.kind, service.executable, service.version) == ("binary", str(PROJECT_MAILPIT), PINNED_MAILPIT)
        assert service.describe().startswith(f"Mailpit {PINNED_MAILPIT} : binaire {PROJECT_MAILPIT} démarré (")
        assert _receives(service)
    finally:
        service.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{service.url}/api/v1/info", timeout=2)


def test_a_binary_that_dies_at_start_is_reported(monkeypatch, tmp_path):
    fake = tmp_path / "mailpit"
    fake.write_text(f"#!{sys.executable}\nimport sys\nsys.exit('port déjà pris')\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MailpitUnreachable, match="s'est arrêté au démarrage .*port déjà pris"):
        provide_mailpit(None, start_catcher)


def test_a_given_url_is_checked_and_used_as_is(catcher):
    service = provide_mailpit(catcher.url + "/", start_catcher, smtp=f"{catcher.smtp_host}:{catcher.smtp_port}")
    assert (service.kind, service.url, service.smtp_port) == ("url", catcher.url, catcher.smtp_port)
    version = requests.get(f"{catcher.url}/api/v1/info", timeout=5).json()["Version"]
    assert service.describe() == f"Mailpit {version} : donné ({catcher.url}, SMTP {catcher.smtp_host}:{catcher.smtp_port})"
    service.stop()  # stops nothing: that Mailpit is not ours
    assert check_reachable(catcher.url)["Messages"] >= 0


def test_a_given_url_without_smtp_has_no_smtp(catcher):
    service = provide_mailpit(catcher.url, start_catcher)
    assert (service.smtp_host, service.smtp_port) == (None, None)
    assert "SMTP non indiqué" in service.describe()


def test_an_unreachable_url_fails_naming_it_and_how_to_start_one():
    with pytest.raises(MailpitUnreachable) as failure:
        provide_mailpit("http://127.0.0.1:9", start_catcher)
    message = str(failure.value)
    assert "http://127.0.0.1:9" in message
    assert "docker compose up -d mailpit" in message and "`mailpit`" in message and "--mailpit-url" in message


def test_a_url_that_is_not_mailpit_is_refused(catcher):
    with pytest.raises(MailpitUnreachable, match="pas une réponse de Mailpit|404"):
        check_reachable(catcher.url + "/view")
