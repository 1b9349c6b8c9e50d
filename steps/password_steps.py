"""Guide steps 5 and 6: the new password, its rules, and logging in with it."""

from pytest_bdd import given, parsers, then, when

from target.accounts import personalised
from target.passwords import choose_password, rules_broken_on_target, valid_password_of_length

RULE_SEPARATOR = " ; "


@when(parsers.re("il choisit le nouveau mot de passe « (?P<password>[^»]*) »"), target_fixture="password_choice")
def chooses_password(renewal_page, account, target_time, password):
    return choose_password(renewal_page, target_time, personalised(password, account))


@given(parsers.re("il a choisi le nouveau mot de passe « (?P<password>[^»]*) »"), target_fixture="password_choice")
def has_chosen_password(renewal_page, password_changed_page, account, target_time, password):
    choice = choose_password(renewal_page, target_time, personalised(password, account))
    password_changed_page.expect_shown()
    return choice


@when(parsers.re("il choisit le nouveau mot de passe « (?P<password>[^»]*) » et le confirme par « (?P<confirmation>[^»]*) »"),
      target_fixture="password_choice")
def chooses_password_with_other_confirmation(renewal_page, target_time, password, confirmation):
    return choose_password(renewal_page, target_time, password, confirmation)


@when(parsers.parse("il choisit un mot de passe valide par ailleurs de {length:d} caractères"),
      target_fixture="password_choice")
def chooses_password_of_length(renewal_page, target_time, length):
    return choose_password(renewal_page, target_time, valid_password_of_length(length))


@then("les règles suivantes sont rappelées :")
def rules_shown(renewal_page, datatable):
    renewal_page.expect_rules([row[0] for row in datatable])


@then(parsers.parse("le mot de passe est refusé pour la seule règle « {rule} »"))
@then(parsers.parse("le mot de passe est refusé pour les règles « {rule} »"))
def refused_for_rules(renewal_page, password_choice, password_special_characters, rule):
    named = rule.split(RULE_SEPARATOR)
    renewal_page.expect_refused_for(rules_broken_on_target(named, password_choice.password, password_special_characters))


@then("son mot de passe n'a pas changé")
def password_unchanged(account_record):
    account_record.expect_password_unchanged()


@when("il se connecte avec son ancien mot de passe")
def logs_in_with_old_password(login_page, account):
    login_page.log_in(account.nir, account.password)


@when("il se connecte avec son nouveau mot de passe")
def logs_in_with_new_password(login_page, account, password_choice):
    login_page.log_in(account.nir, password_choice.password)


@then(parsers.parse("le lien est refusé avec le message « {message} »"))
def link_refused(renewal_page, message):
    renewal_page.expect_dead_link(message)
