"""@panne-messagerie: the mail server refuses the site's mails, or cannot be reached (harness/outage.py)."""

from pytest_bdd import given, parsers, then, when

from pages.common import expect_an_alert

# SMTP's answers: 4xx, try again later; 5xx, never.
TRY_LATER, NEVER = 451, 550


@given("le serveur de mail refuse pour un temps les mails du site")
def mail_server_refuses_for_now(outage_target):
    outage_target.chaos.refuse_recipients(TRY_LATER)


@given("le serveur de mail refuse définitivement les mails du site")
def mail_server_refuses_for_good(outage_target):
    outage_target.chaos.refuse_recipients(NEVER)


@when("le serveur de mail accepte de nouveau les mails")
def mail_server_accepts_again(outage_target):
    outage_target.chaos.accept_all()


@given("le serveur de mail du site ne peut pas être joint")
def mail_server_unreachable(outage_target):
    outage_target.make_mail_server_unreachable()


@when("il demande le renouvellement de son mot de passe et attend la réponse du site", target_fixture="site_answer")
def requests_renewal_and_waits(journey, account):
    return journey.request_renewal_answered(account)


@then("un message d'erreur s'affiche")
def an_alert_shown(page):
    expect_an_alert(page)


@then(parsers.parse("un message d'erreur s'affiche moins de {seconds:d} secondes après sa demande"))
def an_alert_shown_within(page, site_answer, seconds):
    site_answer.expect_within(seconds)
    expect_an_alert(page)


@then("le site ne répond pas par une page d'erreur du serveur")
def no_server_error_page(site_answer):
    site_answer.expect_no_server_error()
