"""The new password a scenario chooses, and the contract's rules that a password breaks on this target."""

import string
from dataclasses import dataclass
from datetime import datetime

from pages import wording
from pages.renewal_page import RenewalPage
from target.accounts import Account, personalised
from target.clock import TargetTime

# The contract numbers its rules; rule 4 is « Ne contenir que des caractères autorisés ».
ALLOWED_CHARACTERS_RULE = wording.PASSWORD_RULES[3]
# A password that keeps rules 2 and 3 (both cases, a digit); padded to the length asked.
VALID_PASSWORD_STEM = "Mdp1"


@dataclass(frozen=True)
class PasswordChoice:
    password: str
    submitted_at: datetime  # the target's clock (Europe/Paris) when the person clicked


def choose_password(renewal_page: RenewalPage, target_time: TargetTime, password: str,
                    confirmation: str | None = None) -> PasswordChoice:
    """Type the password (and its confirmation) and validate, noting the target's time of the click."""
    choice = PasswordChoice(password, target_time.now())
    renewal_page.choose(password, confirmation)
    return choice


class NewPassword:
    """The person's choice of a new password: the features' {NIR}… filled in, the moment of the click noted."""

    def __init__(self, account: Account, target_time: TargetTime):
        self._account = account
        self._target_time = target_time

    def choose_on(self, renewal_page: RenewalPage, written: str, confirmation: str | None = None) -> PasswordChoice:
        return choose_password(renewal_page, self._target_time, personalised(written, self._account), confirmation)


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
