"""The /__test__/ API of test-support-api.md, and its per-session clocks."""

import string
from datetime import datetime, timedelta

import pytest

from mock_site import rules
from tests.mock_site.site_client import NIR, Visitor


def test_capabilities(visitor):
    answer = visitor.api("GET", "capabilities")
    assert answer.status_code == 200 and answer.content_type == "application/json"
    assert answer.get_json() == {
        "contract": 1, "accounts": True, "captcha": True, "clock": True,
        "rate_limit": {"limit": 3, "window_seconds": 3600, "block_seconds": 900},
        "password_special_characters": string.punctuation,
    }


def test_the_first_api_call_sets_the_session_cookie(visitor):
    answer = visitor.api("GET", "clock")
    cookie = answer.headers["Set-Cookie"]
    assert cookie.startswith("session=") and "SameSite=Lax" in cookie and "HttpOnly" in cookie


def test_create_and_read_an_account(visitor):
    created = visitor.api("POST", "accounts", {"nir": " 1.85.07.2a.123 456", "birth_date": "1985-07-15",
                                               "email": "assure-3f9c@example.test", "password": "court"})
    assert created.status_code == 201
    assert created.get_json() == {"nir": "185072A123456", "birth_date": "1985-07-15",
                                  "email": "assure-3f9c@example.test", "email_validated": True, "password": "court"}
    read = visitor.api("GET", "accounts/185072a123456")
    assert read.status_code == 200
    assert read.get_json() == {"nir": "185072A123456", "birth_date": "1985-07-15", "email": "assure-3f9c@example.test",
                               "email_validated": True, "password_changed_at": None}


def test_without_password_the_target_picks_a_valid_one(visitor):
    created = visitor.api("POST", "accounts", {"nir": NIR, "birth_date": "1985-07-15", "email": None}).get_json()
    assert created["email"] is None and created["email_validated"] is False
    assert rules.broken_password_rules(created["password"], NIR, datetime(1985, 7, 15).date()) == []
    assert visitor.log_in(NIR, created["password"]).headings == ["Mon compte ameli"]


def test_an_existing_nir_is_a_conflict(visitor):
    visitor.create_account()
    answer = visitor.api("POST", "accounts", {"nir": NIR, "birth_date": "1990-01-01", "email": None})
    assert answer.status_code == 409 and answer.get_json()["error"]


@pytest.mark.parametrize("body", [
    {"nir": "18507751234", "birth_date": "1985-07-15"},
    {"nir": 1850775123456, "birth_date": "1985-07-15"},
    {"birth_date": "1985-07-15"},
    {"nir": NIR, "birth_date": "15/07/1985"},
    {"nir": NIR, "birth_date": "1985-02-30"},
    {"nir": NIR, "birth_date": "1985-07-15", "email": "pas une adresse"},
    {"nir": NIR, "birth_date": "1985-07-15", "email": "a@b.test\r\nBcc: x@y.test"},
    {"nir": NIR, "birth_date": "1985-07-15", "email": 3},
    {"nir": NIR, "birth_date": "1985-07-15", "email": None, "email_validated": True},
    {"nir": NIR, "birth_date": "1985-07-15", "email": "a@b.test", "email_validated": "yes"},
    {"nir": NIR, "birth_date": "1985-07-15", "password": ""},
    {"nir": NIR, "birth_date": "1985-07-15", "password": ["x"]},
    {"nir": NIR, "birth_date": "1985-07-15", "password": "\ud800"},
    {"nir": NIR, "birth_date": "1985-07-15", "role": "admin"},
    [], "texte", 3, None,
])
def test_a_malformed_account_is_refused_with_a_french_sentence(visitor, body):
    answer = visitor.api("POST", "accounts", body)
    assert answer.status_code == 400, answer.get_json()
    assert isinstance(answer.get_json()["error"], str) and answer.get_json()["error"]
    assert visitor.api("GET", f"accounts/{NIR}").status_code == 404


def test_a_body_that_is_not_json_is_refused(visitor):
    answer = visitor.client.post("/__test__/accounts", data="{pas du json", content_type="application/json")
    assert answer.status_code == 400 and answer.get_json()["error"]


