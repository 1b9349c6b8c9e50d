"""The forgot-password requests that a feature names by why they are refused (ui.md's stages):
what the person types, and when they send it."""

from dataclasses import dataclass
from datetime import timedelta

from site_under_test.accounts import Account, random_identity
from site_under_test.captcha import wrong_characters

# « Passé 5 minutes » (rules.md): the characters copied one second too late.
CAPTCHA_TOO_LATE_SECONDS = 5 * 60 + 1


@dataclass(frozen=True)
class Mistakes:
    """What is wrong with one request; several at once test which stage is reported first."""
    date_malformed: bool = False
    other_birth_date: bool = False
    unknown_nir: bool = False
    characters_wrong: bool = False
    characters_late: bool = False
    after_the_limit: bool = False

    def nir(self, account: Account) -> str:
        return random_identity()[0] if self.unknown_nir else account.nir

    def birth_date(self, account: Account) -> str:
        if self.date_malformed:
            return account.birth_date.strftime("%d-%m-%Y")
        if self.other_birth_date:
            return (account.birth_date + timedelta(days=1)).strftime("%d/%m/%Y")
        return account.birth_date_text

    def characters(self, shown: str) -> str:
        return wrong_characters(shown) if self.characters_wrong else shown


REFUSALS: dict[str, Mistakes] = {
    "pour une date de naissance mal écrite": Mistakes(date_malformed=True),
    "pour des caractères recopiés trop tard": Mistakes(characters_late=True),
    "pour des caractères erronés": Mistakes(characters_wrong=True),
    "pour un numéro qu'aucun compte ne porte": Mistakes(unknown_nir=True),
    "pour une date de naissance qui n'est pas la sienne": Mistakes(other_birth_date=True),
    "faute d'adresse mail validée": Mistakes(),  # the account's own situation refuses it
    "pour trop de demandes": Mistakes(after_the_limit=True),
    # Two reasons at once: only the earlier stage is reported (ui.md).
    "pour une date de naissance mal écrite et des caractères erronés": Mistakes(date_malformed=True,
                                                                                 characters_wrong=True),
    "pour des caractères erronés, recopiés trop tard": Mistakes(characters_wrong=True, characters_late=True),
    "pour des caractères erronés et un numéro qu'aucun compte ne porte": Mistakes(characters_wrong=True,
                                                                                   unknown_nir=True),
    "pour trop de demandes et une date de naissance qui n'est pas la sienne": Mistakes(after_the_limit=True,
                                                                                        other_birth_date=True),
}
