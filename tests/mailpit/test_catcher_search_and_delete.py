"""Search as Mailpit searches, and deletion by IDs, by search, and (as Mailpit) of everything."""

import smtplib

import pytest
import requests

from mock_site.mailpit import start_catcher


def found(catcher, query):
    response = requests.get(f"{catcher.url}/api/v1/search", params={"query": query}, timeout=5)
    assert response.status_code == 200, response.text
    return [m["Subject"] for m in response.json()["messages"]]


@pytest.fixture
def tagged(send, make_mail, unique):
    """Three mails that share a fresh tag word in their subjects."""
    tag = unique("tag")
    send(make_mail(to=f"a-{tag}@x.test", subject=f"{tag} renouveler mon mot de passe", text="Lien valable 30 minutes"))
    send(make_mail(to=f"ba-{tag}@x.test", subject=f"{tag} mot de passe modifié", text="Votre mot de passe a été modifié"))
    send(
        make_mail(
            to=f"Marie Curie <c-{tag}@x.test>",
            subject=f"{tag} bienvenue",
            text="Bonjour",
            sender="Votre Assurance Maladie <noreply@ameli.test>",
        )
    )
    return tag


def test_search_fits_swagger_and_is_newest_first(catcher, swagger, tagged):
    response = requests.get(f"{catcher.url}/api/v1/search", params={"query": tagged}, timeout=5)
    swagger.check(response, "/api/v1/search")
    body = response.json()
    assert [m["Subject"] for m in body["messages"]] == [
        f"{tagged} bienvenue",
        f"{tagged} mot de passe modifié",
        f"{tagged} renouveler mon mot de passe",
    ]
    assert body["messages_count"] == 3


def test_to_is_a_substring_match_like_mailpit(catcher, tagged):
    # Mailpit matches to: with LIKE '%…%': a-… is found inside ba-… too.
    assert found(catcher, f"to:a-{tagged}@x.test") == [f"{tagged} mot de passe modifié", f"{tagged} renouveler mon mot de passe"]
    assert found(catcher, f'to:"ba-{tagged}@x.test"') == [f"{tagged} mot de passe modifié"]


def test_to_matches_display_names_case_insensitively(catcher, tagged):
    assert found(catcher, f'{tagged} to:"marie curie"') == [f"{tagged} bienvenue"]


def test_from_and_subject_terms(catcher, tagged):
    assert found(catcher, f"{tagged} from:noreply@ameli.test") == [f"{tagged} bienvenue"]
    assert found(catcher, f"subject:{tagged} subject:modifié") == [f"{tagged} mot de passe modifié"]


def test_quoted_phrase_is_one_term(catcher, tagged):
    assert found(catcher, f'{tagged} "mot de passe modifié"') == [f"{tagged} mot de passe modifié"]
    assert found(catcher, f'{tagged} subject:"renouveler mon mot"') == [f"{tagged} renouveler mon mot de passe"]
    assert found(catcher, f'{tagged} "passe renouveler"') == []


def test_negation_excludes(catcher, tagged):
    assert found(catcher, f"{tagged} -modifié -bienvenue") == [f"{tagged} renouveler mon mot de passe"]
    assert found(catcher, f"{tagged} !subject:renouveler -to:c-{tagged}") == [f"{tagged} mot de passe modifié"]


def test_plain_words_search_subject_body_and_addresses_all_anded(catcher, tagged):
    assert found(catcher, f"{tagged} minutes") == [f"{tagged} renouveler mon mot de passe"]
    assert found(catcher, f"{tagged} assurance maladie") == [f"{tagged} bienvenue"]
    assert found(catcher, f"{tagged} MOT PASSE") == [f"{tagged} mot de passe modifié", f"{tagged} renouveler mon mot de passe"]
    assert found(catcher, f"{tagged} minutes bonjour") == []


def test_delete_by_ids_deletes_only_those(catcher, swagger, tagged):
    listing = requests.get(f"{catcher.url}/api/v1/search", params={"query": tagged}, timeout=5).json()["messages"]
    doomed = [listing[0]["ID"], listing[2]["ID"]]
    response = requests.delete(f"{catcher.url}/api/v1/messages", json={"IDs": doomed}, timeout=5)
    swagger.check(response, "/api/v1/messages", "DELETE")
    assert response.text == "ok"
    assert found(catcher, tagged) == [f"{tagged} mot de passe modifié"]


def test_delete_by_search_deletes_the_matches_only(catcher, swagger, tagged):
    response = requests.delete(f"{catcher.url}/api/v1/search", params={"query": f"{tagged} subject:modifié"}, timeout=5)
    swagger.check(response, "/api/v1/search", "DELETE")
    assert found(catcher, tagged) == [f"{tagged} bienvenue", f"{tagged} renouveler mon mot de passe"]


@pytest.mark.parametrize("body", [None, b"", b'{"IDs": []}', b"ids=abc"], ids=["absent", "empty", "no-ids", "form-data"])
def test_delete_without_ids_deletes_everything_as_mailpit_does(body, make_mail):
    """Mailpit deletes all messages when the body has no IDs, or is not JSON (as the client's form data)."""
    own = start_catcher()
    try:
        with smtplib.SMTP(own.smtp_host, own.smtp_port, timeout=5) as smtp:
            smtp.send_message(make_mail(subject="un"))
            smtp.send_message(make_mail(subject="deux"))
        assert requests.get(f"{own.url}/api/v1/info", timeout=5).json()["Messages"] == 2
        response = requests.delete(f"{own.url}/api/v1/messages", data=body, timeout=5)
        assert response.status_code == 200 and response.text == "ok"
        assert requests.get(f"{own.url}/api/v1/info", timeout=5).json()["Messages"] == 0
    finally:
        own.stop()
