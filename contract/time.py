"""The contract tells every time and every day in Paris (rules.md: the day, the mails' moments)."""

from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
