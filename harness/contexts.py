"""The scenario's browser contexts, as pytest-playwright's new_context opens them (the scenario's own, the
phone's, another browser's): each waits as long as the run's waits say (harness/waits.py), and a failed
scenario's report names the pages the browser could not load at all (Chromium's own error page: a refused
connection, a network change, a certificate), so that a network error is not read as the site's answer."""

import pytest
from playwright.sync_api import BrowserContext, Page, Request, Response

_CONTEXTS = pytest.StashKey["ScenarioContexts"]()
# A load the page itself gave up (another navigation, a download, an empty answer): Chromium keeps the
# page it had and shows no error page.
ABANDONED_LOAD = "net::ERR_ABORTED"


class ScenarioContexts:
    """The contexts a scenario opened, and, for each page, the network error of its last load when that load
    failed before any answer. The error is taken from the failed request itself, not from the page: Chromium's
    error page says nothing in the headless shell, and it shows a moment after the load has failed, so a
    failure reported at once would find the page still at its former address. A load that failed after its
    answer began (a body cut short) shows what came: the site's page, not named."""

    def __init__(self):
        self.opened: list[BrowserContext] = []
        # Each page's last main-frame load: its request, and its network error if it failed before any answer.
        self._last_loads: dict[Page, tuple[Request, str | None]] = {}

    def track(self, context: BrowserContext, action_ms: float) -> BrowserContext:
        context.set_default_timeout(action_ms)
        context.on("requestfailed", self._remember_failed_load)
        context.on("response", self._remember_answered_load)
        self.opened.append(context)
        return context

    @staticmethod
    def _page_load(request: Request) -> bool:
        return request.is_navigation_request() and request.frame.parent_frame is None

    def _remember_failed_load(self, request: Request) -> None:
        if not self._page_load(request) or request.failure == ABANDONED_LOAD:
            return
        answered, _ = self._last_loads.get(request.frame.page, (None, None))
        if answered is not request:  # a failure after the answer began leaves the site's page shown
            self._last_loads[request.frame.page] = (request, (request.failure or "erreur sans nom").removeprefix("net::"))

    def _remember_answered_load(self, response: Response) -> None:
        if self._page_load(response.request):
            self._last_loads[response.request.frame.page] = (response.request, None)

    def unloaded_pages(self) -> list[str]:
        """One line per open page whose last load failed on the network (Chromium shows its error page)."""
        return [f"Le navigateur n'a pas pu charger une page : {error} "
                "(page d'erreur de Chromium : une erreur du réseau, pas une réponse du site)."
                for page, (_, error) in self._last_loads.items() if error and not page.is_closed()]


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
