"""The new password a scenario chooses, and the contract's rules that a password breaks on this target."""

import string
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from contract import wording
from site_under_test.accounts import Account, described_password
from site_under_test.scenario_time import TargetTime

# The contract numbers its rules; rule 4 is « Ne contenir que des caractères autorisés ».
ALLOWED_CHARACTERS_RULE = wording.PASSWORD_RULES[3]
# A password that keeps rules 2 and 3 (both cases, a digit); padded to the length asked.
VALID_PASSWORD_STEM = "Mdp1"


class PasswordForm(Protocol):
    """The renewal page as a choice of password drives it (pages/renewal_page.py's RenewalPage): the target
    side names what it needs of the page and imports no page object."""

    def choose(self, password: str, confirmation: str | None = None) -> None: ...

    def back_offers_the_form(self) -> bool: ...


@dataclass(frozen=True)
class PasswordChoice:
    password: str
    submitted_at: datetime  # the target's clock (Europe/Paris) when the person clicked
    confirmation: str | None = None  # when it differs from the password


def choose_password(renewal_page: PasswordForm, target_time: TargetTime, password: str,
                    confirmation: str | None = None) -> PasswordChoice:
    """Type the password (and its confirmation) and validate, noting the target's time of the click."""
    choice = PasswordChoice(password, target_time.now(), confirmation)
    renewal_page.choose(password, confirmation)
    return choice


class NewPassword:
    """The person's choices of a new password: the moment of the click noted,
    every password typed remembered, and the one the site keeps: the account's own until a change is shown done."""

    def __init__(self, account: Account, target_time: TargetTime):
        self._account = account
        self._target_time = target_time
        self.kept = account.password
        self._typed: list[str] = []

    def choose_on(self, renewal_page: PasswordForm, password: str, confirmation: str | None = None) -> PasswordChoice:
        self._typed += [password] if confirmation is None else [password, confirmation]
        return choose_password(renewal_page, self._target_time, password, confirmation)

    def choose_described_on(self, renewal_page: PasswordForm, description: str) -> PasswordChoice:
        """The password as the feature describes it (« Ab » suivi de son numéro de sécurité sociale…)."""
        return self.choose_on(renewal_page, described_password(description, self._account))

    def choose_again_after_back(self, renewal_page: PasswordForm, password: str) -> None:
        """Back to the renewal page just sent; the password typed there if the page offers its form. Remembered
        either way: it must never open the account."""
        self._typed.append(password)
        if renewal_page.back_offers_the_form():
            choose_password(renewal_page, self._target_time, password)

    def saved(self, choice: PasswordChoice) -> None:
        """The site showed this choice saved (« Votre nouveau mot de passe a bien été enregistré »)."""
        self.kept = choice.password

    def others_than(self, password: str) -> list[str]:
        """Every password the person held or typed but `password`, each once, in the order met."""
        held = [self._account.password, *self._typed]
        return [other for index, other in enumerate(held) if other != password and other not in held[:index]]

    def not_kept(self) -> list[str]:
        """Every password the person held or typed but the one kept, each once, in the order met."""
        held = [self._account.password, *self._typed]
        return [password for index, password in enumerate(held) if password != self.kept and password not in held[:index]]


def rules_broken_on_target(rules: list[str], password: str, special_characters: str | None) -> list[str]:
    """The rules a feature names, plus rule 4 where the password holds an ASCII special
    character that this target does not allow (each target has its own set)."""
    punctuation = set(string.punctuation)
    not_allowed = {c for c in password if c in punctuation} - set(special_characters or string.punctuation)
    if not_allowed and ALLOWED_CHARACTERS_RULE not in rules:
        return rules + [ALLOWED_CHARACTERS_RULE]
    return rules


def valid_password_of_length(length: int) -> str:
    """A password that keeps every rule but, maybe, the length one."""
    return (VALID_PASSWORD_STEM + "x" * length)[:length]
