"""Guide steps 5 and 6: the new password, its rules, and logging in with it."""

from pytest_bdd import given, parsers, then, when

from pages.device import changed_on_exactly_one
from site_under_test.passwords import rules_broken_on_target, valid_password_of_length

RULE_SEPARATOR = " ; "


@when(parsers.re("il choisit le nouveau mot de passe « (?P<password>[^»]*) »"), target_fixture="password_choice")
def chooses_password(new_password, computer, password):
    return new_password.choose_on(computer.renewal, password)


@when(parsers.re("il choisit pour nouveau mot de passe (?P<description>.+)"), target_fixture="password_choice")
def chooses_described_password(new_password, computer, description):
    return new_password.choose_described_on(computer.renewal, description)


@given(parsers.re("il a choisi le nouveau mot de passe « (?P<password>[^»]*) »"), target_fixture="password_choice")
def has_chosen_password(new_password, computer, password):
    choice = new_password.choose_on(computer.renewal, password)
    computer.password_changed.expect_shown()
    new_password.saved(choice)
    return choice


@when(parsers.re("il choisit le nouveau mot de passe « (?P<password>[^»]*) » et le confirme par « (?P<confirmation>[^»]*) »"),
      target_fixture="password_choice")
def chooses_password_with_other_confirmation(new_password, computer, password, confirmation):
    return new_password.choose_on(computer.renewal, password, confirmation)


@when(parsers.parse("il choisit un mot de passe valide par ailleurs de {length:d} caractères"),
      target_fixture="password_choice")
def chooses_password_of_length(new_password, computer, length):
    return new_password.choose_on(computer.renewal, valid_password_of_length(length))


@when("il choisit un mot de passe de lettres et de tous les caractères spéciaux qu'annonce le site",
      target_fixture="password_choice")
def chooses_every_special_character(new_password, computer, password_special_characters):
    return new_password.choose_on(computer.renewal, "Ab" + password_special_characters)


@when(parsers.re("il revient au premier onglet et choisit le nouveau mot de passe « (?P<password>[^»]*) »"),
      target_fixture="password_choice")
def chooses_password_back_in_first_tab(new_password, computer, password):
    computer.page.bring_to_front()
    return new_password.choose_on(computer.renewal, password)


@when(parsers.re("il choisit sur son téléphone le nouveau mot de passe « (?P<password>[^»]*) »"),
      target_fixture="password_choice")
def chooses_password_on_phone(new_password, phone, password):
    return new_password.choose_on(phone.renewal, password)


# What the person types on each device when validating on both at once.
PASSWORD_ON_COMPUTER, PASSWORD_ON_PHONE = "Nouveau-Mdp-2026", "Autre-Mdp-2026"


@when("il valide au même moment un nouveau mot de passe sur ses deux appareils")
def validates_on_both_devices_at_once(computer, phone):
    computer.renewal.submit_together_with(phone.renewal, PASSWORD_ON_COMPUTER, PASSWORD_ON_PHONE)


@then("un seul de ses appareils affiche la page « Votre nouveau mot de passe a bien été enregistré »",
      target_fixture="refusing_device")
def changed_on_one_device(computer, phone):
    return changed_on_exactly_one([computer, phone])


@then(parsers.parse("l'autre refuse le lien avec le message « {message} »"))
def other_device_refuses(refusing_device, message):
    refusing_device.renewal.expect_dead_link(message)


@then("le mot de passe est accepté")
def password_accepted(computer, new_password, password_choice):
    computer.password_changed.expect_shown()
    new_password.saved(password_choice)


@then("les règles suivantes sont rappelées :")
def rules_shown(renewal_page, datatable):
    renewal_page.expect_rules([row[0] for row in datatable])


@then(parsers.parse("le mot de passe est refusé pour la seule règle « {rule} »"))
@then(parsers.parse("le mot de passe est refusé pour les règles « {rule} »"))
def refused_for_rules(renewal_page, password_choice, password_special_characters, rule):
    named = rule.split(RULE_SEPARATOR)
    renewal_page.expect_refused_for(rules_broken_on_target(named, password_choice.password, password_special_characters))


@when("il se connecte avec son ancien mot de passe")
def logs_in_with_old_password(login_page, account):
    login_page.log_in(account.nir, account.password)


@when("il se connecte avec son nouveau mot de passe")
def logs_in_with_new_password(login_page, account, password_choice):
    login_page.log_in(account.nir, password_choice.password)


@then(parsers.parse("le lien est refusé avec le message « {message} »"))
def link_refused(renewal_page, message):
    renewal_page.expect_dead_link(message)


@then("cette page demande au navigateur de ne transmettre son adresse à aucun site")
def renewal_page_sends_no_referrer(renewal_page):
    renewal_page.expect_no_referrer()
