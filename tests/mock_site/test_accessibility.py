"""ui.md « Accessibility » in the mock's markup: the fields an alert concerns, and only they, are
aria-invalid and carry the alert in their description, after their own hint."""

import pytest

from mock_site import wording
from tests.mock_site.site_client import BIRTH_DATE, NIR, PASSWORD, link_in

FORGOT_FIELDS = ("nir", "birth_date", "captcha")
UNKNOWN_NIR = "2850775123456"


def _expect_concerned(page, fields, concerned):
    for field in fields:
        attributes = page.fields[field]
        described_by = attributes.get("aria-describedby", "").split()
        if field in concerned:
            assert attributes.get("aria-invalid") == "true" and described_by[-1] == "alert", (field, attributes)
        else:
            assert "aria-invalid" not in attributes and "alert" not in described_by, (field, attributes)


def test_a_page_without_alert_marks_no_field(visitor):
    page = visitor.open_forgot_password()
    _expect_concerned(page, FORGOT_FIELDS, set())
    assert page.fields["nir"]["aria-describedby"] == "nir-hint"
    assert page.fields["birth_date"]["aria-describedby"] == "birth-date-hint"


@pytest.mark.parametrize("nir, birth_date, captcha, concerned", [
    ("12345", "32/13/1985", None, {"nir", "birth_date"}),
    (NIR, "01/01/2999", None, {"birth_date"}),
    (NIR, BIRTH_DATE, "FAUX", {"captcha"}),
    (UNKNOWN_NIR, BIRTH_DATE, None, {"nir", "birth_date"}),
], ids=["format", "date future", "caractères", "personne inconnue"])
def test_forgot_password_marks_the_fields_its_alert_concerns(visitor, nir, birth_date, captcha, concerned):
    visitor.create_account()
    page = visitor.request_renewal(nir, birth_date, captcha)
    assert page.alert
    _expect_concerned(page, FORGOT_FIELDS, concerned)


def test_an_expired_captcha_marks_the_characters_field(visitor):
    visitor.create_account()
    visitor.freeze()
    form = visitor.open_forgot_password()
    answer = visitor.captcha_answer()
    visitor.advance(301)
    page = visitor.request_renewal(captcha=answer, form=form)
    assert page.alert == wording.CAPTCHA_EXPIRED
    _expect_concerned(page, FORGOT_FIELDS, {"captcha"})


def test_a_refusal_that_no_field_causes_marks_no_field(visitor):
    visitor.create_account(email=None)
    page = visitor.request_renewal()
    assert page.alert == wording.NO_VALIDATED_ADDRESS
    _expect_concerned(page, FORGOT_FIELDS, set())


def test_a_refused_login_marks_both_fields(visitor):
    visitor.create_account()
    page = visitor.log_in(NIR, "Mauvais-Mdp-1")
    assert page.alert == wording.LOGIN_REFUSED
    _expect_concerned(page, ("nir", "password"), {"nir", "password"})


@pytest.mark.parametrize("password, confirmation, concerned", [
    ("abc", "abc", {"password"}),
    ("Nouveau-Mdp-2026", "Nouveau-Mdp-2025", {"confirmation"}),
], ids=["règles", "confirmation différente"])
def test_a_refused_password_marks_its_field(visitor, mails, password, confirmation, concerned):
    visitor.create_account()
    visitor.request_renewal()
    page = visitor.choose_password(link_in(mails.messages[-1]), password, confirmation)
    assert page.alert
    _expect_concerned(page, ("password", "confirmation"), concerned)
    assert page.fields["password"]["aria-describedby"].startswith("password-rules-intro password-specials")


def test_the_alert_is_the_element_the_fields_point_to(visitor):
    visitor.create_account()
    markup = visitor.client.post("/connexion", data={
        "csrf_token": visitor.get("/connexion").hidden("csrf_token"), "nir": NIR, "password": PASSWORD + "x",
    }).get_data(as_text=True)
    assert markup.count('id="alert"') == 1 and '<div class="alert" role="alert" id="alert">' in markup
