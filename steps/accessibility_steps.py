"""Accessibility (RGAA 4.1.2, WCAG 2.1 AA): axe-core, the keyboard alone, what a screen reader reads."""

import pytest
from pytest_bdd import parsers, then, when

from accessibility import page_checks as accessible
from accessibility.axe import expect_no_axe_violation
from accessibility.keyboard import KeyboardWalk
from accessibility.rendering import (
    DESKTOP,
    PHONE,
    VIEWPORTS,
    expect_usable_without_horizontal_scroll,
)
from accessibility.structure import (
    expect_autocomplete,
    expect_format_described,
    expect_invalid,
    expect_page_structure,
)
from contract import wording
from site_under_test.passwords import PasswordChoice

FIELD_SEPARATOR = " ; "


@pytest.fixture
def keyboard(page):
    """The person's keyboard for the whole scenario: every stop of every page is checked."""
    return KeyboardWalk(page)


@then("la page respecte les règles d'accessibilité, sur ordinateur comme sur téléphone")
def no_axe_violation(page):
    expect_no_axe_violation(page, (DESKTOP, PHONE))


@then("la page a un titre, un seul titre de niveau 1 et se déclare en français")
def page_structure(page):
    expect_page_structure(page)


@then(parsers.parse("le champ « {label} » est signalé en erreur"))
@then(parsers.parse("les champs « {label} » sont signalés en erreur"))
def fields_invalid(page, label):
    for each in label.split(FIELD_SEPARATOR):
        expect_invalid(page.get_by_label(each, exact=True), each)


@then(parsers.parse("la description du champ « {label} » donne son format"))
def format_described(page, label):
    expect_format_described(page.get_by_label(label, exact=True), label, accessible.FORMATS[label])


@then(parsers.parse("le champ « {label} » propose la saisie automatique « {purpose} »"))
def autocomplete(page, label, purpose):
    expect_autocomplete(page.get_by_label(label, exact=True), label, purpose)


@then("un lecteur d'écran y lit dans l'ordre le titre, les deux champs, le captcha et le bouton « Recevoir le mail »")
def forgot_password_read_in_order(page):
    accessible.expect_forgot_password_read_in_order(page)


@then("un lecteur d'écran y lit dans l'ordre le titre, les cinq règles, les deux champs et le bouton de validation")
def renewal_read_in_order(page):
    accessible.expect_renewal_read_in_order(page)


@then("le délai de 5 minutes est annoncé avant les caractères à recopier")
def time_limit_told_first(forgot_password_page):
    accessible.expect_time_limit_told_before_captcha(forgot_password_page)


@when("il se connecte avec un mot de passe erroné")
def logs_in_with_wrong_password(login_page, account):
    login_page.log_in(account.nir, f"{account.password}-faux")


@when(parsers.parse("la page est affichée en « {size} »"), target_fixture="viewport")
def shown_at(page, size):
    VIEWPORTS[size].apply(page)
    return VIEWPORTS[size]


@then("chaque champ et chaque bouton reste utilisable sans défilement horizontal")
def usable_without_horizontal_scroll(page, viewport):
    expect_usable_without_horizontal_scroll(page, viewport)


# The keyboard alone: Tab and Shift+Tab to move, Enter and Space to act.

@when(parsers.parse("au clavier, il suit le lien « {name} »"))
def follows_link_by_keyboard(keyboard, name):
    accessible.follow_link(keyboard, name)


@when(parsers.parse("au clavier, dans le mail reçu, il suit le lien « {name} »"))
def follows_mail_link_by_keyboard(page, inbox, mail_in_browser, keyboard, name):
    mail_in_browser.link_address(page, inbox.newest(wording.RENEWAL_SUBJECT).id, name)  # the mail, shown in the browser
    accessible.follow_link(keyboard, name)


@when("au clavier, il saisit son numéro de sécurité sociale et sa date de naissance")
def types_identity_by_keyboard(keyboard, account):
    accessible.fill_by_keyboard(keyboard, wording.NIR_FIELD, account.nir)
    accessible.fill_by_keyboard(keyboard, wording.BIRTH_DATE_FIELD, account.birth_date_text)


@when("au clavier, il écoute les caractères avec le microphone")
def listens_by_keyboard(keyboard, heard_sounds):
    heard_sounds.append(accessible.listen_by_keyboard(keyboard))


@when("au clavier, il revient à la flèche et demande une nouvelle liste de caractères",
      target_fixture="characters_before_refresh")
def new_characters_by_keyboard(keyboard, forgot_password_page, captcha):
    shown = captcha.current()
    accessible.new_characters_by_keyboard(keyboard, forgot_password_page)
    return shown


@when("au clavier, il recopie les caractères et valide par « Recevoir le mail »")
def copies_and_sends_by_keyboard(keyboard, captcha):
    accessible.fill_by_keyboard(keyboard, wording.CAPTCHA_FIELD, captcha.current())
    accessible.press_button(keyboard, wording.SEND_MAIL_BUTTON)


@when(parsers.re("au clavier, il choisit le nouveau mot de passe « (?P<password>[^»]*) »"),
      target_fixture="password_choice")
def chooses_password_by_keyboard(keyboard, target_time, password):
    choice = PasswordChoice(password, target_time.now())
    accessible.choose_password(keyboard, choice.password)
    return choice


@when("au clavier, il se connecte avec son nouveau mot de passe")
def logs_in_by_keyboard(keyboard, account, password_choice):
    accessible.log_in(keyboard, account.nir, password_choice.password)


@then("à chaque appui sur Tab, le focus était visible et suivait l'ordre de la page")
def focus_visible_and_in_order(keyboard):
    keyboard.expect_focus_visible_and_in_order()
