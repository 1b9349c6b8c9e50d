"""The accessibility section of ui.md, page by page: what each page must give a screen reader
and a keyboard, written with the contract's wording (contract/wording.py) and nothing it leaves free."""

import re

from playwright.sync_api import Page, Response, expect

from accessibility.keyboard import KeyboardWalk
from accessibility.structure import (
    Node,
    expect_outline,
    expect_reading_order,
    expect_told_before,
)
from contract import wording
from pages.forgot_password_page import ForgotPasswordPage

FIVE_MINUTES = re.compile(r"5\s+minutes")

# Which format each field's description gives (ui.md: « e.g. JJ/MM/AAAA »; a NIR has 13 characters).
FORMATS = {wording.NIR_FIELD: "13", wording.BIRTH_DATE_FIELD: "JJ/MM/AAAA"}

FORGOT_PASSWORD_READING_ORDER = [
    [Node("heading", wording.FORGOT_HEADING)],
    [Node("textbox", wording.NIR_FIELD)],
    [Node("textbox", wording.BIRTH_DATE_FIELD)],
    # The captcha's parts, in the order the target chooses.
    [Node("img", wording.CAPTCHA_IMAGE), Node("textbox", wording.CAPTCHA_FIELD),
     Node("button", wording.NEW_CAPTCHA_BUTTON), Node("button", wording.LISTEN_CAPTCHA_BUTTON)],
    [Node("button", wording.SEND_MAIL_BUTTON)],
]

RENEWAL_READING_ORDER = [
    [Node("heading", wording.RENEWAL_HEADING)],
    [Node("textbox", wording.NEW_PASSWORD_FIELD)],
    [Node("textbox", wording.CONFIRM_PASSWORD_FIELD)],
    [Node("button", wording.VALIDATE_PASSWORD_BUTTON)],
]

# ui.md: a list whose items are exactly the five rules, in this order (its name is free).
RULES_LIST_OUTLINE = "- list:\n  - /children: equal\n" + "".join(
    f"  - listitem: {rule}\n" for rule in wording.PASSWORD_RULES)


def expect_forgot_password_read_in_order(page: Page) -> None:
    expect_reading_order(page, FORGOT_PASSWORD_READING_ORDER)


def expect_renewal_read_in_order(page: Page) -> None:
    expect_reading_order(page, RENEWAL_READING_ORDER)
    rules = page.get_by_role("list").filter(has_text=wording.PASSWORD_RULES[0])
    expect_outline(rules, RULES_LIST_OUTLINE)


def expect_time_limit_told_before_captcha(forgot_password: ForgotPasswordPage) -> None:
    """WCAG 2.2.1: the 5-minute limit is told before the person meets the captcha."""
    expect_told_before(forgot_password.page, FIVE_MINUTES, forgot_password.captcha_image,
                       f"l'image « {wording.CAPTCHA_IMAGE} » du captcha")


def follow_link(walk: KeyboardWalk, name: str) -> None:
    walk.tab_to(walk.page.get_by_role("link", name=name, exact=True))
    walk.press("Enter")


def fill_by_keyboard(walk: KeyboardWalk, label: str, text: str) -> None:
    walk.tab_to(walk.page.get_by_label(label, exact=True))
    walk.type(text)


def press_button(walk: KeyboardWalk, name: str, key: str = "Enter") -> None:
    walk.tab_to(walk.page.get_by_role("button", name=name, exact=True))
    walk.press(key)


def new_characters_by_keyboard(walk: KeyboardWalk, forgot_password: ForgotPasswordPage) -> None:
    """The arrow, reached with the keyboard and pressed with Space; the new image is then shown."""
    shown = forgot_password.captcha_image.get_attribute("src") or ""
    walk.page.wait_for_load_state("load")  # the page's scripts wire the arrow once it has loaded
    press_button(walk, wording.NEW_CAPTCHA_BUTTON, "Space")
    expect(forgot_password.captcha_image, "Une nouvelle image de caractères devait remplacer l'ancienne").not_to_have_attribute(
        "src", shown)
    forgot_password.expect_captcha_image_shown()


def listen_by_keyboard(walk: KeyboardWalk) -> Response:
    """The microphone, reached with the keyboard and pressed with Enter; returns the audio played."""
    walk.page.wait_for_load_state("load")
    walk.tab_to(walk.page.get_by_role("button", name=wording.LISTEN_CAPTCHA_BUTTON, exact=True))
    with walk.page.expect_response(lambda answer: answer.headers.get("content-type", "").startswith("audio/")) as audio:
        walk.press("Enter")
    return audio.value


def choose_password(walk: KeyboardWalk, password: str) -> None:
    fill_by_keyboard(walk, wording.NEW_PASSWORD_FIELD, password)
    fill_by_keyboard(walk, wording.CONFIRM_PASSWORD_FIELD, password)
    press_button(walk, wording.VALIDATE_PASSWORD_BUTTON)


def log_in(walk: KeyboardWalk, nir: str, password: str) -> None:
    fill_by_keyboard(walk, wording.LOGIN_NIR_FIELD, nir)
    fill_by_keyboard(walk, wording.LOGIN_PASSWORD_FIELD, password)
    press_button(walk, wording.LOGIN_BUTTON, "Space")
