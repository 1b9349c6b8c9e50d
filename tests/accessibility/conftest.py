"""Small pages rendered in Chromium, each breaking one rule, for the accessibility checks."""

import pytest
from playwright.sync_api import Page

# A page that keeps every rule; each test puts what it breaks in its body.
CORRECT_PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><main><h1>Essai</h1>{body}</main></body>
</html>"""

@pytest.fixture(autouse=True)
def _short_expect_timeout(short_expect):
    """These pages never change: a failing check need not retry for long."""


@pytest.fixture
def show(page: Page):
    """Render a page in Chromium: a body (and head) inside an otherwise correct page."""

    def render(body: str, head: str = "", title: str = "Essai") -> Page:
        page.set_content(CORRECT_PAGE.format(body=body, head=head, title=title))
        return page

    return render
