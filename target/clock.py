"""The scenario's time: the target's clock for its session (read, frozen, moved) and the page's clock."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Page

from target.test_support_api import TestSupportApi

# The contract's time zone: the target states times in Paris time.
PARIS = ZoneInfo("Europe/Paris")

_DURATION_PART = re.compile(r"(\d+)\s*(heures?|minutes?|secondes?)")
_SECONDS_PER_UNIT = {"heure": 3600, "minute": 60, "seconde": 1}

# Half a second before a minute turns: its minute, truncated, is not the next one.
LAST_HALF_SECOND = 59.5

# The features write relative dates in words; the target's "today" gives them a value.
RELATIVE_DAYS = {"aujourd'hui": 0, "demain": 1}


def parse_duration(text: str) -> int:
    """'30 minutes et 1 seconde' -> 1801; the way the features write durations."""
    parts = _DURATION_PART.findall(text)
    rest = _DURATION_PART.sub("", text).replace("et", "").replace(",", "").strip()
    if not parts or rest:
        raise ValueError(f"Durée illisible : « {text} » (attendu par exemple « 30 minutes et 1 seconde »).")
    return sum(int(number) * _SECONDS_PER_UNIT[unit.rstrip("s")] for number, unit in parts)


def typed_date(text: str, today: date) -> str:
    """What the person types for a date a feature writes: as written, or « demain » made JJ/MM/AAAA."""
    if text not in RELATIVE_DAYS:
        return text
    return (today + timedelta(days=RELATIVE_DAYS[text])).strftime("%d/%m/%Y")


class TargetTime:
    """The target's time for this session, in Paris: its test clock where it offers one, else the machine's."""

    def __init__(self, test_support: TestSupportApi | None):
        self._test_support = test_support

    def now(self) -> datetime:
        if self._test_support is None:
            return datetime.now(PARIS)
        return self._test_support.now().astimezone(PARIS)

    def today(self) -> date:
        return self.now().date()


class ScenarioClock:
    """Freezes and moves the session's clock on the target and the page's clock together."""

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
        """Move to hh:mm:59.5, where rounding and truncating the minute differ."""
        now = self.advance(0).astimezone(PARIS)
        return self.advance((LAST_HALF_SECOND - now.second - now.microsecond / 1_000_000) % 60)

    def _move(self, seconds: float) -> datetime:
        now = self._test_support.advance_clock(seconds)
        self._page.clock.set_fixed_time(now)
        return now
