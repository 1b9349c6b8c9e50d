"""The scenario's browser contexts, as pytest-playwright's new_context opens them (the scenario's own, the
phone's, another browser's): each waits as long as the run's waits say (harness/waits.py), and a failed
scenario's report names the pages the browser could not load at all (Chromium's own error page: a refused
connection, a network change, a certificate), so that a network error is not read as the site's answer."""

import pytest
from playwright.sync_api import BrowserContext, Page, Request

_CONTEXTS = pytest.StashKey["ScenarioContexts"]()
# Where Chromium shows a page it could not load.
CHROMIUM_ERROR_PAGE = "chrome-error://"


class ScenarioContexts:
    """The contexts a scenario opened, and the network error of each page's last failed load: the error
    page says nothing in the headless shell, so the error is taken from the failed request itself."""

    def __init__(self):
        self.opened: list[BrowserContext] = []
        self._load_errors: dict[Page, str] = {}

    def track(self, context: BrowserContext, action_ms: float) -> BrowserContext:
        context.set_default_timeout(action_ms)
        context.on("requestfailed", self._remember_load_error)
        self.opened.append(context)
        return context

    def _remember_load_error(self, request: Request) -> None:
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self._load_errors[request.frame.page] = (request.failure or "").removeprefix("net::")

    def unloaded_pages(self) -> list[str]:
        """One line per page showing Chromium's error page, with the network error of its load."""
        return [f"Le navigateur n'a pas pu charger une page : {self._load_errors.get(page) or 'erreur sans nom'} "
                "(page d'erreur de Chromium : une erreur du réseau, pas une réponse du site)."
                for context in self.opened for page in context.pages
                if not page.is_closed() and page.url.startswith(CHROMIUM_ERROR_PAGE)]


@pytest.fixture
def new_context(new_context, page_waits, request):
    contexts = request.node.stash.setdefault(_CONTEXTS, ScenarioContexts())
    return lambda **options: contexts.track(new_context(**options), page_waits.action_ms)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    report = outcome.get_result()
    contexts = item.stash.get(_CONTEXTS, None)
    if report.when != "call" or not report.failed or not contexts or not hasattr(report.longrepr, "addsection"):
        return
    lines = contexts.unloaded_pages()
    if lines:
        report.longrepr.addsection("Pages non chargées", "\n".join(lines))
