"""Per-session clocks (test-support-api.md): real time until a session's first
POST /__test__/clock, then frozen and moved only by that session."""

import secrets
import threading
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, session

PARIS = ZoneInfo("Europe/Paris")
_SESSION_ID_KEY = "sid"


def real_now() -> datetime:
    return datetime.now(UTC)


class SessionClocks:
    def __init__(self):
        self._frozen: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def reading(self, session_id: str) -> tuple[datetime, float]:
        """The session's time and its offset from real time, read at one instant."""
        real = real_now()
        with self._lock:
            now = self._frozen.get(session_id, real)
        return now, (now - real).total_seconds()

    def advance(self, session_id: str, seconds: float) -> None:
        """Freeze the clock (if not yet) and move it forward; OverflowError if beyond the calendar."""
        with self._lock:
            moved = self._frozen.get(session_id, real_now()) + timedelta(seconds=seconds)
            self._frozen[session_id] = moved


def ensure_session() -> None:
    """Give every browser a session on its first request of any kind, /__test__/ included."""
    if _SESSION_ID_KEY not in session:
        session[_SESSION_ID_KEY] = secrets.token_urlsafe(16)


def session_id() -> str:
    return session[_SESSION_ID_KEY]


def clocks() -> SessionClocks:
    return current_app.extensions["mock_site.clocks"]


def now() -> datetime:
    """The time of the session whose request is being answered."""
    return clocks().reading(session_id())[0]


def today_in_paris(moment: datetime) -> date:
    return moment.astimezone(PARIS).date()


def iso_paris(moment: datetime) -> str:
    """The API's time format: ISO 8601 with offset, Europe/Paris, to the millisecond."""
    return moment.astimezone(PARIS).isoformat(timespec="milliseconds")
