"""How long the scenarios' checks and actions wait: Playwright's own defaults, multiplied by --slow-target
for a slow target, shortened in a fault-matrix run (the bundled mock answers at once, and a fault's check is
expected to fail: waiting it out is the matrix's whole cost). Every browser context takes them
(harness/contexts.py); the mails' wait (--mail-timeout) is scaled with them."""

from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

# Playwright's defaults: expect() 5 s, an action or a navigation 30 s.
EXPECT_TIMEOUT_MS = 5_000
ACTION_TIMEOUT_MS = 30_000
# In a matrix run.
MATRIX_EXPECT_TIMEOUT_MS = 2_000
MATRIX_ACTION_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class PageWaits:
    expect_ms: float
    action_ms: float

    @classmethod
    def scaled(cls, slowness: float) -> "PageWaits":
        return cls(EXPECT_TIMEOUT_MS * slowness, ACTION_TIMEOUT_MS * slowness)


def mail_wait_seconds(config: pytest.Config, slowness: float) -> float:
    """How long a scenario waits for a mail, and the end of the run for a late one."""
    return config.getoption("--mail-timeout") * slowness


@pytest.fixture(scope="session")
def page_waits(shared_target, pytestconfig) -> PageWaits:
    if pytestconfig.getoption("--fault-matrix", None):
        return PageWaits(MATRIX_EXPECT_TIMEOUT_MS, MATRIX_ACTION_TIMEOUT_MS)
    return PageWaits.scaled(shared_target.slowness)


@pytest.fixture(scope="session", autouse=True)
def expect_waits(page_waits) -> None:
    """expect()'s timeout, in every process that runs scenarios."""
    expect.set_options(timeout=page_waits.expect_ms)
