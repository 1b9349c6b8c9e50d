"""The renewal mail, its link, the new password and the confirmation (guide steps 4-6)."""

import re
from email.utils import parseaddr

import pytest

from mock_site import wording
from tests.mock_site.site_client import (
    BIRTH_DATE,
    NEW_PASSWORD,
    NIR,
    PASSWORD,
    PUBLIC_URL,
    Visitor,
    html_part,
    link_in,
    text_part,
)

LINK_PATH = re.compile(r"^/mot-de-passe/renouveler/[A-Za-z0-9_-]{43}$")


def _mail_link(visitor, mails) -> str:
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    return link_in(mails.messages[-1])


def test_the_renewal_mail_is_as_the_contract_says(visitor, mails):
    visitor.create_account()
    visitor.request_renewal()
    [message] = mails.messages
    assert parseaddr(message["From"]) == ("Votre Assurance Maladie", "ne-pas-repondre@assurance-maladie.example")
    assert message["To"] == "assure@example.test"
    assert mails.envelopes == [("ne-pas-repondre@assurance-maladie.example", ["assure@example.test"])]
    assert message["Subject"] == "Votre compte ameli \u2013 renouveler mon mot de passe"
    assert "confirm" not in message["Subject"].lower()
    assert message.get_content_type() == "multipart/alternative"
    assert message["Message-ID"]
    link = link_in(message)
    assert link.startswith(PUBLIC_URL + "/") and LINK_PATH.match(link.removeprefix(PUBLIC_URL))
    assert f'<a href="{link}">Renouveler mon mot de passe</a>' in html_part(message)
    assert "30 minutes" in text_part(message) and "30 minutes" in html_part(message)
    assert NIR not in link and "assure" not in link
    headers = mails.raw[0].split(b"\r\n\r\n", 1)[0]
    assert headers.isascii() and b"=?utf-8?" in headers, "headers are RFC 2047 encoded"


def test_mail_from_is_configurable_and_links_ignore_the_host_header(make_app, mails):
    visitor = Visitor(make_app(MAIL_FROM="robot@ameli.example.test"))
    visitor.create_account()
    form = visitor.open_forgot_password()
    visitor.client.post("/mot-de-passe-oublie", headers={"X-Forwarded-Host": "evil.example", "Forwarded": "host=evil.example"},
                        data={"csrf_token": form.hidden("csrf_token"), "captcha_id": form.hidden("captcha_id"),
                              "nir": NIR, "birth_date": BIRTH_DATE, "captcha": visitor.captcha_answer()})
    [message] = mails.messages
    assert parseaddr(message["From"]) == ("Votre Assurance Maladie", "robot@ameli.example.test")
    assert link_in(message).startswith(PUBLIC_URL + "/")


def test_links_never_take_the_request_host_header(app, visitor, mails):
    visitor.create_account()
    form = visitor.open_forgot_password()
    # The test client keeps cookies per host: the same session goes along by hand to the forged host.
    session = visitor.client.get_cookie("session").value
    forged = app.test_client(use_cookies=False)
    forged.post("/mot-de-passe-oublie", headers={"Host": "evil.example", "Cookie": f"session={session}"},
                data={"csrf_token": form.hidden("csrf_token"), "captcha_id": form.hidden("captcha_id"),
                      "nir": NIR, "birth_date": BIRTH_DATE, "captcha": visitor.captcha_answer()})
    assert link_in(mails.messages[-1]).startswith(PUBLIC_URL + "/")


def test_the_link_works_in_another_browser(visitor, new_visitor, mails):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    phone = new_visitor()
    assert phone.choose_password(link).headings == ["Votre nouveau mot de passe a bien été enregistré"]
    assert phone.log_in(NIR, NEW_PASSWORD).headings == ["Mon compte ameli"]


def test_the_change_does_not_log_the_person_in(visitor, mails):
    visitor.create_account()
    visitor.choose_password(_mail_link(visitor, mails))
    answer = visitor.client.get("/mon-compte")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/connexion")