@pytest.mark.parametrize("path", ["accounts/2850775123456", "accounts/nimporte-quoi", "inconnu"])
def test_unknown_resources_answer_404_in_json(visitor, path):
    answer = visitor.api("GET", path)
    assert answer.status_code == 404 and answer.get_json()["error"]


def test_wrong_method_answers_405_in_json(visitor):
    answer = visitor.api("DELETE", "clock")
    assert answer.status_code == 405 and answer.get_json()["error"]


def test_captcha_is_404_until_a_page_shows_one(visitor):
    assert visitor.api("GET", "captcha").status_code == 404
    visitor.open_forgot_password()
    captcha = visitor.api("GET", "captcha").get_json()
    assert len(captcha["answer"]) == 6
    assert datetime.fromisoformat(captcha["shown_at"]).utcoffset() in (timedelta(hours=1), timedelta(hours=2))


def test_clock_runs_with_real_time_until_frozen(visitor):
    first = visitor.api("GET", "clock").get_json()
    assert first["offset_seconds"] == 0
    assert len(first["now"]) == len("2026-11-27T08:14:03.512+01:00")
    frozen = visitor.advance(0)
    later = visitor.api("GET", "clock").get_json()
    assert later["now"] == frozen["now"]
    moved = visitor.advance(1801.5)
    assert datetime.fromisoformat(moved["now"]) - datetime.fromisoformat(frozen["now"]) == timedelta(seconds=1801.5)
    assert 1801 <= moved["offset_seconds"] <= 1802


@pytest.mark.parametrize("body", [{"advance_seconds": -1}, {"advance_seconds": "10"}, {"advance_seconds": True},
                                  {"advance_seconds": None}, {}, {"advance_seconds": 1e300},
                                  {"advance_seconds": 10 ** 400}, [10], "10"])
def test_a_refused_advance_changes_nothing_and_does_not_freeze(visitor, body):
    answer = visitor.api("POST", "clock", body)
    assert answer.status_code == 400 and answer.get_json()["error"]
    first = visitor.api("GET", "clock").get_json()["now"]
    second = visitor.api("GET", "clock").get_json()["now"]
    assert second >= first and visitor.api("GET", "clock").get_json()["offset_seconds"] == 0


def test_nan_and_infinity_are_refused(visitor):
    for literal in ("NaN", "Infinity"):
        answer = visitor.client.post("/__test__/clock", data=f'{{"advance_seconds": {literal}}}',
                                     content_type="application/json")
        assert answer.status_code == 400, literal


def test_clocks_of_different_sessions_never_touch_each_other(new_visitor):
    first, second = new_visitor(), new_visitor()
    first.advance(86400)
    assert second.api("GET", "clock").get_json()["offset_seconds"] == 0
    second.advance(10)
    assert 86399 < first.api("GET", "clock").get_json()["offset_seconds"] <= 86400


def test_a_session_survives_login(visitor):
    visitor.create_account()
    frozen = visitor.advance(42)
    visitor.log_in(NIR, "Ancien-Mdp-2024")
    assert visitor.api("GET", "clock").get_json()["now"] == frozen["now"]


def test_the_api_needs_no_csrf_token(visitor):
    visitor.open_forgot_password()  # a session with a CSRF token exists
    assert visitor.client.post("/__test__/clock", json={"advance_seconds": 1}).status_code == 200


def test_without_test_api_the_whole_prefix_answers_404(make_app):
    visitor = Visitor(make_app(TEST_API=False))
    for method, path in [("GET", "capabilities"), ("GET", "clock"), ("POST", "clock"), ("POST", "accounts"),
                         ("GET", "captcha"), ("GET", f"accounts/{NIR}"), ("GET", "")]:
        assert visitor.client.open(f"/__test__/{path}", method=method, json={}).status_code == 404, path
    assert visitor.get("/").status == 200


def test_two_apps_never_share_accounts(make_app):
    first, second = Visitor(make_app()), Visitor(make_app())
    first.create_account()
    assert second.api("GET", f"accounts/{NIR}").status_code == 404
    assert second.create_account()["nir"] == NIR
