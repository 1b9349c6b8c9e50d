"""Pages, headings, links, buttons and messages: what a person sees and clicks."""

from pytest_bdd import given, parsers, then, when

from pages.common import (
    click,
    expect_alert,
    expect_heading,
    expect_no_heading,
    expect_notice,
)


@given("l'assuré est sur la page d'accueil du site")
def on_home_page(home_page):
    home_page.open()


@given("l'assuré est sur la page de connexion")
def on_login_page(home_page, login_page):
    home_page.open()
    home_page.go_to_login()


@given("il est sur la page « Mot de passe oublié »")
def on_forgot_password_page(journey):
    journey.open_forgot_password_page()


@when(parsers.parse("il clique sur « {name} »"))
def clicks(page, name):
    click(page, name)


@then(parsers.parse("la page « {heading} » s'affiche"))
def page_shown(page, heading):
    expect_heading(page, heading)


@then(parsers.parse("le message d'erreur « {message} » s'affiche"))
def error_shown(page, message):
    expect_alert(page, message)


@then(parsers.parse("le message « {message} » s'affiche"))
def notice_shown(page, message):
    expect_notice(page, message)


@then(parsers.parse("la page « {heading} » ne s'affiche pas"))
def page_not_shown(page, heading):
    expect_no_heading(page, heading)


@then(parsers.parse("la page « {heading} » s'affiche sur son téléphone"))
def page_shown_on_phone(phone, heading):
    expect_heading(phone.page, heading)


@then(parsers.parse("le message d'erreur « {message} » s'affiche sur son téléphone"))
def error_shown_on_phone(phone, message):
    expect_alert(phone.page, message)
