"""Which Chromium the suite launches, and the one Playwright error it forgives."""

from pathlib import Path

import pytest
from _pytest.reports import TestReport

from pages.browser import (
    SYSTEM_CHROMIUM_ARGS,
    UNWRITTEN_TRACE,
    chromium_launch_args,
    forgive_unwritten_trace,
)


def test_playwright_s_own_chromium_comes_first(tmp_path):
    bundled = tmp_path / "chrome"
    bundled.touch()
    assert chromium_launch_args(str(bundled)) == {}


def test_without_it_the_system_chromium_is_launched(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/chromium/chrome")
    launch = chromium_launch_args(str(tmp_path / "not-installed"))
    assert launch == {"executable_path": "/opt/chromium/chrome", "args": SYSTEM_CHROMIUM_ARGS}


def test_without_any_chromium_the_error_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match="apt-get install -y chromium"):
        chromium_launch_args(str(tmp_path / "not-installed"))


def report(when: str, outcome: str, longrepr=None) -> TestReport:
    return TestReport("steps/test_x.py::test_x", ("steps/test_x.py", 1, "test_x"), {}, outcome, longrepr, when)


def test_a_passed_scenario_s_unwritten_trace_becomes_a_note():
    teardown = report("teardown", "failed", f"Error: {UNWRITTEN_TRACE}")
    forgive_unwritten_trace(teardown, report("call", "passed"))
    assert teardown.passed and teardown.longrepr is None
    assert UNWRITTEN_TRACE in dict(teardown.sections)["Trace Playwright non écrite (scénario réussi)"]


@pytest.mark.parametrize("teardown, call", [
    (report("teardown", "failed", f"Error: {UNWRITTEN_TRACE}"), report("call", "failed", "AssertionError")),
    (report("teardown", "failed", f"Error: {UNWRITTEN_TRACE}"), None),
    (report("teardown", "failed", "Error: Browser closed"), report("call", "passed")),
])
def test_any_other_failure_stays_a_failure(teardown, call):
    forgive_unwritten_trace(teardown, call)
    assert teardown.failed


def test_the_system_chromium_found_on_path_is_used(tmp_path, monkeypatch):
    chromium = tmp_path / "chromium"
    chromium.touch(mode=0o755)
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert Path(chromium_launch_args(str(tmp_path / "absent"))["executable_path"]) == chromium
