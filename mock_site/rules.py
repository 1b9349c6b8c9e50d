"""The business rules of rules.md as pure functions: NIR, birth date, captcha, link, password."""

import re
import string
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stdnum.fr import nir as stdnum_nir

from mock_site import faults, wording

CAPTCHA_LIFETIME = timedelta(seconds=300)
LINK_LIFETIME = timedelta(seconds=1800)

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 50
# Every ASCII punctuation character, announced in the capabilities.
PASSWORD_SPECIAL_CHARACTERS = string.punctuation
_PASSWORD_ALLOWED = frozenset(string.ascii_letters + string.digits + PASSWORD_SPECIAL_CHARACTERS)

# [0-9], not \d: \d also matches other scripts' digits.
_TYPED_DATE = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_TYPED_DATE_ONE_DIGIT_ALLOWED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # fault only
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: float
    block_seconds: float


def nir_from_typed(typed: str) -> str | None:
    """A NIR typed on a form: the 13-character NIR (upper case, no spaces or dots), or None if malformed."""
    if faults.active("nir_espaces_refuses") and any(character in " ." for character in typed):
        return None
    if faults.active("nir_minuscules_refusees") and typed != typed.upper():
        return None
    nir = compact_nir(typed)
    if faults.active("nir_corse_refusee") and nir is not None and nir[5:7] in ("2A", "2B"):
        return None
    if nir is None and faults.active("nir_lettre_acceptee") and re.fullmatch(r"[0-9A-Z]{13}", typed.upper()):
        return typed.upper()
    if nir is None and faults.active("nir_12_acceptes") and re.fullmatch(r"[0-9]{12}", typed):
        return typed
    return nir


def compact_nir(typed: str) -> str | None:
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
    layout = _TYPED_DATE_ONE_DIGIT_ALLOWED if faults.active("date_chiffre_unique_acceptee") else _TYPED_DATE
    match = layout.fullmatch(typed if faults.active("date_espaces_refuses") else typed.strip())
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
        if not (faults.active("date_irreelle_acceptee") and _TYPED_DATE.fullmatch(typed_birth_date.strip())):
            errors.append(wording.DATE_FORMAT)
    elif birth_date >= _first_refused_birth_date(today):
        errors.append(wording.DATE_NOT_PAST)
    if faults.active("erreurs_champs_une_seule"):
        return errors[:1]
    return errors


def _first_refused_birth_date(today: date) -> date:
    if faults.active("date_jour_accepte"):
        return today + timedelta(days=1)
    if faults.active("date_veille_refusee"):
        return today - timedelta(days=1)
    return today


def captcha_expired(shown_at: datetime, now: datetime) -> bool:
    lifetime = CAPTCHA_LIFETIME
    if faults.active("captcha_delai_long"):
        lifetime = timedelta(seconds=600)
    if faults.active("captcha_delai_court"):
        lifetime = timedelta(seconds=289)
    return now - shown_at > lifetime


def captcha_matches(typed: str, answer: str) -> bool:
    if not faults.active("captcha_espaces"):
        typed = typed.strip()
    if faults.active("captcha_casse"):
        return typed == answer
    return typed.upper() == answer.upper()


def link_expired(issued_at: datetime, now: datetime) -> bool:
    lifetime = LINK_LIFETIME
    if faults.active("lien_delai_long"):
        lifetime = timedelta(seconds=1900)
    if faults.active("lien_delai_court"):
        lifetime = timedelta(seconds=1789)
    return now - issued_at > lifetime


def broken_password_rules(password: str, nir: str, birth_date: date) -> list[str]:
    """The wording of every rule that the password breaks; each rule is judged on its own."""
    has_lower = any(character in string.ascii_lowercase for character in password)
    has_upper = any(character in string.ascii_uppercase for character in password)
    has_digit = any(character in string.digits for character in password)
    has_special = any(character in PASSWORD_SPECIAL_CHARACTERS for character in password)
    judged = [
        _length_allowed(password),
        has_lower and has_upper,
        has_digit or has_special,
        all(_character_allowed(character) for character in password),
        not _contains_personal_data(password, nir, birth_date),
    ]
    if faults.active("mdp_minuscules_seules"):
        judged[1] = has_lower
    if faults.active("mdp_majuscules_seules"):
        judged[1] = has_upper
    if faults.active("mdp_chiffre_exige"):
        judged[2] = has_digit
    if faults.active("mdp_special_exige"):
        judged[2] = has_special
    broken = [rule for rule, kept in zip(wording.PASSWORD_RULES, judged) if not kept]
    if faults.active("mdp_premiere_regle_seule"):
        return broken[:1]
    if faults.active("mdp_regle_en_trop") and broken and wording.PASSWORD_RULES[0] not in broken:
        return [wording.PASSWORD_RULES[0], *broken]
    return broken


def _length_allowed(password: str) -> bool:
    length = len(password.encode()) if faults.active("mdp_longueur_octets") else len(password)
    shortest, longest = PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH
    if faults.active("mdp_7_accepte"):
        shortest = 7
    if faults.active("mdp_8_refuse"):
        shortest = 9
    if faults.active("mdp_50_refuse"):
        longest = 49
    if faults.active("mdp_51_accepte"):
        longest = 51
    return shortest <= length <= longest


def _character_allowed(character: str) -> bool:
    if faults.active("mdp_special_refuse") and character == "\\":
        return False
    if faults.active("mdp_espace_accepte") and character == " ":
        return True
    if faults.active("mdp_accent_accepte") and unicodedata.normalize("NFD", character)[0] in string.ascii_letters:
        return True
    return character in _PASSWORD_ALLOWED


# The birth date's three forms, each with the fault that lets it through.
_BIRTH_DATE_LAYOUTS = {"%d%m%Y": "mdp_date_jjmmaaaa_acceptee", "%d/%m/%Y": "mdp_date_barres_acceptee",
                       "%Y%m%d": "mdp_date_aaaammjj_acceptee"}


def _contains_personal_data(password: str, nir: str, birth_date: date) -> bool:
    """The NIR or the birth date, case-insensitively."""
    folded = password.casefold()
    dates = [birth_date.strftime(layout) for layout, fault in _BIRTH_DATE_LAYOUTS.items() if not faults.active(fault)]
    if any(written in folded for written in dates):
        return True
    if faults.active("mdp_nir_accepte"):
        return False
    if faults.active("mdp_nir_casse"):
        return nir in password
    return nir.casefold() in folded
