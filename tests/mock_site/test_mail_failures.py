"""SMTP down or refusing: a French alert, nothing recorded, and the request can be repeated."""

import ssl

import pytest
import trustme

from mock_site import wording
from tests.mock_site.site_client import (
    NEW_PASSWORD,
    NIR,
    PASSWORD,
    PUBLIC_URL,
    FreePortController,
    MailCatcher,
    Smtp,
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


@pytest.fixture(scope="module")
def starttls_smtp(tmp_path_factory):
    """An SMTP server that takes mail only after STARTTLS, with a certificate of a CA made for the test."""
    folder = tmp_path_factory.mktemp("starttls")
    ca = trustme.CA()
    ca.cert_pem.write_to_path(folder / "ca.pem")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(tls)
    catcher = MailCatcher()
    controller = FreePortController(catcher, hostname="127.0.0.1", tls_context=tls, require_starttls=True)
    controller.start()
    yield Smtp(catcher, controller.port), folder / "ca.pem"
    controller.stop()


def test_mail_goes_over_starttls_checked_against_the_ca_given_and_not_otherwise(make_app, starttls_smtp, tmp_path):
    server, ca_file = starttls_smtp
    other_ca = tmp_path / "autre-ca.pem"
    trustme.CA().cert_pem.write_to_path(other_ca)
    for refused_by in (None, str(other_ca)):  # in clear: refused by the server; another CA: by the mock
        visitor = Visitor(make_app(SMTP_PORT=server.port, SMTP_STARTTLS_CA_FILE=refused_by))
        visitor.create_account()
        assert visitor.request_renewal().alert == wording.MAIL_UNAVAILABLE, refused_by
    assert server.catcher.messages == []
    visitor = Visitor(make_app(SMTP_PORT=server.port, SMTP_STARTTLS_CA_FILE=str(ca_file)))
    visitor.create_account()
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert len(server.catcher.messages) == 1
