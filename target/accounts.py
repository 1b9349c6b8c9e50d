"""The insured person of a scenario: an account of their own on the target."""

import secrets
from dataclasses import dataclass
from datetime import date

import pytest
from stdnum.fr import nir as stdnum_nir

from target.capabilities import Capabilities
from target.test_support_api import TestSupportApi

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

    @property
    def birth_date_text(self) -> str:
        """The birth date as the forms take it, JJ/MM/AAAA."""
        return self.birth_date.strftime("%d/%m/%Y")


def random_identity() -> tuple[str, date]:
    """A well-formed NIR (13 characters, starting with 1 or 2) and a birth date
    that agrees with it; random enough that parallel runs never share one."""
    sex = secrets.choice(SEXES)
    birth = date(FIRST_BIRTH_YEAR + secrets.randbelow(BIRTH_YEARS), 1 + secrets.randbelow(12),
                 1 + secrets.randbelow(DAYS_IN_EVERY_MONTH))
    department = f"{secrets.choice(DEPARTMENTS):02d}"
    commune = f"{1 + secrets.randbelow(COMMUNES):03d}"
    order = f"{1 + secrets.randbelow(ORDER_NUMBERS):03d}"
    nir = f"{sex}{birth:%y%m}{department}{commune}{order}"
    # python-stdnum knows the NIR's structure: the number must be a valid one.
    stdnum_nir.validate(nir + stdnum_nir.calc_check_digits(nir))
    return nir, birth


def unique_address() -> str:
    """An address of this scenario alone (the suite matches addresses exactly)."""
    return f"assure-{secrets.token_hex(6)}@{MAIL_DOMAIN}"


class AccountProvider:
    """Creates a fresh account per scenario, or takes one from the staging configuration."""

    def __init__(self, test_support: TestSupportApi, capabilities: Capabilities):
        self._test_support = test_support
        self._capabilities = capabilities

    def unavailable_reason(self, situation: str) -> str | None:
        if self._capabilities.accounts or situation in self._capabilities.staging_accounts:
            return None
        return (
            "La cible n'offre pas la création de comptes (/__test__/accounts) et la "
            f"configuration de recette ne donne pas de compte « {situation} »."
        )

    def account(self, situation: str) -> Account:
        """The scenario's account in this situation; the scenario is skipped, with the reason, where none can be had."""
        reason = self.unavailable_reason(situation)
        if reason:
            pytest.skip(reason)
        if not self._capabilities.accounts:
            staged = self._capabilities.staging_accounts[situation]
            return Account(staged.nir, date.fromisoformat(staged.birth_date), staged.email, staged.password)
        email = None if situation == NO_ADDRESS else unique_address()
        for _ in range(ACCOUNT_CREATION_TRIES):
            nir, birth = random_identity()
            answer = self._test_support.try_create_account(
                nir=nir,
                birth_date=birth.isoformat(),
                email=email,
                email_validated=situation == VALIDATED_ADDRESS,
                password=f"Ancien-Mdp-{secrets.token_hex(3)}",
            )
            if answer is not None:
                return Account(answer["nir"], birth, answer["email"], answer["password"])
        raise AssertionError(
            f"Impossible de créer un compte : {ACCOUNT_CREATION_TRIES} NIR tirés au hasard existaient déjà."
        )


def personalised(text: str, account: Account) -> str:
    """Put the account's own data where a feature writes {NIR}, {JJMMAAAA}, {JJ/MM/AAAA} or {AAAAMMJJ}."""
    return (
        text.replace("{NIR}", account.nir)
        .replace("{JJMMAAAA}", account.birth_date.strftime("%d%m%Y"))
        .replace("{JJ/MM/AAAA}", account.birth_date.strftime("%d/%m/%Y"))
        .replace("{AAAAMMJJ}", account.birth_date.strftime("%Y%m%d"))
    )


class AccountRecord:
    """The scenario's account as the target stores it, read when asked (after the journey)."""

    def __init__(self, test_support: TestSupportApi, nir: str):
        self._test_support = test_support
        self._nir = nir

    def expect_password_unchanged(self) -> None:
        stored = self._test_support.account(self._nir)
        assert stored["password_changed_at"] is None, (
            f"Le mot de passe du compte {stored['nir']} ne devait pas avoir changé ; "
            f"il l'a été le {stored['password_changed_at']}."
        )
