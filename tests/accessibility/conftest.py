"""Small pages rendered in Chromium, each breaking one rule, for the accessibility checks."""

import pytest
from playwright.sync_api import Page, expect

from harness.waits import EXPECT_TIMEOUT_MS

# A page that keeps every rule; each test puts what it breaks in its body.
CORRECT_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><main><h1>Essai</h1>{body}</main></body>
</html>"""

# A failing check retries its expectation up to this long; these pages never change.
SHORT_EXPECT_TIMEOUT_MS = 1_000


@pytest.fixture(autouse=True)
def _short_expect_timeout():
    expect.set_options(timeout=SHORT_EXPECT_TIMEOUT_MS)
    yield
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture
def show(page: Page):
    """Render a page in Chromium: a body (and head) inside an otherwise correct page."""

    def render(body: str, head: str = "", title: str = "Essai") -> Page:
        page.set_content(CORRECT_PAGE.format(body=body, head=head, title=title))
        return page

    return render
