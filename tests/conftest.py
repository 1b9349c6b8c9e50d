"""Shared by the project's own tests."""

import pytest

from mock_site.mailpit import start_catcher
from pages.browser import chromium_launch_args


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
