"""A start that fails stops what it had started: the Mailpit and the site of the run."""

from types import SimpleNamespace

import pytest
import requests

from harness import servers
from mails import mailpit_choice
from site_under_test.capabilities import CapabilitiesUnreadable


def config_with(**options):
    values = {"--base-url": None, "--mailpit-url": None, "--mailpit-smtp": None, "--staging-config": None,
              "--ca-file": None, "--site-user": None, "--mailpit-user": None, "--slow-target": None,
              "--mail-timeout": 10, **options}
    return SimpleNamespace(getoption=lambda name: values[name])


def answers(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
        return True
    except requests.ConnectionError:
        return False


@pytest.fixture
def started(monkeypatch, tmp_path):
    """What SharedTarget starts, kept to look at after it failed; no `mailpit` binary: the embedded catcher."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(mailpit_choice, "PROJECT_MAILPIT", tmp_path / "pas-construit" / "mailpit")
    monkeypatch.delenv("BASE_URL", raising=False)
    running = []
    for starter in ("start_embedded_catcher", "start_bundled_site"):
        original = getattr(servers, starter)

        def keep(*args, _original=original):
            service = _original(*args)
            running.append(service)
            return service

        monkeypatch.setattr(servers, starter, keep)
    return running


def test_an_unreachable_site_stops_the_mailpit_started_for_it(started):
    with pytest.raises(pytest.UsageError, match="Site cible injoignable"):
        servers.SharedTarget(config_with(**{"--base-url": "http://127.0.0.1:9"}))

    [catcher] = started
    assert not answers(f"{catcher.url}/api/v1/info")


def test_unreadable_capabilities_stop_the_site_and_the_mailpit(started, monkeypatch):
    def unreadable(base_url):
        raise CapabilitiesUnreadable(f"{base_url}/__test__/capabilities a répondu 500")

    monkeypatch.setattr(servers, "offered_capabilities", unreadable)
    with pytest.raises(pytest.UsageError, match="a répondu 500"):
        servers.SharedTarget(config_with())

    catcher, site = started
    assert not answers(f"{site.url}/") and not answers(f"{catcher.url}/api/v1/info")


def test_a_broken_staging_file_stops_the_run_before_anything_starts(started, tmp_path):
    # Read first: it may hold how to reach the site and its Mailpit (their CA, their credentials).
    broken = tmp_path / "staging.json"
    broken.write_text("{pas du json", encoding="utf-8")
    with pytest.raises(pytest.UsageError, match="Configuration de recette .* illisible"):
        servers.SharedTarget(config_with(**{"--staging-config": str(broken)}))

    assert started == []


def test_a_staging_file_s_wrong_account_stops_the_site_and_the_mailpit(started, tmp_path):
    wrong = tmp_path / "staging.json"
    wrong.write_text('{"accounts": {"sans_adresse": {"nir": "1850775123456", "birth_date": "1985-07-15", '
                     '"email": null, "email_validated": false, "password": "écrit"}}}', encoding="utf-8")
    with pytest.raises(pytest.UsageError, match="contient un mot de passe"):
        servers.SharedTarget(config_with(**{"--staging-config": str(wrong)}))

    catcher, site = started
    assert not answers(f"{site.url}/") and not answers(f"{catcher.url}/api/v1/info")


def test_a_site_that_fails_to_start_stops_the_mailpit(started, monkeypatch):
    def failing(smtp_host, smtp_port):
        raise OSError("port déjà pris")

    monkeypatch.setattr(servers, "start_bundled_site", failing)
    with pytest.raises(OSError, match="port déjà pris"):
        servers.SharedTarget(config_with())

    [catcher] = started
    assert not answers(f"{catcher.url}/api/v1/info")
