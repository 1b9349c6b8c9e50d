"""What the person lives after each refusal of the forgot-password form: a new captcha, nothing counted, nothing sent."""

from pytest_bdd import given, parsers, then, when

from site_under_test.refusals import CAPTCHA_TOO_LATE_SECONDS, REFUSALS
from site_under_test.writings import NIR_WRITINGS
from steps.mail_steps import (
    has_received_as_many_mails_as_allowed,
    has_received_renewal_mail,
)

_NIR_WRITINGS = "|".join(NIR_WRITINGS)


@when(parsers.re(f"il se connecte avec son numéro de sécurité sociale (?P<writing>{_NIR_WRITINGS}) et son mot de passe"))
def logs_in_with_nir_written(computer, account, writing):
    computer.log_in(NIR_WRITINGS[writing](account.nir), account.password)


@when(parsers.re(f"il demande le renouvellement de son mot de passe en écrivant son numéro (?P<writing>{_NIR_WRITINGS})"))
def requests_renewal_with_nir_written(journey, account, writing):
    journey.request_renewal(account, nir_written=NIR_WRITINGS[writing])


_REFUSALS = "|".join(REFUSALS).replace("(", r"\(").replace(")", r"\)")


@when(parsers.re(f"sa demande est refusée (?P<why>{_REFUSALS})"), target_fixture="refused_form")
def request_refused(journey, account, request, why):
    mistakes = REFUSALS[why]
    if mistakes.after_the_limit:
        has_received_as_many_mails_as_allowed(journey, account, request.getfixturevalue("inbox"),
                                              request.getfixturevalue("rate_limit"))
    clock = request.getfixturevalue("scenario_clock") if mistakes.characters_late else None
    return journey.request_renewal_typing(mistakes.nir(account), mistakes.birth_date(account), mistakes.characters,
                                          before_send=clock and (lambda: clock.advance(CAPTCHA_TOO_LATE_SECONDS)))


@then("son numéro et sa date de naissance sont ceux qu'il avait saisis, et le champ des caractères est vide")
def form_kept_but_characters(forgot_password_page, refused_form):
    forgot_password_page.expect_identity_kept(refused_form.nir, refused_form.birth_date)
    forgot_password_page.expect_characters_field_empty()


@then("de nouveaux caractères sont affichés, et ceux de la demande refusée ne sont plus acceptés")
def new_characters_and_old_ones_refused(journey, account, captcha, refused_form):
    captcha.expect_new_since(refused_form.characters_shown, "le refus de la demande")
    journey.expect_new_characters_after(refused_form, account)


@given("il a reçu un mail de renouvellement de moins que le site n'en autorise")
def has_received_one_mail_less_than_allowed(journey, account, inbox, rate_limit):
    for _ in range(rate_limit.limit - 1):
        has_received_renewal_mail(journey, account, inbox)


@when("il revient à la page précédente et renvoie le formulaire tel qu'il l'avait rempli")
def goes_back_and_sends_again(journey, account, captcha):
    journey.back_and_send_again(account, captcha.replaced)


@when("il remplit le formulaire et double-clique sur « Recevoir le mail »")
def fills_and_double_clicks(journey, account):
    journey.request_renewal_by_double_click(account)
