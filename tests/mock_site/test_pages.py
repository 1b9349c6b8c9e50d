"""Home, login and account pages; error pages; headers and markup shared by every page."""

import re

import pytest

from mock_site import wording
from tests.mock_site.site_client import NIR, PASSWORD, read_page

PAGES = ["/", "/connexion", "/mot-de-passe-oublie", "/mot-de-passe/renouveler/inconnu"]


def test_home_leads_to_the_login_page(visitor):
    home = visitor.get("/")
    assert home.links["Connectez-vous"] == "/connexion"
    login = visitor.get(home.links["Connectez-vous"])
    assert login.headings == ["Connexion à mon compte ameli"]
    assert login.field("Numéro de sécurité sociale")["type"] == "text"
    assert login.field("Mot de passe")["type"] == "password"
    assert "Me connecter" in login.buttons
    assert login.links["Mot de passe oublié ?"] == "/mot-de-passe-oublie"


def test_login_with_the_right_password_shows_the_account(visitor):
    visitor.create_account()
    page = visitor.log_in(" 1 85 07 75 123 456", PASSWORD)
    assert page.headings == ["Mon compte ameli"]
    assert "Me déconnecter" in page.buttons


@pytest.mark.parametrize("nir, password", [(NIR, "Mauvais-Mdp-1"), ("2850775123456", PASSWORD), (NIR, "")])
def test_login_refused(visitor, nir, password):
    visitor.create_account()
    page = visitor.log_in(nir, password)
    assert page.alert == wording.LOGIN_REFUSED
    assert page.value("Numéro de sécurité sociale") == nir and page.value("Mot de passe") == ""


def test_login_with_a_malformed_nir_gets_the_format_alert(visitor):
    assert visitor.log_in("12345", PASSWORD).alert == wording.NIR_FORMAT


def test_account_page_needs_a_login_and_logout_ends_it(visitor):
    assert visitor.client.get("/mon-compte").headers["Location"] == "/connexion"
    visitor.create_account()
    account = visitor.log_in(NIR, PASSWORD)
    visitor.client.post("/deconnexion", data={"csrf_token": account.hidden("csrf_token")})
    assert visitor.client.get("/mon-compte").status_code == 302


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_french_and_labels_every_field(visitor, path):
    response = visitor.client.get(path)
    markup = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="fr">' in markup
    page = read_page(response)
    visible_fields = {key for key, attributes in page.fields.items() if attributes.get("type") != "hidden"}
    assert visible_fields == set(page.labels.values()), "every field has a <label for>"
    assert not re.search(r"<[^>]+role=\"alert\"[^>]*>\s*</", markup), "no empty alert"


def test_forms_carry_csrf_protection(visitor):
    visitor.create_account()
    answer = visitor.client.post("/connexion", data={"nir": NIR, "password": PASSWORD})
    page = read_page(answer)
    assert answer.status_code == 400 and page.alert == wording.FORM_EXPIRED
    answer = visitor.client.post("/mot-de-passe-oublie", data={"nir": NIR, "csrf_token": "faux"})
    assert answer.status_code == 400 and read_page(answer).alert == wording.FORM_EXPIRED


@pytest.mark.parametrize("method, path, status", [("GET", "/nulle-part", 404), ("DELETE", "/connexion", 405),
                                                   ("PUT", "/mot-de-passe-oublie", 405)])
def test_http_errors_render_a_french_page(visitor, method, path, status):
    answer = visitor.client.open(path, method=method)
    assert answer.status_code == status
    assert read_page(answer).alert == wording.HTTP_ERRORS[status]


def test_a_too_large_submission_gets_a_french_page(make_app):
    app = make_app(MAX_CONTENT_LENGTH=1000)
    answer = app.test_client().post("/connexion", data={"nir": "1" * 5000})
    assert answer.status_code == 413 and read_page(answer).alert == wording.HTTP_ERRORS[413]


def test_renewal_pages_send_no_referrer_and_are_not_cached(visitor):
    answer = visitor.client.get("/mot-de-passe/renouveler/inconnu")
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert answer.headers["Cache-Control"] == "no-store"


def test_pages_send_a_content_security_policy(visitor):
    assert "default-src 'self'" in visitor.client.get("/").headers["Content-Security-Policy"]
