"""What the person lives after each answer of the renewal page: logging in, replaying."""

from pytest_bdd import parsers, then, when

from pages.device import expect_only_password_opens
from steps.password_steps import PASSWORD_ON_COMPUTER, PASSWORD_ON_PHONE


@then("seul le mot de passe que le site a gardé lui ouvre son compte")
def only_kept_password_opens_account(computer, other_browser, account, new_password):
    expect_only_password_opens(computer, other_browser, account.nir, new_password.kept, new_password.not_kept())


@then("seul son nouveau mot de passe lui ouvre désormais son compte")
def only_new_password_opens_account(computer, other_browser, account, new_password, password_choice):
    expect_only_password_opens(computer, other_browser, account.nir, password_choice.password,
                               new_password.others_than(password_choice.password))


@then("seul le mot de passe validé sur l'appareil qui l'a emporté lui ouvre son compte")
def only_the_winning_password_opens_account(computer, phone, other_browser, account, refusing_device):
    kept, lost = ((PASSWORD_ON_COMPUTER, PASSWORD_ON_PHONE) if refusing_device is phone
                  else (PASSWORD_ON_PHONE, PASSWORD_ON_COMPUTER))
    expect_only_password_opens(computer, other_browser, account.nir, kept, [account.password, lost])


@then("dans un autre navigateur, son ancien mot de passe ne lui ouvre plus son compte")
def old_password_refused_elsewhere(other_browser, account):
    other_browser.log_in(account.nir, account.password)
    other_browser.login.expect_refused(account.password)


@then("il n'est pas connecté à son compte")
def not_logged_in(computer, other_browser, account, new_password):
    computer.account.expect_refused_at(other_browser.account_page_url(account.nir, new_password.kept))


@then("les champs du nouveau mot de passe masquent la saisie")
def renewal_fields_masked(renewal_page):
    renewal_page.expect_passwords_masked()


@then("le champ « Mot de passe » de la connexion masque la saisie")
def login_field_masked(login_page):
    login_page.expect_password_masked()


@then("le mot de passe refusé n'est réécrit nulle part dans la page")
def refused_password_not_written_back(renewal_page, password_choice):
    renewal_page.expect_not_written_back(password_choice.password)


@when(parsers.re("il se connecte avec le mot de passe « (?P<password>[^»]*) »"), target_fixture="login_attempt")
def logs_in_with(computer, account, password):
    computer.log_in(account.nir, password)
    return password


@then("la connexion est refusée, sans réécrire le mot de passe saisi")
def login_refused_without_writing_back(login_page, login_attempt):
    login_page.expect_refused(login_attempt)
    login_page.expect_not_written_back(login_attempt)


@when("il recharge la page, ce qui envoie de nouveau le formulaire")
def reloads_resubmitting(computer):
    computer.reload_resubmitting()


@when(parsers.re("il revient à la page précédente et valide, si elle le lui propose, le mot de passe « (?P<password>[^»]*) »"))
def goes_back_and_validates_again(new_password, computer, password):
    new_password.choose_again_after_back(computer.renewal, password)
