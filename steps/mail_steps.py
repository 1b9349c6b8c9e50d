"""Guide steps 3, 3bis, 4, case 2 and « mail non reçu »: requests and the person's mailbox."""

from pytest_bdd import given, parsers, then, when

from contract import wording
from mails.checks import (
    expect_both_versions_say,
    expect_change_moment,
    expect_exact_change_moment,
    expect_found,
    expect_link_on_site,
    expect_only_recipient,
    expect_sender,
    expect_subject_avoids,
    expect_text_and_html,
    expect_text_gives,
)
from mails.inbox import scan_link
from pages.common import expect_alert
from site_under_test.captcha import wrong_characters


@when("il demande le renouvellement de son mot de passe")
def requests_renewal(journey, account):
    journey.request_renewal(account)


@given("il a reçu le mail de renouvellement", target_fixture="received_mail")
@given("il a ensuite reçu un nouveau mail de renouvellement", target_fixture="received_mail")
def has_received_renewal_mail(journey, account, inbox):
    journey.request_renewal(account)
    return inbox.receive(wording.RENEWAL_SUBJECT)


@given("il a reçu deux mails de renouvellement", target_fixture="received_mails")
def has_received_two_renewal_mails(journey, account, inbox):
    return [has_received_renewal_mail(journey, account, inbox) for _ in range(2)]


@given("il a reçu autant de mails de renouvellement que le site en autorise")
def has_received_as_many_mails_as_allowed(journey, account, inbox, rate_limit):
    for _ in range(rate_limit.limit):
        has_received_renewal_mail(journey, account, inbox)


@when("il demande autant de mails de renouvellement que le site en autorise", target_fixture="requests_made")
def requests_as_many_mails_as_allowed(journey, account, rate_limit):
    for _ in range(rate_limit.limit):
        journey.request_renewal(account)
    return rate_limit.limit


@when("il demande les mails de renouvellement que le site lui autorise encore", target_fixture="requests_made")
def requests_the_mails_still_allowed(journey, account, inbox, rate_limit):
    still_allowed = rate_limit.limit - len(inbox.received)
    for _ in range(still_allowed):
        journey.request_renewal(account)
    return still_allowed


@then(parsers.parse("il reçoit un nouveau mail « {subject} » pour chacune de ces demandes"))
def receives_one_mail_per_request(inbox, requests_made, subject):
    inbox.receive_each(subject, requests_made)


@given("le service de renouvellement lui est bloqué")
def renewal_blocked(journey, account, inbox, rate_limit, page):
    has_received_as_many_mails_as_allowed(journey, account, inbox, rate_limit)
    journey.request_renewal(account)
    expect_alert(page, wording.TOO_MANY_REQUESTS)


@given("une de ses demandes a été refusée pour des caractères erronés")
def request_refused_for_characters(journey, account, page):
    journey.request_renewal(account, typed=wrong_characters)
    expect_alert(page, wording.CAPTCHA_WRONG)


@when("il demande le renouvellement de son mot de passe depuis son téléphone")
def requests_renewal_from_phone(phone, account):
    phone.journey.request_renewal(account)


@when("un autre assuré demande le renouvellement de son mot de passe sur le même ordinateur")
def other_insured_requests_renewal(journey, another_account):
    journey.request_renewal(another_account)


@when(parsers.parse("il demande le renouvellement de son mot de passe avec un en-tête « {header} » falsifié"))
def requests_renewal_with_forged_header(journey, account, header, scripted_requests):
    journey.request_renewal_with_forged_header(account, header, scripted_requests)


@when("il demande un nouveau mail de renouvellement dans un autre onglet")
def requests_new_mail_in_other_tab(second_tab, account, inbox):
    second_tab.journey.request_renewal(account)
    inbox.receive(wording.RENEWAL_SUBJECT)


@then(parsers.parse("il reçoit le mail « {subject} »"), target_fixture="received_mail")
@then(parsers.parse("il reçoit un nouveau mail « {subject} »"), target_fixture="received_mail")
def receives_mail(inbox, subject):
    return inbox.receive(subject)


@then(parsers.parse("il reçoit un mail dont l'objet ne contient ni « {word} » ni « {other_word} »"),
      target_fixture="received_mail")
@then(parsers.parse("il reçoit un nouveau mail dont l'objet ne contient ni « {word} » ni « {other_word} »"),
      target_fixture="received_mail")
def receives_mail_whose_subject_avoids(inbox, word, other_word):
    mail = inbox.receive()
    expect_subject_avoids(mail, word, other_word)
    return mail


@then(parsers.parse("il reçoit un seul mail « {subject} »"), target_fixture="received_mail")
def receives_one_mail_only(inbox, subject):
    mail = inbox.receive(subject)
    inbox.expect_nothing_new()
    return mail


