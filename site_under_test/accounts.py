"""The insured person of a scenario: an account of their own on the target."""

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from stdnum.fr import nir as stdnum_nir

from site_under_test.capabilities import Capabilities
from site_under_test.support_api import SupportApiClient

# The situations of the guide, named as the staging configuration names them.
VALIDATED_ADDRESS = "adresse_validee"
NO_ADDRESS = "sans_adresse"
UNVALIDATED_ADDRESS = "adresse_non_validee"

MAIL_DOMAIN = "assure.example.test"

# The NIR's parts (INSEE): sex 1 or 2, birth year and month, department (01-95, 20 being
# split into 2A/2B), commune (001-989), order number (001-999).
SEXES = "12"
FIRST_BIRTH_YEAR, BIRTH_YEARS = 1940, 60
DEPARTMENTS = [d for d in range(1, 96) if d != 20]
COMMUNES = 989
ORDER_NUMBERS = 999
# A birth day that every month has.
DAYS_IN_EVERY_MONTH = 28
# A random NIR may, rarely, already exist on a shared target: draw again, a few times.
ACCOUNT_CREATION_TRIES = 5


@dataclass
class Account:
    nir: str
    birth_date: date
    email: str | None
    password: str
    # A reused address (staging): its mails from this moment on are the scenario's own.
    mails_from: datetime | None = None

    @property
    def birth_date_text(self) -> str:
        """The birth date as the forms take it, JJ/MM/AAAA."""
        return self.birth_date.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Birth:
    """Where and when the insured person was born; what is not said is drawn at random."""

    department: str | None = None
    day: date | None = None


# The features name births: « né en Corse-du-Sud » writes 2A in the NIR.
CORSICAN_DEPARTMENTS = {"Corse-du-Sud": "2A", "Haute-Corse": "2B"}


def random_identity(birth: Birth = Birth()) -> tuple[str, date]:
    """A well-formed NIR (13 characters, starting with 1 or 2) and a birth date
    that agrees with it; random enough that parallel runs never share one."""
    sex = secrets.choice(SEXES)
    born = birth.day or date(FIRST_BIRTH_YEAR + secrets.randbelow(BIRTH_YEARS), 1 + secrets.randbelow(12),
                             1 + secrets.randbelow(DAYS_IN_EVERY_MONTH))
    department = birth.department or f"{secrets.choice(DEPARTMENTS):02d}"
    commune = f"{1 + secrets.randbelow(COMMUNES):03d}"
    order = f"{1 + secrets.randbelow(ORDER_NUMBERS):03d}"
    nir = f"{sex}{born:%y%m}{department}{commune}{order}"
    # python-stdnum knows the NIR's structure: the number must be a valid one.
    stdnum_nir.validate(nir + stdnum_nir.calc_check_digits(nir))
    return nir, born


def named_birth(name: str, today: date) -> Birth:
    """The births the features name: « en métropole », « en Corse-du-Sud », « hier », « un 29 février »."""
    births = {
        "en métropole": lambda: Birth(),
        "hier": lambda: Birth(day=today - timedelta(days=1)),
        "un 29 février": lambda: Birth(day=leap_day()),
        **{f"en {name}": (lambda code=code: Birth(department=code)) for name, code in CORSICAN_DEPARTMENTS.items()},
    }
    assert name in births, f"Naissance « {name} » inconnue de la suite ; connues : {', '.join(births)}."
    return births[name]()


def leap_day() -> date:
    """A 29 February, in a year the random identities use."""
    leap_years = [year for year in range(FIRST_BIRTH_YEAR, FIRST_BIRTH_YEAR + BIRTH_YEARS) if year % 4 == 0]
    return date(secrets.choice(leap_years), 2, 29)


def unique_address() -> str:
    """An address of this scenario alone (the suite matches addresses exactly)."""
    return f"assure-{secrets.token_hex(6)}@{MAIL_DOMAIN}"


class AccountProvider:
    """Creates a fresh account per scenario, or takes one from the staging configuration."""

    def __init__(self, test_support: SupportApiClient, capabilities: Capabilities,
                 mails_from: Callable[[str], datetime | None] = lambda address: None):
        self._test_support = test_support
        self._capabilities = capabilities
        # Where a reused (staging) address's mails start being this scenario's own.
        self._mails_from = mails_from

    def unavailable_reason(self, situation: str, birth: Birth = Birth()) -> str | None:
        if self._capabilities.accounts or (situation in self._capabilities.staging_accounts and birth == Birth()):
            return None
        if birth != Birth():
            return (
                "La cible n'offre pas la création de comptes (/__test__/accounts) : impossible "
                "d'avoir un assuré né à l'endroit ou au jour que le scénario demande."
            )
        return (
            "La cible n'offre pas la création de comptes (/__test__/accounts) et la "
            f"configuration de recette ne donne pas de compte « {situation} »."
        )

    def account(self, situation: str, birth: Birth = Birth()) -> Account:
        """The scenario's account in this situation; the scenario is skipped, with the reason, where none can be had."""
        reason = self.unavailable_reason(situation, birth)
        if reason:
            pytest.skip(reason)
        if not self._capabilities.accounts:
            staged = self._capabilities.staging_accounts[situation]
            return Account(staged.nir, date.fromisoformat(staged.birth_date), staged.email, staged.password,
                           mails_from=self._mails_from(staged.email) if staged.email else None)
        email = None if situation == NO_ADDRESS else unique_address()
        for _ in range(ACCOUNT_CREATION_TRIES):
            nir, born = random_identity(birth)
            answer = self._test_support.try_create_account(
                nir=nir,
                birth_date=born.isoformat(),
                email=email,
                email_validated=situation == VALIDATED_ADDRESS,
                password=f"Ancien-Mdp-{secrets.token_hex(3)}",
            )
            if answer is not None:
                return Account(answer["nir"], born, answer["email"], answer["password"])
        raise AssertionError(
            f"Impossible de créer un compte : {ACCOUNT_CREATION_TRIES} NIR tirés au hasard existaient déjà."
        )


def personal_data(account: Account) -> dict[str, str]:
    """The account's own data, as a feature names it in words (rule 5 of the new password)."""
    born = account.birth_date
    return {
        "son numéro de sécurité sociale": account.nir,
        "son numéro de sécurité sociale en minuscules": account.nir.lower(),
        "son numéro de sécurité sociale sans son dernier caractère": account.nir[:-1],
        "sa date de naissance écrite JJMMAAAA": born.strftime("%d%m%Y"),
        "sa date de naissance écrite JJ/MM/AAAA": born.strftime("%d/%m/%Y"),
        "sa date de naissance écrite AAAAMMJJ": born.strftime("%Y%m%d"),
    }


def described_password(description: str, account: Account) -> str:
    """A password as a feature describes it: « Nouveau-Mdp-2026 » as written, « Ab » suivi de son numéro de
    sécurité sociale, or son numéro de sécurité sociale alone."""
    written = re.fullmatch(r"« (?P<typed>[^»]*) »(?: suivi de (?P<data>.+))?", description)
    typed, named = (written["typed"], written["data"]) if written else ("", description)
    if named is None:
        return typed
    data = personal_data(account)
    if named not in data:
        raise ValueError(f"Donnée personnelle inconnue : « {named} » ; connues : {', '.join(data)}")
    return typed + data[named]
