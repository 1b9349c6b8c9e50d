"""The forgot-password page (guide steps 2-3): its stages, alerts, captcha and rate limit."""

import base64

import pytest

from mock_site import wording
from tests.mock_site.site_client import BIRTH_DATE, NIR, Visitor

NIR_LABEL, DATE_LABEL, CAPTCHA_LABEL = "Numéro de sécurité sociale", "Date de naissance", "Recopiez les caractères"


def test_the_page_offers_what_the_contract_names(visitor):
    page = visitor.open_forgot_password()
    assert "Mot de passe oublié" in page.headings
    for label in (NIR_LABEL, DATE_LABEL, CAPTCHA_LABEL):
        assert page.field(label)["type"] == "text"
    assert "Caractères à recopier" in page.images
    assert {"Nouvelle liste de caractères", "Écouter les caractères", "Recevoir le mail"} <= set(page.buttons)
    assert page.alerts == []


def test_every_display_shows_a_new_captcha(visitor):
    visitor.open_forgot_password()
    first = visitor.api("GET", "captcha").get_json()
    visitor.open_forgot_password()
    second = visitor.api("GET", "captcha").get_json()
    assert first != second


def test_a_right_request_sends_the_mail(visitor, mails):
    visitor.create_account()
    page = visitor.request_renewal()
    assert page.headings == ["Consultez votre boîte mail"], page.alerts
    assert page.notices == [wording.MAIL_SENT]
    assert len(mails.to("assure@example.test")) == 1


@pytest.mark.parametrize("nir, birth_date, expected", [
    ("185077512345", BIRTH_DATE, [wording.NIR_FORMAT]),
    ("185072C123456", BIRTH_DATE, [wording.NIR_FORMAT]),
    ("", BIRTH_DATE, [wording.NIR_FORMAT]),
    (NIR, "15/7/1985", [wording.DATE_FORMAT]),
    (NIR, "31/02/1985", [wording.DATE_FORMAT]),
    (NIR, "", [wording.DATE_FORMAT]),
    ("x", "y", [wording.NIR_FORMAT, wording.DATE_FORMAT]),
    ("x", "01/01/2999", [wording.NIR_FORMAT, wording.DATE_NOT_PAST]),
])
def test_field_errors_share_one_alert_before_the_captcha_is_judged(visitor, mails, nir, birth_date, expected):
    visitor.create_account()
    page = visitor.request_renewal(nir, birth_date, captcha="wrong")
    assert page.alert == " ".join(expected)
    assert mails.messages == []


def test_birth_date_today_by_the_session_clock_is_refused(visitor):
    visitor.create_account()
    today = visitor.advance(0)["now"][:10]  # AAAA-MM-JJ in Europe/Paris
    year, month, day = today.split("-")
    page = visitor.request_renewal(birth_date=f"{day}/{month}/{year}")
    assert page.alert == wording.DATE_NOT_PAST


def test_after_a_failure_fields_are_kept_the_captcha_emptied_and_renewed(visitor):
    form = visitor.open_forgot_password()
    shown = visitor.captcha_answer()
    page = visitor.request_renewal(" 1 85 07 75 123 456", "15/07/1985 ", captcha=shown + "X", form=form)
    assert page.alert == wording.CAPTCHA_WRONG
    assert page.value(NIR_LABEL) == " 1 85 07 75 123 456"
    assert page.value(DATE_LABEL) == "15/07/1985 "
    assert page.value(CAPTCHA_LABEL) == ""
    assert page.hidden("captcha_id") != form.hidden("captcha_id")
    assert page.images["Caractères à recopier"] != form.images["Caractères à recopier"]
    assert visitor.api("GET", "captcha").status_code == 200  # the new captcha is the one shown


def test_captcha_is_compared_without_case(visitor, mails):
    visitor.create_account()
    form = visitor.open_forgot_password()
    page = visitor.request_renewal(captcha=f"  {visitor.captcha_answer().lower()} ", form=form)
    assert page.notices == [wording.MAIL_SENT]


@pytest.mark.parametrize("elapsed, alert", [(299, None), (300, None), (301, wording.CAPTCHA_EXPIRED)])
def test_captcha_is_valid_300_seconds(visitor, mails, elapsed, alert):
    visitor.create_account()
    visitor.freeze()
    form = visitor.open_forgot_password()
    answer = visitor.captcha_answer()
    visitor.advance(elapsed)
    page = visitor.request_renewal(captcha=answer, form=form)
    assert page.alerts == ([alert] if alert else [])
    assert len(mails.messages) == (0 if alert else 1)


