"""The link's secret examined as an attacker would, outages followed through, time all year."""

from pytest_bdd import given, parsers, then, when

from mails.checks import expect_change_stated_at
from site_under_test.scenario_time import PARIS_MOMENTS
from steps.mail_steps import has_opened_link_of_new_mail

_MOMENTS = "|".join(PARIS_MOMENTS).replace("(", r"\(").replace(")", r"\)")


@given(parsers.re(f"l'horloge du site avance jusqu'à (?P<moment>{_MOMENTS})"))
@when(parsers.re(f"l'horloge du site avance jusqu'à (?P<moment>{_MOMENTS})"))
def clock_moves_to(scenario_clock, moment):
    scenario_clock.to_paris_moment(moment)


@when("il ouvre le lien d'un nouveau mail de renouvellement")
def opens_link_of_new_mail(journey, account, computer, inbox, mail_in_browser):
    has_opened_link_of_new_mail(journey, account, computer, inbox, mail_in_browser)


@then(parsers.parse("ce mail date le changement du jour même à {hour}, heure de Paris"))
def mail_states_change_at(received_mail, password_choice, hour):
    expect_change_stated_at(received_mail, password_choice.submitted_at, hour)
