"""The scenario's browser contexts, as pytest-playwright's new_context opens them (the scenario's own, the
phone's, another browser's): each waits as long as the run's waits say (harness/waits.py), and a failed
scenario's report names the pages the browser could not load at all (Chromium's own error page: a refused
connection, a network change, a certificate), so that a network error is not read as the site's answer."""

import re

import pytest
from playwright.sync_api import BrowserContext

_CONTEXTS = pytest.StashKey[list[BrowserContext]]()
# Where Chromium shows a page it could not load, and how it names the network error on it.
CHROMIUM_ERROR_PAGE = "chrome-error://"
_NETWORK_ERROR = re.compile(r"^(net::)?ERR_[A-Z_]+$")


@pytest.fixture
def new_context(new_context, page_waits, request):
    return waiting_contexts(new_context, page_waits.action_ms, request.node.stash.setdefault(_CONTEXTS, []))


def waiting_contexts(new_context, action_ms: float, opened: list[BrowserContext]):
    def waiting_context(**options) -> BrowserContext:
        context = new_context(**options)
        context.set_default_timeout(action_ms)
        opened.append(context)
        return context

    return waiting_context


def unloaded_pages(contexts: list[BrowserContext]) -> list[str]:
    """One line per page showing Chromium's error page, with the network error it names."""
    lines = []
    for context in contexts:
        for page in context.pages:
            if not page.is_closed() and page.url.startswith(CHROMIUM_ERROR_PAGE):
                errors = page.get_by_text(_NETWORK_ERROR).all_inner_texts() or ["erreur sans nom"]
                lines.append(f"Le navigateur n'a pas pu charger une page : {', '.join(errors)} "
                             "(page d'erreur de Chromium : une erreur du réseau, pas une réponse du site).")
    return lines


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    report = outcome.get_result()
    contexts = item.stash.get(_CONTEXTS, [])
    if report.when != "call" or not report.failed or not contexts or not hasattr(report.longrepr, "addsection"):
        return
    lines = unloaded_pages(contexts)
    if lines:
        report.longrepr.addsection("Pages non chargées", "\n".join(lines))
