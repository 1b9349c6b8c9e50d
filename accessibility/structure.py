"""What a screen reader gives of a page: its language, title, headings, names, descriptions and states."""

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

_SOME_TEXT = re.compile(r"\S")
# A node of Playwright's ARIA snapshot: `- role "name" [state]` (the name is a JSON string).
_SNAPSHOT_NODE = re.compile(r'^\s*- (?P<role>[a-z]+)(?: (?P<name>"(?:[^"\\]|\\.)*"))?')


@dataclass(frozen=True)
class Node:
    role: str
    name: str

    def __str__(self) -> str:
        return f'{self.role} "{self.name}"'


def expect_page_structure(page: Page) -> None:
    """RGAA 8.3, 8.5, 8.6 and 9.1: lang="fr", a title, and one level-1 heading, on the page once loaded."""
    page.wait_for_load_state("load")
    lang = page.evaluate("() => document.documentElement.lang")
    assert re.fullmatch(r"fr(-[A-Za-z]+)?", lang or ""), (
        f"La page {page.url} devait se déclarer en français (<html lang=\"fr\">) ; langue déclarée : « {lang} ».")
    expect(page, f"La page {page.url} devait avoir un titre (<title>) qui la nomme").to_have_title(_SOME_TEXT)
    expect(page.get_by_role("heading", level=1),
           f"La page {page.url} devait avoir un et un seul titre de niveau 1 (h1)").to_have_count(1)


def expect_format_described(field: Locator, label: str, expected_format: str) -> None:
    """The field's accessible description (aria-describedby) gives its format."""
    described = re.compile(re.escape(expected_format), re.IGNORECASE)
    expect(field, f"La description accessible du champ « {label} » devait donner son format « {expected_format} » "
                  "(aria-describedby)").to_have_accessible_description(described)


def expect_autocomplete(field: Locator, label: str, purpose: str) -> None:
    """WCAG 1.3.5, RGAA 11.13: the field says what it holds, for browsers and assistive tools."""
    last_token = re.compile(rf"(^|\s){re.escape(purpose)}$")
    expect(field, f"Le champ « {label} » devait porter autocomplete=\"{purpose}\"").to_have_attribute(
        "autocomplete", last_token)


def expect_invalid(field: Locator, label: str) -> None:
    """WCAG 3.3.1, RGAA 11.10: a field concerned by the error says so."""
    expect(field, f"Le champ « {label} », concerné par l'erreur, devait porter aria-invalid=\"true\"").to_have_attribute(
        "aria-invalid", "true")


def expect_told_before(page: Page, text: re.Pattern, reference: Locator, what: str) -> None:
    """A text matching `text` comes, in the page, before `reference` (e.g. a time limit before the captcha)."""
    told = page.get_by_text(text).first
    expect(told, f"Un texte « {text.pattern} » devait être sur {page.url} ({what})").to_be_attached()
    expect(reference).to_be_attached()
    before = told.evaluate("(element, reference) => Boolean(element.compareDocumentPosition(reference) "
                           "& Node.DOCUMENT_POSITION_FOLLOWING)", reference.element_handle())
    assert before, f"Sur {page.url}, le texte « {told.inner_text()} » devait venir avant {what}."


def reading_order(page: Page) -> list[Node]:
    """The named nodes of the page's accessibility tree, in the order a screen reader reads them, once loaded."""
    page.wait_for_load_state("load")
    nodes = []
    for line in page.aria_snapshot().splitlines():
        found = _SNAPSHOT_NODE.match(line)
        if found and found.group("name"):
            nodes.append(Node(found.group("role"), json.loads(found.group("name"))))
    return nodes


def expect_reading_order(page: Page, expected: list[list[Node]]) -> None:
    """Each group of nodes comes after the previous group (in any order within a group)."""
    read = reading_order(page)
    position = -1
    for group in expected:
        found = []
        for node in group:
            later = [index for index, seen in enumerate(read) if seen == node and index > position]
            assert later, (
                f"Sur {page.url}, un lecteur d'écran devait trouver {node} après "
                f"{read[position] if position >= 0 else 'le début de la page'}. Il lit :\n"
                + "\n".join(f"  {seen}" for seen in read))
            found.append(later[0])
        position = max(found)


def expect_outline(region: Locator, outline: str) -> None:
    """Playwright's ARIA snapshot of a region against a template (partial: more is allowed)."""
    expect(region, "Structure lue par un lecteur d'écran différente de l'attendue").to_match_aria_snapshot(outline)