@then("aucun mail ne lui est envoyé")
@then("aucun nouveau mail ne lui est envoyé")
def no_mail_sent(inbox):
    inbox.expect_nothing_new()


@then(parsers.parse("ce mail vient de « {sender} »"))
def mail_from(received_mail, sender):
    expect_sender(received_mail, sender)


@then("ce mail n'est adressé qu'à l'adresse de son compte")
def mail_only_to_account(received_mail, account):
    expect_only_recipient(received_mail, account.email)


@then("ce mail a une version texte et une version HTML")
def mail_has_text_and_html(received_mail):
    expect_text_and_html(received_mail)


@then("ce mail indique que le lien est valable 30 minutes")
def mail_says_30_minutes(page, mail_in_browser, received_mail):
    expect_both_versions_say(received_mail, mail_in_browser.shown_text(page, received_mail.id), "30 minutes")


@when(parsers.re("il clique sur « (?P<name>[^»]+) » dans le mail"))
def clicks_link_in_mail(page, inbox, mail_in_browser, name):
    mail_in_browser.open_link(page, inbox.newest(wording.RENEWAL_SUBJECT).id, name)


@when(parsers.re("il clique sur « (?P<name>[^»]+) » dans ce mail"))
def clicks_link_in_this_mail(page, mail_in_browser, received_mail, name):
    mail_in_browser.open_link(page, received_mail.id, name)


@when(parsers.re("il clique sur « (?P<name>[^»]+) » dans le mail, sur son téléphone"))
def clicks_link_in_mail_on_phone(phone, inbox, mail_in_browser, name):
    mail_in_browser.open_link(phone.page, inbox.newest(wording.RENEWAL_SUBJECT).id, name)


@when(parsers.re("il clique sur « (?P<name>[^»]+) » dans le mail le plus récent"))
def clicks_link_in_newest_mail(page, inbox, mail_in_browser, name):
    mail_in_browser.open_link(page, inbox.newest(wording.RENEWAL_SUBJECT).id, name)


@when(parsers.re("il clique sur « (?P<name>[^»]+) » dans le mail précédent"))
def clicks_link_in_previous_mail(page, inbox, mail_in_browser, name):
    mail_in_browser.open_link(page, inbox.previous(wording.RENEWAL_SUBJECT).id, name)


def open_renewal_page(inbox, mail_in_browser, device):
    mail_in_browser.open_link(device.page, inbox.newest(wording.RENEWAL_SUBJECT).id, wording.RENEWAL_LINK)
    device.renewal.expect_shown()


@given("il a ouvert le lien du mail")
def has_opened_link(computer, inbox, mail_in_browser):
    open_renewal_page(inbox, mail_in_browser, computer)


@given("il a ouvert le lien de son mail de renouvellement")
def has_opened_link_of_new_mail(journey, account, computer, inbox, mail_in_browser):
    has_received_renewal_mail(journey, account, inbox)
    open_renewal_page(inbox, mail_in_browser, computer)


@given("il a ouvert le lien du mail sur son ordinateur et sur son téléphone")
def has_opened_link_on_both_devices(computer, phone, inbox, mail_in_browser):
    open_renewal_page(inbox, mail_in_browser, computer)
    open_renewal_page(inbox, mail_in_browser, phone)


@then("ce mail indique la date et l'heure du changement")
def mail_states_change_moment(received_mail, password_choice):
    expect_change_moment(received_mail, password_choice.submitted_at)


@then("ce mail indique la date et l'heure exactes du changement, heure de Paris")
def mail_states_exact_change_moment(received_mail, password_choice):
    expect_exact_change_moment(received_mail, password_choice.submitted_at)


@when(parsers.parse("il recherche « {keywords} » dans sa messagerie"), target_fixture="search_results")
def searches_mailbox(inbox, keywords):
    return inbox.search(keywords)


@then("il trouve le mail de renouvellement")
def finds_renewal_mail(search_results, received_mail):
    expect_found(search_results, received_mail)


@then(parsers.parse("le lien « {name} » de ce mail mène au site lui-même"), target_fixture="mail_link")
def mail_link_on_site(page, mail_in_browser, received_mail, site_url, name):
    return expect_link_on_site(mail_in_browser.link_address(page, received_mail.id, name), site_url, received_mail)


@then("la version texte de ce mail donne la même adresse")
def text_gives_same_link(received_mail, mail_link):
    expect_text_gives(received_mail, mail_link)


@when(parsers.parse("un antivirus ouvre le lien « {name} » du mail avant lui"))
def scanner_opens_link(page, mail_in_browser, received_mail, mail_scanner, name):
    scan_link(mail_scanner, mail_in_browser.link_address(page, received_mail.id, name))
