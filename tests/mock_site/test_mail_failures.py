"""SMTP down or refusing: a French alert, nothing recorded, and the request can be repeated."""

import pytest

from conftest import NEW_PASSWORD, NIR, PASSWORD, PUBLIC_URL, Browser, link_in
from mock_site import wording


@pytest.mark.parametrize("refusal", ["451 4.3.0 Réessayez plus tard", "554 5.7.1 Refusé"])
def test_a_refusing_server_leaves_nothing_recorded_and_a_repeat_succeeds(browser, mails, refusal):
    browser.create_account()
    browser.freeze()
    mails.refusals = [refusal] * 3
    for _ in range(3):
        page = browser.request_renewal()
        assert page.status == 200 and page.alert == wording.MAIL_UNAVAILABLE
        assert page.value("Numéro de sécurité sociale") == NIR and page.value("Recopiez les caractères") == ""
    assert mails.messages == []
    # the failures used up none of the three mails, and left no link behind
    for _ in range(3):
        assert browser.request_renewal().notices == [wording.MAIL_SENT]
    assert browser.request_renewal().alert == wording.TOO_MANY_MAILS
    assert len(mails.messages) == 3


def test_a_failed_mail_does_not_replace_the_last_link(browser, mails):
    browser.create_account()
    browser.request_renewal()
    link = link_in(mails.messages[-1])
    mails.refusals = ["451 4.3.0 Réessayez plus tard"]
    assert browser.request_renewal().alert == wording.MAIL_UNAVAILABLE
    assert browser.get(link.removeprefix(PUBLIC_URL)).alerts == []


def test_smtp_down_gets_the_alert_not_a_500(make_app, closed_port):
    browser = Browser(make_app(SMTP_PORT=closed_port))
    browser.create_account()
    for _ in range(4):
        page = browser.request_renewal()
        assert page.status == 200 and page.alert == wording.MAIL_UNAVAILABLE


def test_smtp_down_then_up_the_same_request_succeeds(make_app, smtp, closed_port, mails):
    app = make_app(SMTP_PORT=closed_port)
    browser = Browser(app)
    browser.create_account()
    assert browser.request_renewal().alert == wording.MAIL_UNAVAILABLE
    app.config["SMTP_PORT"] = smtp.port  # the server comes back
    assert browser.request_renewal().notices == [wording.MAIL_SENT]
    assert len(mails.messages) == 1


def test_a_refused_confirmation_mail_changes_nothing_and_can_be_repeated(browser, mails):
    browser.create_account()
    browser.request_renewal()
    link = link_in(mails.messages[-1])
    mails.refusals = ["452 4.3.1 Boîte pleine"]
    page = browser.choose_password(link)
    assert page.alert == wording.MAIL_UNAVAILABLE
    assert browser.api("GET", f"accounts/{NIR}").get_json()["password_changed_at"] is None
    assert browser.log_in(NIR, PASSWORD).headings == ["Mon compte ameli"]
    assert browser.choose_password(link).headings == ["Votre nouveau mot de passe a bien été enregistré"]
    assert browser.log_in(NIR, NEW_PASSWORD).headings == ["Mon compte ameli"]
