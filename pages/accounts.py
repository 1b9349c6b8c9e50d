"""The insured person of a scenario: an account of their own on the target."""

import secrets
from dataclasses import dataclass
from collections.abc import Callable
from typing import TYPE_CHECKING
from datetime import date, datetime

from stdnum.fr import nir as stdnum_nir

from pages.renewal_page import PasswordChoice
from pages.target import Capabilities
from pages.test_support import TestSupportApi

# The situations of the guide, named as the staging configuration names them.
VALIDATED_ADDRESS = "adresse_validee"
NO_ADDRESS = "sans_adresse"
UNVALIDATED_ADDRESS = "adresse_non_validee"

if TYPE_CHECKING:  # a device's journey knows accounts: no import at run time
    from pages.device import Device

MAIL_DOMAIN = "assure.example.test"


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


MAINLAND_DEPARTMENTS = [f"{number:02d}" for number in range(1, 96) if number != 20]
CORSICAN_DEPARTMENTS = {"Corse-du-Sud": "2A", "Haute-Corse": "2B"}
OLDEST_BIRTH_YEAR, BIRTH_YEARS = 1940, 60


@dataclass(frozen=True)
class Birth:
    """Where and when the insured person was born; what is not said is drawn at random."""

    department: str | None = None
    day: date | None = None


def random_identity(birth: Birth = Birth()) -> tuple[str, date]:
    """A well-formed NIR (13 characters, starting with 1 or 2) and a birth date
    that agrees with it; random enough that parallel runs never share one."""
    sex = secrets.choice("12")
    born = birth.day or date(
        OLDEST_BIRTH_YEAR + secrets.randbelow(BIRTH_YEARS), 1 + secrets.randbelow(12), 1 + secrets.randbelow(28)
    )
    department = birth.department or secrets.choice(MAINLAND_DEPARTMENTS)
    commune = f"{1 + secrets.randbelow(989):03d}"
    order = f"{1 + secrets.randbelow(999):03d}"
    nir = f"{sex}{born:%y%m}{department}{commune}{order}"
    # python-stdnum knows the NIR's structure: the number must be a valid one.
    stdnum_nir.validate(nir + stdnum_nir.calc_check_digits(nir))
    return nir, born


def leap_day() -> date:
    """A 29 February, in a year the random identities use."""
    leap_years = [year for year in range(OLDEST_BIRTH_YEAR, OLDEST_BIRTH_YEAR + BIRTH_YEARS) if year % 4 == 0]
    return date(secrets.choice(leap_years), 2, 29)


def unique_address() -> str:
    """An address of this scenario alone (the suite matches addresses exactly)."""
    return f"assure-{secrets.token_hex(6)}@{MAIL_DOMAIN}"


class AccountProvider:
    """Creates a fresh account per scenario, or takes one from the staging configuration."""

    def __init__(self, test_support: TestSupportApi, capabilities: Capabilities):
        self._test_support = test_support
        self._capabilities = capabilities

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
        if not self._capabilities.accounts:
            staged = self._capabilities.staging_accounts[situation]
            return Account(staged.nir, date.fromisoformat(staged.birth_date), staged.email, staged.password)
        email = None if situation == NO_ADDRESS else unique_address()
        for _ in range(5):  # a random NIR may, rarely, already exist on a shared target
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
        raise AssertionError("Impossible de créer un compte : cinq NIR tirés au hasard existaient déjà.")


def personalised(text: str, account: Account) -> str:
    """Put the account's own data where a feature writes {NIR}, {NIR en minuscules},
    {NIR sans son dernier caractère}, {JJMMAAAA}, {JJ/MM/AAAA} or {AAAAMMJJ}."""
    return (
        text.replace("{NIR}", account.nir)
        .replace("{NIR en minuscules}", account.nir.lower())
        .replace("{NIR sans son dernier caractère}", account.nir[:-1])
        .replace("{JJMMAAAA}", account.birth_date.strftime("%d%m%Y"))
        .replace("{JJ/MM/AAAA}", account.birth_date.strftime("%d/%m/%Y"))
        .replace("{AAAAMMJJ}", account.birth_date.strftime("%Y%m%d"))
    )


class NewPassword:
    """The person's choice of a new password: the features' {NIR}… filled in, and the moment of the click."""

    def __init__(self, account: Account, target_now: Callable[[], datetime]):
        self._account = account
        self._target_now = target_now

    def choose_on(self, device: "Device", written: str, confirmation: str | None = None) -> PasswordChoice:
        choice = PasswordChoice(personalised(written, self._account), self._target_now())
        device.renewal.choose(choice.password, confirmation)
        return choice


class StoredAccount:
    """The account as the target stores it (the test-support API), read when asked."""

    def __init__(self, test_support: TestSupportApi, nir: str):
        self._test_support = test_support
        self._nir = nir

    def read(self) -> dict:
        return self._test_support.account(self._nir)


def expect_password_unchanged(stored: dict) -> None:
    """`stored`: the account as the test-support API gives it."""
    assert stored["password_changed_at"] is None, (
        f"Le mot de passe du compte {stored['nir']} ne devait pas avoir changé ; "
        f"il l'a été le {stored['password_changed_at']}."
    )
