"""« Sécurité du parcours »: what OWASP's Forgot Password Cheat Sheet asks of the renewal link."""

from pytest_bdd import then

from pages import wording
from mails.checks import expect_links_name_nothing_of, expect_unguessable_tokens


@then("la partie secrète de leurs liens porte au moins 128 bits de hasard")
def tokens_unguessable(page, inbox, received_mails):
    expect_unguessable_tokens([inbox.link_address(page, mail, wording.RENEWAL_LINK) for mail in received_mails])


@then("leurs liens ne contiennent ni son numéro de sécurité sociale ni son adresse mail")
def links_name_nothing_of_the_person(page, inbox, received_mails, account):
    expect_links_name_nothing_of([inbox.link_address(page, mail, wording.RENEWAL_LINK) for mail in received_mails],
                                 account.nir, account.email)
