"""Naughty input in every field of every form: never a 5xx, always a French alert, echoes escaped."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_site import wording
from tests.mock_site.site_client import (
    BIRTH_DATE,
    NIR,
    PASSWORD,
    PUBLIC_URL,
    Visitor,
    link_in,
    read_page,
)

NAUGHTY = [
    "", " ", "\x00", "a\x00b", "\t\r\n", "\x1b[31m", "\u202e1850775123456", "\u200b", "\ufeff",
    "😀" * 20, "👨‍👩‍👧‍👦", "مرحبا بالعالم", "שלום", "é" * 13, "１８５０７７５１２３４５６",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)",
    "{{ 7*7 }}", "${7*7}", "%s%s%n", "' OR '1'='1", "1'; DROP TABLE accounts;--", "../../etc/passwd",
    "x" * 10_000, "1" * 10_000, "15/07/1985" * 1000, "NaN", "-1", "null", "undefined", "☃",
]
naughty_text = st.one_of(st.sampled_from(NAUGHTY), st.text(max_size=300))
# database=None: no .hypothesis folder left in the working tree.
FUZZ = settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _assert_answer(response, echoed: dict[str, str] | None = None):
    """No 5xx; one non-empty French alert; each echoed field holds exactly what was typed."""
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    page = read_page(response)
    assert len(page.alerts) == 1 and page.alerts[0], f"one alert expected, got {page.alerts}"
    for label, typed in (echoed or {}).items():
        # The parser unescapes attributes: equality proves the echo was escaped, not markup.
        assert page.value(label) == typed, f"{label!r} should hold {typed!r}, holds {page.value(label)!r}"
    return page


@pytest.fixture
def fuzz_browser(app, mails):
    visitor = Visitor(app)
    visitor.create_account()
    return visitor


@FUZZ
@given(nir=naughty_text, password=naughty_text)
def test_login_form(fuzz_browser, nir, password):
    form = fuzz_browser.get("/connexion")
    response = fuzz_browser.client.post("/connexion", data={"csrf_token": form.hidden("csrf_token"), "nir": nir,
                                                             "password": password})
    page = _assert_answer(response)
    assert page.alerts[0] in (wording.NIR_FORMAT, wording.LOGIN_REFUSED)
    if response.status_code == 200:
        assert page.value("Numéro de sécurité sociale") == nir
        assert page.value("Mot de passe") == "", "a password is never echoed"


@FUZZ
@given(field=st.sampled_from(["nir", "birth_date", "captcha", "captcha_id", "csrf_token"]), typed=naughty_text)
def test_forgot_password_form(fuzz_browser, mails, field, typed):
    form = fuzz_browser.open_forgot_password()
    data = {"csrf_token": form.hidden("csrf_token"), "captcha_id": form.hidden("captcha_id"), "nir": NIR,
            "birth_date": BIRTH_DATE, "captcha": "faux", field: typed}
    response = fuzz_browser.client.post("/mot-de-passe-oublie", data=data)
    if response.status_code == 400:
        assert field == "csrf_token"
        _assert_answer(response)
    else:
        _assert_answer(response, {"Numéro de sécurité sociale": data["nir"], "Date de naissance": data["birth_date"]})
    assert mails.messages == []


@FUZZ
@given(nir=naughty_text, birth_date=naughty_text)
def test_new_captcha_form_without_javascript(fuzz_browser, nir, birth_date):
    form = fuzz_browser.open_forgot_password()
    response = fuzz_browser.client.post("/mot-de-passe-oublie/nouvelle-liste", data={
        "csrf_token": form.hidden("csrf_token"), "nir": nir, "birth_date": birth_date})
    assert response.status_code == 200
    page = read_page(response)
    assert page.alerts == []
    assert page.value("Numéro de sécurité sociale") == nir
    assert page.value("Date de naissance") == birth_date


@pytest.fixture
def renewal_path(fuzz_browser, mails):
    fuzz_browser.request_renewal()
    return link_in(mails.messages[-1]).removeprefix(PUBLIC_URL)


@FUZZ
@given(field=st.sampled_from(["password", "confirmation", "csrf_token"]), typed=naughty_text)
def test_renewal_form(fuzz_browser, renewal_path, field, typed):
    form = fuzz_browser.get(renewal_path)
    # A valid password with a differing confirmation, unless the fuzzed field changes that.
    data = {"csrf_token": form.hidden("csrf_token"), "password": "Valide-Mdp-1", "confirmation": "autre", field: typed}
    response = fuzz_browser.client.post(renewal_path, data=data)
    page = _assert_answer(response)
    if field == "csrf_token":
        assert (response.status_code, page.alerts) == (400, [wording.FORM_EXPIRED])
    else:
        assert page.alerts[0].startswith(wording.PASSWORD_REFUSED_INTRO) or page.alerts == [wording.PASSWORDS_DIFFER]
        assert page.value("Nouveau mot de passe") == page.value("Confirmation du nouveau mot de passe") == ""


@FUZZ
@given(token=naughty_text)
def test_renewal_link_with_any_token(fuzz_browser, token):
    response = fuzz_browser.client.get("/mot-de-passe/renouveler/" + token.replace("?", "%3F").replace("#", "%23"))
    assert response.status_code < 500
    if response.status_code == 200:
        assert read_page(response).alert == wording.LINK_INVALID


@FUZZ
@given(body=st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | naughty_text,
                         lambda children: st.lists(children, max_size=3)
                         | st.dictionaries(st.sampled_from(["nir", "birth_date", "email", "email_validated",
                                                            "password", "advance_seconds", "x"]), children,
                                           max_size=5)))
def test_test_support_api_bodies(fuzz_browser, body):
    for path in ("accounts", "clock"):
        answer = fuzz_browser.api("POST", path, body)
        assert answer.status_code < 500
        assert answer.status_code in (200, 201, 400, 409), answer.status_code
        if answer.status_code >= 400:
            assert isinstance(answer.get_json()["error"], str)


def test_login_still_works_after_the_fuzz(fuzz_browser):
    assert fuzz_browser.log_in(NIR, PASSWORD).headings == ["Mon compte ameli"]
