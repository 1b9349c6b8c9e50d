"""SMTP down or refusing: a French alert, nothing recorded, and the request can be repeated."""

import pytest

from mock_site import wording
from tests.mock_site.site_client import (
    NEW_PASSWORD,
    NIR,
    PASSWORD,
    PUBLIC_URL,
    Visitor,
    link_in,
)


@pytest.mark.parametrize("refusal", ["451 4.3.0 Réessayez plus tard", "554 5.7.1 Refusé"])
def test_a_refusing_server_leaves_nothing_recorded_and_a_repeat_succeeds(visitor, mails, refusal):
    visitor.create_account()
    visitor.freeze()
    mails.refusals = [refusal] * 3
    for _ in range(3):
        page = visitor.request_renewal()
        assert page.status == 200 and page.alert == wording.MAIL_UNAVAILABLE
        assert page.value("Numéro de sécurité sociale") == NIR and page.value("Recopiez les caractères") == ""
    assert mails.messages == []
    # the failures used up none of the three mails, and left no link behind
    for _ in range(3):
        assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS
    assert len(mails.messages) == 3


def test_a_failed_mail_does_not_replace_the_last_link(visitor, mails):
    visitor.create_account()
    visitor.request_renewal()
    link = link_in(mails.messages[-1])
    mails.refusals = ["451 4.3.0 Réessayez plus tard"]
    assert visitor.request_renewal().alert == wording.MAIL_UNAVAILABLE
    assert visitor.get(link.removeprefix(PUBLIC_URL)).alerts == []


def test_smtp_down_gets_the_alert_not_a_500(make_app, closed_port):
    visitor = Visitor(make_app(SMTP_PORT=closed_port))
    visitor.create_account()
    for _ in range(4):
        page = visitor.request_renewal()
        assert page.status == 200 and page.alert == wording.MAIL_UNAVAILABLE


def test_smtp_down_then_up_the_same_request_succeeds(make_app, smtp, closed_port, mails):
    app = make_app(SMTP_PORT=closed_port)
    visitor = Visitor(app)
    visitor.create_account()
    assert visitor.request_renewal().alert == wording.MAIL_UNAVAILABLE
    app.config["SMTP_PORT"] = smtp.port  # the server comes back
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert len(mails.messages) == 1


def test_a_refused_confirmation_mail_changes_nothing_and_can_be_repeated(visitor, mails):
    visitor.create_account()
    visitor.request_renewal()
    link = link_in(mails.messages[-1])
    mails.refusals = ["452 4.3.1 Boîte pleine"]
    page = visitor.choose_password(link)
    assert page.alert == wording.MAIL_UNAVAILABLE
    assert visitor.api("GET", f"accounts/{NIR}").get_json()["password_changed_at"] is None
    assert visitor.log_in(NIR, PASSWORD).headings == ["Mon compte ameli"]
    assert visitor.choose_password(link).headings == ["Votre nouveau mot de passe a bien été enregistré"]
    assert visitor.log_in(NIR, NEW_PASSWORD).headings == ["Mon compte ameli"]
