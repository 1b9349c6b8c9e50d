"""The link's secret as the suite examines it: randomness position by position, decoded readings, unknown links."""

import base64
import json
import secrets
from datetime import date

import pytest

from mails.link_secret import (
    TOKEN_BITS,
    estimated_bits,
    expect_links_name_nothing_of,
    expect_unguessable_tokens,
    secret_of,
    unknown_link,
)

NIR, EMAIL, BORN = "1850775123456", "assure-7f3a@assure.example.test", date(1985, 7, 5)
SITE = "https://ameli.example/mot-de-passe/renouveler/"


def _b64url(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_random_tokens_carry_their_bits_and_fixed_positions_carry_none():
    random_links = [SITE + secrets.token_urlsafe(32) for _ in range(5)]
    expect_unguessable_tokens(random_links, 5)
    fixed_prefix = ["a" * 40 + secrets.token_hex(3) for _ in range(5)]
    assert estimated_bits(fixed_prefix) <= 6 * 4
    with pytest.raises(AssertionError, match=f"au moins {TOKEN_BITS} bits"):
        expect_unguessable_tokens([SITE + token for token in fixed_prefix], 5)


def test_too_few_links_are_refused():
    with pytest.raises(AssertionError, match="5 liens attendus"):
        expect_unguessable_tokens([SITE + secrets.token_urlsafe(32)] * 2, 5)


# Fixed random-looking tails: the parameters must be the same in every xdist worker.
@pytest.mark.parametrize("token, named", [
    (f"{NIR}-hR3_4dBXuKlilCQI9aYPGg", "son numéro de sécurité sociale"),
    (_b64url(json.dumps({"nir": NIR})) + ".N_ZFrEk7ad8pY_dMUp8Bew", "son numéro de sécurité sociale"),
    ("eyJhbGciOiJIUzI1NiJ9." + _b64url(json.dumps({"naissance": "1985-07-05"})) + ".c2lnbmF0dXJl",
     "sa date de naissance"),
    ("05%2F07%2F1985" + "21fc1cac17d80d259be59e5c02dc182f", "sa date de naissance"),
    (EMAIL.encode().hex() + "9dbfb37a0f60ab68", "son adresse mail"),
    (base64.b64encode(("x" + EMAIL.split("@")[0]).encode()).decode(), "son adresse mail"),
])
def test_personal_data_is_found_even_encoded(token, named):
    with pytest.raises(AssertionError, match=named):
        expect_links_name_nothing_of([SITE + token], NIR, EMAIL, BORN)


def test_a_random_token_names_nothing():
    expect_links_name_nothing_of([SITE + secrets.token_urlsafe(32) for _ in range(20)], NIR, EMAIL, BORN)


@pytest.mark.parametrize("shape", [SITE + "{}", "https://ameli.example/reinitialisation-du-mot-de-passe?jeton={}&l=fr"])
def test_unknown_links_change_only_the_secret(shape):
    links = [shape.format("Qq7_k-Lm21"), shape.format("Ab3_x-Yz09")]
    assert secret_of(links) == "Ab3_x-Yz09"
    assert unknown_link(links, "privé de son dernier caractère") == shape.format("Ab3_x-Yz0")
    assert unknown_link(links, "augmenté d'un caractère") == shape.format("Ab3_x-Yz099")
    other = unknown_link(links, "dont le secret est tiré au hasard")
    assert other != links[1] and other.replace(secret_of([links[1], other]), "{}") == shape
    drawn = secret_of([links[1], other])
    assert all(a.isdigit() == b.isdigit() and a.isupper() == b.isupper() for a, b in zip(drawn, "Ab3_x-Yz09"))


def test_an_unknown_change_is_named():
    with pytest.raises(ValueError, match="privé de son dernier caractère"):
        unknown_link([SITE + "abc", SITE + "abd"], "retourné")
