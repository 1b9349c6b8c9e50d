"""The business rules of rules.md as pure functions: NIR, birth date, captcha, link, password."""

import re
import string
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stdnum.fr import nir as stdnum_nir

from mock_site import wording

CAPTCHA_LIFETIME = timedelta(seconds=300)
LINK_LIFETIME = timedelta(seconds=1800)

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 50
# Every ASCII punctuation character, announced in the capabilities.
PASSWORD_SPECIAL_CHARACTERS = string.punctuation
_PASSWORD_ALLOWED = frozenset(string.ascii_letters + string.digits + PASSWORD_SPECIAL_CHARACTERS)

# [0-9], not \d: \d also matches other scripts' digits.
_TYPED_DATE = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: float
    block_seconds: float


def nir_from_typed(typed: str) -> str | None:
    """The 13-character NIR (upper case, no spaces or dots), or None if malformed."""
    number = stdnum_nir.compact(typed)
    if len(number) != 13:
        return None
    # stdnum judges the 15-character form; given the key it computes itself,
    # only the structure is judged: digits, and 2A/2B at positions 6-7.
    with suppress(ValueError):
        return stdnum_nir.validate(number + stdnum_nir.calc_check_digits(number))[:13]
    return None


def birth_date_from_typed(typed: str) -> date | None:
    """JJ/MM/AAAA (surrounding spaces ignored) as a real calendar date, or None."""
    match = _TYPED_DATE.fullmatch(typed.strip())
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    with suppress(ValueError):
        return date(year, month, day)
    return None


def date_from_iso(text: str) -> date | None:
    """AAAA-MM-JJ, as the test-support API writes dates, or None."""
    if not _ISO_DATE.fullmatch(text):
        return None
    with suppress(ValueError):
        return date.fromisoformat(text)
    return None


def identity_errors(typed_nir: str, typed_birth_date: str, today: date) -> list[str]:
    """Stage 1 of the forgot-password form: every field error, in field order."""
    errors = []
    if nir_from_typed(typed_nir) is None:
        errors.append(wording.NIR_FORMAT)
    birth_date = birth_date_from_typed(typed_birth_date)
    if birth_date is None:
        errors.append(wording.DATE_FORMAT)
    elif birth_date >= today:
        errors.append(wording.DATE_NOT_PAST)
    return errors


def captcha_expired(shown_at: datetime, now: datetime) -> bool:
    return now - shown_at > CAPTCHA_LIFETIME


def captcha_matches(typed: str, answer: str) -> bool:
    return typed.strip().upper() == answer.upper()


def link_expired(issued_at: datetime, now: datetime) -> bool:
    return now - issued_at > LINK_LIFETIME


def broken_password_rules(password: str, nir: str, birth_date: date) -> list[str]:
    """The wording of every rule that the password breaks; each rule is judged on its own."""
    has_lower = any(character in string.ascii_lowercase for character in password)
    has_upper = any(character in string.ascii_uppercase for character in password)
    folded = password.casefold()
    personal_data = [nir, *(birth_date.strftime(layout) for layout in ("%d%m%Y", "%d/%m/%Y", "%Y%m%d"))]
    judged = (
        PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH,
        has_lower and has_upper,
        any(character in string.digits or character in PASSWORD_SPECIAL_CHARACTERS for character in password),
        all(character in _PASSWORD_ALLOWED for character in password),
        not any(data.casefold() in folded for data in personal_data),
    )
    return [rule for rule, kept in zip(wording.PASSWORD_RULES, judged) if not kept]
