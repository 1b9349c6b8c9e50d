"""The scenario's time: the target's clock for its session and the page's clock, moved together."""

import re
from datetime import datetime

from playwright.sync_api import Page

from pages.test_support import TestSupportApi

_DURATION_PART = re.compile(r"(\d+)\s*(heures?|minutes?|secondes?)")
_SECONDS_PER_UNIT = {"heure": 3600, "minute": 60, "seconde": 1}


def parse_duration(text: str) -> int:
    """'30 minutes et 1 seconde' -> 1801; the way the features write durations."""
    parts = _DURATION_PART.findall(text)
    rest = _DURATION_PART.sub("", text).replace("et", "").replace(",", "").strip()
    if not parts or rest:
        raise ValueError(f"Durée illisible : « {text} » (attendu par exemple « 30 minutes et 1 seconde »).")
    return sum(int(number) * _SECONDS_PER_UNIT[unit.rstrip("s")] for number, unit in parts)


class ScenarioClock:
    def __init__(self, test_support: TestSupportApi, page: Page):
        self._test_support = test_support
        self._page = page

    def freeze(self) -> datetime:
        """Stop the session's clock before the journey, so that 299 s or 1801 s land exactly."""
        return self.advance(0)

    def advance(self, seconds: float) -> datetime:
        now = self._test_support.advance_clock(seconds)
        self._page.clock.set_fixed_time(now)
        return now

    def now(self) -> datetime:
        return self._test_support.now()
