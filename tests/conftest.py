"""Shared by the project's own tests."""

import pytest

from mock_site.mailpit import start_catcher

# pytest-playwright's browser: Playwright's own Chromium, else the system's (as the suite does).
pytest_plugins = ["harness.browser"]


@pytest.fixture(scope="module")
def catcher():
    """The embedded Mailpit-compatible catcher, on free ports."""
    running = start_catcher()
    yield running
    running.stop()
