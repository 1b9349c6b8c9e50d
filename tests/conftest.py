"""Shared by the project's own tests."""

import os
import subprocess
from pathlib import Path

import pytest

from mock_site.mailpit import start_catcher
from pages.browser import chromium_launch_args
from pages.mail_server import PROJECT_MAILPIT

PINNED_MAILPIT = (Path(__file__).resolve().parents[1] / "mailpit.version").read_text().strip()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """pytest-playwright's browser: Playwright's own Chromium, else the system's (as the suite does)."""
    return {**browser_type_launch_args, **chromium_launch_args(playwright.chromium.executable_path)}


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