def test_the_renewal_page_is_as_the_contract_says(visitor, mails):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    response = visitor.client.get(link.removeprefix(PUBLIC_URL))
    assert response.headers["Referrer-Policy"] == "no-referrer"
    page = visitor.get(link.removeprefix(PUBLIC_URL))
    assert page.headings == ["Choisissez votre nouveau mot de passe"]
    assert page.list_items == list(wording.PASSWORD_RULES)
    assert page.field("Nouveau mot de passe")["type"] == "password"
    assert page.field("Confirmation du nouveau mot de passe")["type"] == "password"
    assert "Valider le nouveau mot de passe" in page.buttons
    assert page.alerts == []


def test_the_whole_journey_changes_the_password(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    link = _mail_link(visitor, mails)
    visitor.advance(125.5)
    moment = visitor.api("GET", "clock").get_json()["now"]  # e.g. 2026-11-27T08:14:03.512+01:00
    page = visitor.choose_password(link)
    assert page.headings == ["Votre nouveau mot de passe a bien été enregistré"], page.alerts
    assert page.links["Connectez-vous"] == "/connexion"
    confirmation = mails.messages[-1]
    assert confirmation["Subject"] == "Votre compte ameli \u2013 votre mot de passe a été modifié"
    assert parseaddr(confirmation["From"])[0] == "Votre Assurance Maladie"
    assert confirmation["To"] == "assure@example.test"
    day, hour = moment[:10].split("-"), moment[11:16].replace(":", "h")
    sentence = f"Votre mot de passe a été modifié le {day[2]}/{day[1]}/{day[0]} à {hour}."
    assert sentence in text_part(confirmation) and sentence in html_part(confirmation)
    account = visitor.api("GET", f"accounts/{NIR}").get_json()
    assert account["password_changed_at"] == moment
    assert visitor.log_in(NIR, NEW_PASSWORD).headings == ["Mon compte ameli"]
    assert visitor.log_in(NIR, PASSWORD).alert == wording.LOGIN_REFUSED


def test_the_confirmation_states_the_paris_minute_truncated(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    now = visitor.api("GET", "clock").get_json()["now"]
    seconds = int(now[17:19]) + float(now[19:23])  # into the current minute
    visitor.advance(59.999 - seconds)  # the last millisecond of the minute
    link = _mail_link(visitor, mails)
    moment = visitor.api("GET", "clock").get_json()["now"]
    visitor.choose_password(link)
    assert f"à {moment[11:13]}h{moment[14:16]}." in text_part(mails.messages[-1])
    assert moment.endswith(("+01:00", "+02:00"))  # Europe/Paris


@pytest.mark.parametrize("elapsed, works", [(1799, True), (1800, True), (1801, False)])
def test_link_lives_1800_seconds_when_opened(visitor, mails, elapsed, works):
    visitor.create_account()
    visitor.freeze()
    link = _mail_link(visitor, mails)
    visitor.advance(elapsed)
    page = visitor.get(link.removeprefix(PUBLIC_URL))
    if works:
        assert page.headings == ["Choisissez votre nouveau mot de passe"] and page.alerts == []
    else:
        assert page.alert == wording.LINK_EXPIRED
        assert page.links["Mot de passe oublié ?"] == "/mot-de-passe-oublie"
        assert "Nouveau mot de passe" not in page.labels


@pytest.mark.parametrize("elapsed, works", [(1799, True), (1801, False)])
def test_link_lives_1800_seconds_when_submitted(visitor, mails, elapsed, works):
    visitor.create_account()
    visitor.freeze()
    link = _mail_link(visitor, mails)
    path = link.removeprefix(PUBLIC_URL)
    form = visitor.get(path)
    visitor.advance(elapsed)
    page = visitor.submit(path, form, password=NEW_PASSWORD, confirmation=NEW_PASSWORD)
    if works:
        assert page.headings == ["Votre nouveau mot de passe a bien été enregistré"]
    else:
        assert page.alert == wording.LINK_EXPIRED
        assert visitor.log_in(NIR, PASSWORD).headings == ["Mon compte ameli"]


def test_the_link_lives_by_the_clock_of_the_session_that_requested_it(new_visitor, mails):
    requester, other = new_visitor(), new_visitor()
    requester.create_account()
    requester.freeze()
    link = _mail_link(requester, mails)
    requester.advance(1801)
    assert requester.get(link.removeprefix(PUBLIC_URL)).alert == wording.LINK_EXPIRED
    # the same link judged in a session whose clock runs with real time
    assert other.get(link.removeprefix(PUBLIC_URL)).alerts == []


def test_the_link_works_once(visitor, mails):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    visitor.choose_password(link)
    page = visitor.get(link.removeprefix(PUBLIC_URL))
    assert page.alert == wording.LINK_INVALID
    assert page.links["Mot de passe oublié ?"] == "/mot-de-passe-oublie"
    assert "Nouveau mot de passe" not in page.labels


def test_opening_the_link_never_spends_it(visitor, mails):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    path = link.removeprefix(PUBLIC_URL)
    for _ in range(3):
        assert visitor.client.head(path).status_code == 200
        assert visitor.client.get(path).status_code == 200
    assert visitor.choose_password(link).headings == ["Votre nouveau mot de passe a bien été enregistré"]


def test_a_newer_mail_makes_older_links_invalid(visitor, mails):
    visitor.create_account()
    older = _mail_link(visitor, mails).removeprefix(PUBLIC_URL)
    older_form = visitor.get(older)  # opened before the newer mail, submitted after
    newer = _mail_link(visitor, mails)
    assert visitor.get(older).alert == wording.LINK_INVALID
    page = visitor.submit(older, older_form, password=NEW_PASSWORD, confirmation=NEW_PASSWORD)
    assert page.alert == wording.LINK_INVALID
    assert visitor.choose_password(newer).headings == ["Votre nouveau mot de passe a bien été enregistré"]


@pytest.mark.parametrize("path", ["/mot-de-passe/renouveler/inconnu", "/mot-de-passe/renouveler/" + "A" * 43,
                                  "/mot-de-passe/renouveler/%00%3Cscript%3E"])
def test_an_unknown_link_is_no_longer_valid(visitor, path):
    assert visitor.get(path).alert == wording.LINK_INVALID


def test_tokens_are_stored_hashed(visitor, mails, app):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    token = link.rsplit("/", 1)[1]
    account = app.extensions["mock_site.state"].account(NIR)
    assert token not in repr(vars(app.extensions["mock_site.state"]))
    assert len(account.renewal_token_hash) == 64 and account.renewal_token_hash != token


@pytest.mark.parametrize("password, broken", [
    ("court1A", [0]),
    ("minuscules-1", [1]),
    ("SansChiffreNiSpecial", [2]),
    ("Avec espace 1", [3]),
    (f"Mdp-{NIR}", [4]),
    ("Mdp-19850715", [4]),
    ("Mdp-15/07/1985", [4]),
    ("é", [0, 1, 2, 3]),
    ("", [0, 1, 2]),
])
def test_a_refused_password_names_every_broken_rule_and_nothing_else(visitor, mails, password, broken):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    page = visitor.choose_password(link, password)
    assert page.headings == ["Choisissez votre nouveau mot de passe"]
    for number, rule in enumerate(wording.PASSWORD_RULES):
        assert (rule in page.alert) is (number in broken), f"rule {rule!r} in {page.alert!r}"
    assert visitor.log_in(NIR, PASSWORD).headings == ["Mon compte ameli"]
    assert visitor.get(link.removeprefix(PUBLIC_URL)).alerts == []  # the link still works


def test_the_confirmation_must_equal_the_password(visitor, mails):
    visitor.create_account()
    link = _mail_link(visitor, mails)
    assert visitor.choose_password(link, NEW_PASSWORD, NEW_PASSWORD + "x").alert == wording.PASSWORDS_DIFFER
    # the rules come first
    page = visitor.choose_password(link, "court", "autre")
    assert wording.PASSWORD_RULES[0] in page.alert and wording.PASSWORDS_DIFFER not in page.alert
    assert visitor.log_in(NIR, NEW_PASSWORD).alert == wording.LOGIN_REFUSED
