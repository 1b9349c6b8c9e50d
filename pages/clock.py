"""The scenario's time: the target's clock for its session and the page's clock, moved together."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import Page

from pages.test_support import TestSupportApi

PARIS = ZoneInfo("Europe/Paris")
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
        self.frozen = False

    def freeze(self) -> datetime:
        """Stop the session's clock before the journey, so that 299 s or 1801 s land exactly."""
        self.frozen = True
        return self._move(0)

    def advance(self, seconds: float) -> datetime:
        # On a running clock, the seconds that the journey itself takes would blur the boundary.
        assert self.frozen, (
            "L'horloge de ce scénario n'est pas figée : un scénario qui fait passer le temps "
            "porte l'étiquette @horloge (son horloge est alors figée avant le parcours)."
        )
        return self._move(seconds)

    def to_last_second_of_minute(self) -> datetime:
        """Move to hh:mm:59.5, the moment where rounding and truncating differ."""
        now = self.advance(0).astimezone(PARIS)
        return self.advance((59.5 - now.second - now.microsecond / 1_000_000) % 60)

    def _move(self, seconds: float) -> datetime:
        now = self._test_support.advance_clock(seconds)
        self._page.clock.set_fixed_time(now)
        return now
