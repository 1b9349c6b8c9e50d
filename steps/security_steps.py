"""« Sécurité du parcours »: what OWASP's Forgot Password Cheat Sheet asks of the renewal link."""

from pytest_bdd import given, parsers, then, when

from contract import wording
from mails.link_secret import (
    expect_links_name_nothing_of,
    expect_unguessable_tokens,
    secret_of,
    unknown_link,
)
from steps.mail_steps import has_received_renewal_mail

# Links compared position by position: a position that never varies over them carries no chance.
LINKS_FOR_RANDOMNESS = 5


@given(f"il a reçu {LINKS_FOR_RANDOMNESS} mails de renouvellement, espacés autant que la limite des demandes l'exige",
       target_fixture="received_mails")
def has_received_mails_for_randomness(journey, account, inbox, rate_limit, scenario_clock):
    mails = []
    for sent in range(LINKS_FOR_RANDOMNESS):
        if sent and sent % rate_limit.limit == 0:
            scenario_clock.advance(rate_limit.window_seconds + 1)  # the mails sent so far no longer count
        mails.append(has_received_renewal_mail(journey, account, inbox))
    return mails


@then("la partie secrète de leurs liens porte au moins 128 bits de hasard, en ne comptant que ce qui varie d'un lien à l'autre")
def tokens_unguessable(page, mail_in_browser, received_mails):
    expect_unguessable_tokens(_links_of(page, mail_in_browser, received_mails), LINKS_FOR_RANDOMNESS)


@then("leurs liens, même décodés, ne disent ni son numéro de sécurité sociale, ni son adresse mail, ni sa date de naissance")
def links_name_nothing_of_the_person(page, mail_in_browser, received_mails, account):
    expect_links_name_nothing_of(_links_of(page, mail_in_browser, received_mails), account.nir, account.email, account.birth_date)


def _links_of(page, mail_in_browser, mails) -> list[str]:
    return [mail_in_browser.link_address(page, mail.id, wording.RENEWAL_LINK) for mail in mails]


@when(parsers.re("il ouvre le lien du mail le plus récent (?P<how>privé de son dernier caractère"
                 "|augmenté d'un caractère|dont le secret est tiré au hasard)"), target_fixture="site_answer")
def opens_unknown_link(computer, mail_in_browser, received_mails, how):
    return computer.renewal.open_address(unknown_link(_links_of(computer.page, mail_in_browser, received_mails), how))


@then("aucune requête partie vers un autre site ne porte le secret du lien")
def secret_sent_nowhere_else(computer, other_browser, mail_in_browser, received_mails, site_url):
    # The mails read in another browser: the person's page stays where it is.
    secret = secret_of(_links_of(other_browser.page, mail_in_browser, received_mails))
    computer.expect_secret_sent_nowhere_else(secret, site_url)
