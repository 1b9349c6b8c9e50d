"""The scenario's time: the target's clock for its session (read, frozen, moved) and the page's clock."""

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from playwright.sync_api import Page

from contract.time import PARIS
from site_under_test.support_api import SupportApiClient

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


def _next_day(now: datetime, month: int, day_of: Callable[[int], int]) -> date:
    """The next day of that month (its day given by the year) still ahead of `now`, in Paris."""
    paris_today = now.astimezone(PARIS).date()
    for year in (paris_today.year, paris_today.year + 1):
        day = date(year, month, day_of(year))
        if day > paris_today:
            return day
    raise AssertionError("unreachable: next year's day is always ahead")


def _last_sunday(year: int, month: int) -> int:
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return last.day - (last.weekday() - 6) % 7


def _paris(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), PARIS)


# The moments the features name, each the next one ahead of the session's clock. Summer and
# winter are far from the clock changes; the two mornings of a change sit just before it
# (the change is at 1:00 UTC, the last Sunday of March and of October); at 0:30 in Paris,
# UTC is still on the day before.
PARIS_MOMENTS = {
    "un jour d'été, à 14h30": lambda now: _paris(_next_day(now, 7, lambda year: 15), 14, 30),
    "un jour d'hiver, à 14h30": lambda now: _paris(_next_day(now, 1, lambda year: 15), 14, 30),
    "le matin du passage à l'heure d'été, à 1h50": lambda now: _paris(
        _next_day(now, 3, lambda year: _last_sunday(year, 3)), 1, 50),
    "le matin du passage à l'heure d'hiver, à 2h50 avant que l'heure ne recule": lambda now: datetime.combine(
        _next_day(now, 10, lambda year: _last_sunday(year, 10)), time(0, 50), UTC),
    "minuit et demie à Paris, quand il est encore la veille en temps universel": lambda now: _paris(
        now.astimezone(PARIS).date() + timedelta(days=1), 0, 30),
}


def typed_date(text: str, today: date) -> str:
    """What the person types for a date a feature writes: as written, or « demain » made JJ/MM/AAAA."""
    if text not in RELATIVE_DAYS:
        return text
    return (today + timedelta(days=RELATIVE_DAYS[text])).strftime("%d/%m/%Y")


class TargetTime:
    """The target's time for this session, in Paris: its test clock where it offers one, else the machine's."""

    def __init__(self, test_support: SupportApiClient | None):
        self._test_support = test_support

    def now(self) -> datetime:
        if self._test_support is None:
            return datetime.now(PARIS)
        return self._test_support.now().astimezone(PARIS)

    def today(self) -> date:
        return self.now().date()


class ScenarioClock:
    """Freezes and moves the session's clock on the target and the page's clock together."""

    def __init__(self, test_support: SupportApiClient, page: Page):
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

    def to_paris_moment(self, name: str) -> datetime:
        """Move forward to the next moment of that name (PARIS_MOMENTS), to the second."""
        now = self.advance(0)
        return self.advance((PARIS_MOMENTS[name](now) - now).total_seconds())

    def _move(self, seconds: float) -> datetime:
        now = self._test_support.advance_clock(seconds)
        self._page.clock.set_fixed_time(now)
        return now