def test_expired_captcha_is_reported_even_with_wrong_characters(visitor):
    visitor.freeze()
    form = visitor.open_forgot_password()
    visitor.advance(301)
    assert visitor.request_renewal(captcha="nope", form=form).alert == wording.CAPTCHA_EXPIRED


def test_each_new_captcha_has_its_own_five_minutes(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    visitor.open_forgot_password()
    visitor.advance(200)
    form = visitor.submit("/mot-de-passe-oublie/nouvelle-liste", visitor.open_forgot_password(),
                          nir=NIR, birth_date=BIRTH_DATE)
    visitor.advance(299)
    assert visitor.request_renewal(form=form).notices == [wording.MAIL_SENT]


def test_a_spent_captcha_serves_no_second_submission(visitor, mails):
    visitor.create_account()
    form = visitor.open_forgot_password()
    answer = visitor.captcha_answer()
    assert visitor.request_renewal(captcha=answer, form=form).notices == [wording.MAIL_SENT]
    assert visitor.api("GET", "captcha").status_code == 404
    assert visitor.request_renewal(captcha=answer, form=form).alert == wording.CAPTCHA_WRONG
    assert len(mails.messages) == 1


def test_a_captcha_replaced_by_another_display_is_refused(visitor):
    visitor.create_account()
    old_form = visitor.open_forgot_password()
    visitor.open_forgot_password()  # another tab of the same session
    assert visitor.request_renewal(form=old_form).alert == wording.CAPTCHA_WRONG


def test_new_list_without_javascript_keeps_the_fields_and_shows_new_characters(visitor):
    form = visitor.open_forgot_password()
    before = visitor.api("GET", "captcha").get_json()
    page = visitor.submit("/mot-de-passe-oublie/nouvelle-liste", form, nir="1 85", birth_date="15/07", captcha="AB")
    assert page.alerts == []
    assert (page.value(NIR_LABEL), page.value(DATE_LABEL), page.value(CAPTCHA_LABEL)) == ("1 85", "15/07", "")
    assert page.images["Caractères à recopier"] != form.images["Caractères à recopier"]
    assert visitor.api("GET", "captcha").get_json() != before


def test_new_list_with_javascript_answers_the_new_captcha_urls(visitor):
    form = visitor.open_forgot_password()
    answer = visitor.client.post("/mot-de-passe-oublie/nouvelle-liste", headers={
        "Accept": "application/json", "X-CSRFToken": form.hidden("csrf_token")})
    captcha = answer.get_json()
    assert captcha["id"] != form.hidden("captcha_id")
    assert captcha["image_url"] != form.images["Caractères à recopier"]
    image = visitor.client.get(captcha["image_url"])
    audio = visitor.client.get(captcha["audio_url"])
    assert image.content_type == "image/png" and image.data.startswith(b"\x89PNG")
    assert audio.content_type.startswith("audio/") and audio.data.startswith(b"RIFF") and len(audio.data) > 1000
    assert audio.headers["Cache-Control"] == "no-store"
    # the characters now shown are the new ones; the replaced captcha's image is gone
    assert visitor.client.get(form.images["Caractères à recopier"]).status_code == 404


def test_captcha_image_and_audio_speak_the_session_captcha(visitor, monkeypatch):
    from mock_site import captchas
    drawn, spoken = [], []
    monkeypatch.setattr(captchas, "draw", lambda answer: drawn.append(answer) or b"png")
    monkeypatch.setattr(captchas, "speak", lambda answer: spoken.append(answer) or b"wav")
    form = visitor.open_forgot_password()
    visitor.client.get(form.images["Caractères à recopier"])
    visitor.client.get(form.images["Caractères à recopier"].replace(".png", ".wav"))
    assert drawn == spoken == [visitor.captcha_answer()]


@pytest.mark.parametrize("nir, birth_date", [("2850775123456", BIRTH_DATE), (NIR, "16/07/1985")])
def test_no_account_for_nir_and_birth_date(visitor, mails, nir, birth_date):
    visitor.create_account()
    assert visitor.request_renewal(nir, birth_date).alert == wording.UNKNOWN_PERSON
    assert mails.messages == []


def test_nir_typed_with_spaces_dots_and_lower_case_finds_the_account(visitor, mails):
    visitor.create_account(nir="185072A123456")
    assert visitor.request_renewal("1.85.07.2a.123 456").notices == [wording.MAIL_SENT]


@pytest.mark.parametrize("email, validated", [(None, False), ("assure@example.test", False)])
def test_case_1_no_validated_address_sends_nothing(visitor, mails, email, validated):
    visitor.create_account(email=email, email_validated=validated)
    assert visitor.request_renewal().alert == wording.NO_VALIDATED_ADDRESS
    assert mails.messages == []


def test_case_2_rate_limit_three_mails_then_blocked(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    for _ in range(3):
        assert visitor.request_renewal().notices == [wording.MAIL_SENT]
        visitor.advance(60)
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS
    assert len(mails.messages) == 3


def test_rate_limit_is_a_sliding_window(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    visitor.request_renewal()
    visitor.advance(1800)
    visitor.request_renewal()
    visitor.request_renewal()
    visitor.advance(1799)  # the first mail was sent 3599 s ago: still in the window
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS
    assert len(mails.messages) == 3


def test_a_mail_leaves_the_window_after_3600_seconds(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    visitor.request_renewal()
    visitor.advance(1)
    visitor.request_renewal()
    visitor.request_renewal()
    visitor.advance(3599)  # the first mail is now 3600 s old: out of the window
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS


def test_block_lasts_900_seconds_from_the_refusal_is_not_extended_and_resets_the_count(visitor, mails):
    visitor.create_account()
    visitor.freeze()
    for _ in range(3):
        visitor.request_renewal()
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS  # the block starts here
    visitor.advance(600)
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS  # refused, not extended
    visitor.advance(299)
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS  # 899 s
    visitor.advance(1)
    for _ in range(3):  # 900 s: the block is over and the count starts from zero
        assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS
    assert len(mails.messages) == 6


def test_refused_requests_count_for_nothing(visitor, mails):
    visitor.create_account()
    for _ in range(3):
        visitor.request_renewal(captcha="wrong")
        visitor.request_renewal(birth_date="01/01/1990")
    for _ in range(3):
        assert visitor.request_renewal().notices == [wording.MAIL_SENT]


def test_rate_limit_is_per_account_not_per_browser(new_visitor, mails):
    first, second = new_visitor(), new_visitor()
    first.create_account()
    first.create_account(nir="2850775123456", email="autre@example.test")
    for _ in range(3):
        first.request_renewal()
    assert second.request_renewal().alert == wording.TOO_MANY_MAILS
    assert first.request_renewal("2850775123456").notices == [wording.MAIL_SENT]


def test_rate_limit_numbers_come_from_the_config(make_app, mails):
    visitor = Visitor(make_app(RATE_LIMIT={"limit": 1, "window_seconds": 10, "block_seconds": 5}))
    visitor.create_account()
    visitor.freeze()
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]
    assert visitor.request_renewal().alert == wording.TOO_MANY_MAILS
    visitor.advance(5)
    assert visitor.request_renewal().notices == [wording.MAIL_SENT]


def test_case_1_is_judged_before_the_rate_limit(visitor):
    visitor.create_account(email=None)
    for _ in range(5):
        assert visitor.request_renewal().alert == wording.NO_VALIDATED_ADDRESS


def test_identity_never_travels_in_a_url_or_a_cookie(visitor, mails):
    visitor.create_account()
    for path in ("/connexion", "/mot-de-passe-oublie"):
        markup = visitor.client.get(path).get_data(as_text=True)
        assert markup.count("<form") == markup.count('<form method="post"'), path
    visitor.request_renewal()
    login = visitor.client.post("/connexion", data={"csrf_token": visitor.get("/connexion").hidden("csrf_token"),
                                                    "nir": NIR, "password": "Ancien-Mdp-2024"})
    assert login.headers["Location"] == "/mon-compte"
    cookie = visitor.client.get_cookie("session").value
    decoded = base64.urlsafe_b64decode(cookie.split(".")[0] + "==").decode()
    assert NIR not in decoded and "1985" not in decoded


def test_after_the_arrow_the_previous_characters_are_refused_and_the_audio_speaks_the_new(visitor, monkeypatch):
    from mock_site import captchas
    spoken = []
    monkeypatch.setattr(captchas, "speak", lambda answer: spoken.append(answer) or b"RIFF")
    visitor.create_account()
    form = visitor.open_forgot_password()
    previous = visitor.captcha_answer()
    old_audio = form.images["Caractères à recopier"].replace(".png", ".wav")
    new = visitor.client.post("/mot-de-passe-oublie/nouvelle-liste", headers={
        "Accept": "application/json", "X-CSRFToken": form.hidden("csrf_token")}).get_json()
    assert visitor.client.get(old_audio).status_code == 404
    assert visitor.client.get(new["audio_url"]).status_code == 200
    assert spoken == [visitor.captcha_answer()] and spoken != [previous]
    page = visitor.request_renewal(captcha=previous, form=form, captcha_id=new["id"])
    assert page.alert == wording.CAPTCHA_WRONG
