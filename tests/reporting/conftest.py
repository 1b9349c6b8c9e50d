from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.reporting import exemple


@pytest.fixture(scope="session")
def report_browser(browser: Browser) -> Browser:
    """pytest-playwright's browser, launched as tests/conftest.py says."""
    return browser


@pytest.fixture(scope="session")
def screenshot_png(report_browser: Browser) -> bytes:
    return exemple.failure_screenshot(report_browser)


@pytest.fixture
def example_report(tmp_path: Path, screenshot_png: bytes) -> Path:
    return exemple.write_example_report(tmp_path, screenshot_png)


@pytest.fixture
def report_page(report_browser: Browser) -> Page:
    """A page that refuses every request off the disk, and lists them."""
    context = report_browser.new_context()
    page = context.new_page()
    page.outside_requests = []

    def refuse(route):
        page.outside_requests.append(route.request.url)
        route.abort()

    context.route("http*://**/*", refuse)
    yield page
    context.close()
