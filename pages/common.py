"""What every page of the journey shares: its one alert, its notices, its heading."""

import re

from playwright.sync_api import Locator, Page, expect

_SOME_TEXT = re.compile(r"\S")


def alert(page: Page) -> Locator:
    # An empty live region (role="alert" with no text) is no alert.
    return page.get_by_role("alert").filter(has_text=_SOME_TEXT)


def expect_alert(page: Page, text: str) -> None:
    expect(alert(page), f"Message d'erreur attendu sur {page.url}").to_contain_text(text)


def expect_an_alert(page: Page) -> None:
    """One alert, whatever its wording (the contract leaves it to the target)."""
    expect(alert(page), f"Un message d'erreur (role « alert », avec un texte) attendu sur {page.url}").to_have_count(1)


def expect_notice(page: Page, text: str) -> None:
    notice = page.get_by_role("status").filter(has_text=text)
    expect(notice, f"Message d'information « {text} » attendu sur {page.url}").to_have_count(1)


def expect_heading(page: Page, name: str) -> None:
    heading = page.get_by_role("heading", name=name, exact=True)
    expect(heading, f"Titre « {name} » attendu sur {page.url}").to_be_visible()


def expect_no_heading(page: Page, name: str) -> None:
    heading = page.get_by_role("heading", name=name, exact=True)
    expect(heading, f"Le titre « {name} » ne devait pas s'afficher sur {page.url}").to_have_count(0)


def expect_masked(field: Locator, name: str) -> None:
    """A password input: what is typed shows as dots, and browsers treat it as a password."""
    expect(field, f"Le champ « {name} » devait masquer la saisie (un champ de mot de passe) sur "
                  f"{field.page.url}").to_have_attribute("type", "password")


def expect_not_written_back(page: Page, fields: dict[str, Locator], secret: str) -> None:
    """A refused password is written back nowhere: not in its field, not in the page's HTML."""
    for name, field in fields.items():
        expect(field, f"Le champ « {name} » devait être vide après le refus, sur {page.url}").to_have_value("")
    assert secret not in page.content(), (
        f"Le mot de passe refusé « {secret} » ne devait être réécrit nulle part dans la page ; "
        f"il figure dans le code de la page {page.url}."
    )


def click(page: Page, name: str) -> None:
    """Click the link or button that a person knows by this name."""
    target = page.get_by_role("link", name=name, exact=True).or_(page.get_by_role("button", name=name, exact=True))
    target.click()
