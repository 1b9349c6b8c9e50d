"""pytest-playwright's internals (version 0.10.0): its artifacts recorder, made cheaper for
`--tracing retain-on-failure` (the suite's default), and the names it gives what it keeps.

pytest-playwright records every scenario's trace with the screencast's frames, then writes it to
disk and takes a screenshot of every page when the browser closes, even after a scenario that
passed, only to delete them. Here the trace keeps what a tester reads in the trace viewer (the
page's DOM before and after every action, the network, the console, the steps' source) but not
the screencast; and a browser that closes after its scenario passed throws its trace away
unwritten and takes no screenshot. A scenario that failed keeps both, as before. (A failure that
comes only after the browsers closed, in a later fixture's teardown, finds none: README, « Known
limits of the checks ».)

pytest-playwright offers no option for either. The upstream option that would make this module
unnecessary is Playwright Test's fine-grained `trace: {mode: "retain-on-failure", screenshots: false}`
(microsoft/playwright#10147), with its rule that a passed test's trace is never written: a
`--tracing-screenshots off` beside `--tracing retain-on-failure`, writing only a failed test's trace.
Doing it through public calls alone (`--tracing off` and `context.tracing` in the suite's own
fixtures) would cost the same Playwright calls, but would have to redo the failure screenshot, the
artifacts' folders and the report's properties, and would miss the contexts pytest-playwright's
`new_context` opens. tests/suite/test_traces.py checks what a failure keeps.
"""

import pytest
from playwright.sync_api import BrowserContext

from compat import require

require("pytest-playwright", "0.10.0", __file__, "l'enregistreur d'artefacts (_artifacts_recorder), "
        "le rapport d'appel rep_call, les propriétés playwright_*, l'option --output")

# What each browser context records (Playwright's Tracing.start): no screencast frames.
TRACE_RECORDING = {"snapshots": True, "screenshots": False, "sources": True}
# The user properties, on a test's teardown report, naming the artifacts pytest-playwright kept.
SCREENSHOT_PROPERTY = "playwright_screenshot"
TRACE_PROPERTY = "playwright_trace"
# Where --output's folder is kept on config.option.
OUTPUT_OPTION = "output"


def passed_so_far(item: pytest.Item) -> bool:
    """The scenario ran and passed (or skipped); pytest-playwright keeps every phase's report on its item."""
    call = getattr(item, "rep_call", None)
    return call is not None and not call.failed


@pytest.fixture
def _artifacts_recorder(_artifacts_recorder, request, pytestconfig):
    """pytest-playwright's own recorder, made cheaper for retain-on-failure; other settings unchanged."""
    if pytestconfig.getoption("--tracing") != "retain-on-failure" or pytestconfig.getoption("--screenshot") == "on":
        return _artifacts_recorder
    recorder = _artifacts_recorder
    close_keeping_evidence = recorder.on_will_close_browser_context

    def on_did_create_browser_context(context: BrowserContext) -> None:
        # What pytest-playwright's own method does besides tracing: its list of pages, which --video reads.
        context.on("page", lambda page: recorder._all_pages.append(page))
        context.tracing.start(title=request.node.nodeid, **TRACE_RECORDING)

    def on_will_close_browser_context(context: BrowserContext) -> None:
        # Closed during the scenario, or after a failure: the trace and screenshots are kept, then
        # pytest-playwright keeps or deletes them once the scenario's outcome is known.
        if passed_so_far(request.node):
            context.tracing.stop()
        else:
            close_keeping_evidence(context)

    recorder.on_did_create_browser_context = on_did_create_browser_context
    recorder.on_will_close_browser_context = on_will_close_browser_context
    return recorder
