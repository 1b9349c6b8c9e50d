"""The suite's own logic that scenarios rely on: durations, identities, rules per target, capabilities."""

import json
import re
import string
from datetime import date

import pytest
from stdnum.fr import nir as stdnum_nir

from contract import wording
from mock_site.server import serve_in_thread
from site_under_test.accounts import (
    NO_ADDRESS,
    VALIDATED_ADDRESS,
    Account,
    AccountProvider,
    described_password,
    random_identity,
    unique_address,
)
from site_under_test.capabilities import (
    Capabilities,
    RateLimit,
    StagingAccount,
    capabilities_from,
    offered_capabilities,
    read_staging_config,
    staging_account,
)
from site_under_test.passwords import rules_broken_on_target, valid_password_of_length
from site_under_test.scenario_time import parse_duration


def read_capabilities(base_url, staging_config=None):
    """The target's capabilities completed by a staging file, as the suite reads them at its start."""
    return capabilities_from(offered_capabilities(base_url), read_staging_config(staging_config))


@pytest.mark.parametrize("text, seconds", [
    ("1 seconde", 1),
    ("4 minutes et 59 secondes", 299),
    ("5 minutes et 1 seconde", 301),
    ("29 minutes et 59 secondes", 1799),
    ("30 minutes et 1 seconde", 1801),
    ("1 heure", 3600),
])
def test_durations_read_as_the_features_write_them(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["trente minutes", "30 minutes et demie", "", "5 jours"])
def test_unreadable_durations_are_refused_with_a_french_message(text):
    with pytest.raises(ValueError, match="Durée illisible"):
        parse_duration(text)


def test_random_identities_are_well_formed_nirs_that_agree_with_the_birth_date():
    for _ in range(200):
        nir, birth = random_identity()
        assert re.fullmatch(r"[12]\d{12}", nir)
        assert nir[1:5] == birth.strftime("%y%m")
        assert stdnum_nir.is_valid(nir + stdnum_nir.calc_check_digits(nir))


def test_unique_addresses_never_contain_one_another():
    addresses = [unique_address() for _ in range(500)]
    assert not [a for a in addresses for b in addresses if a != b and a in b]


@pytest.mark.parametrize("description, password", [
    ("« Nouveau-Mdp-2026 »", "Nouveau-Mdp-2026"),
    ("« Ab » suivi de son numéro de sécurité sociale", "Ab1850775123456"),
    ("« Ab » suivi de son numéro de sécurité sociale sans son dernier caractère", "Ab185077512345"),
    ("son numéro de sécurité sociale", "1850775123456"),
    ("« Ab » suivi de sa date de naissance écrite JJMMAAAA", "Ab05071985"),
    ("« Ab » suivi de sa date de naissance écrite JJ/MM/AAAA", "Ab05/07/1985"),
    ("« Ab » suivi de sa date de naissance écrite AAAAMMJJ", "Ab19850705"),
])
def test_a_described_password_takes_the_account_s_own_data(description, password):
    account = Account("1850775123456", date(1985, 7, 5), "a@x.test", "Ancien-Mdp-2024")
    assert described_password(description, account) == password


def test_an_unknown_personal_data_is_named():
    account = Account("1850775123456", date(1985, 7, 5), "a@x.test", "Ancien-Mdp-2024")
    with pytest.raises(ValueError, match="son adresse"):
        described_password("« Ab » suivi de son adresse", account)


@pytest.mark.parametrize("length", [7, 8, 50, 51])
def test_valid_passwords_of_a_length_break_at_most_the_length_rule(length):
    password = valid_password_of_length(length)
    assert len(password) == length
    assert re.search("[a-z]", password) and re.search("[A-Z]", password) and re.search(r"\d", password)


def test_a_special_character_the_target_does_not_allow_also_breaks_rule_4():
    rule_5, rule_4 = wording.PASSWORD_RULES[4], wording.PASSWORD_RULES[3]
    assert rules_broken_on_target([rule_5], "Ab05/07/1985", string.punctuation) == [rule_5]
    assert rules_broken_on_target([rule_5], "Ab05/07/1985", "!-_") == [rule_5, rule_4]
    assert rules_broken_on_target([rule_4], "Abcd efg1", "!-_") == [rule_4]


@pytest.fixture
def site_without_test_api():
    site = serve_in_thread({"TEST_API": False, "SMTP_PORT": 9})
    yield site
    site.stop()


def test_a_target_without_test_api_offers_nothing_but_what_staging_configuration_gives(site_without_test_api, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.setenv("COMPTE_RECETTE_MDP", "Ancien-Mdp-2024")
    staging = tmp_path / "staging.json"
    staging.write_text(json.dumps({
        "accounts": {"adresse_validee": {"nir": "1850775123456", "birth_date": "1985-07-15",
                                         "email": "recette@x.test", "email_validated": True,
                                         "password_env": "COMPTE_RECETTE_MDP"}},
        "captcha_answer": "ABC123",
        "rate_limit": {"limit": 2, "window_seconds": 600, "block_seconds": 60},
    }), encoding="utf-8")

    bare = read_capabilities(site_without_test_api.url)
    configured = read_capabilities(site_without_test_api.url, staging)

    assert (bare.accounts, bare.captcha, bare.clock, bare.rate_limit) == (False, False, False, None)
    assert not configured.test_api
    assert configured.staging_accounts["adresse_validee"].email == "recette@x.test"
    assert configured.staging_accounts["adresse_validee"].password == "Ancien-Mdp-2024"
    assert configured.fixed_captcha_answer == "ABC123"
    assert configured.rate_limit == RateLimit(2, 600, 60)


def test_the_mock_s_capabilities_are_read_as_announced():
    site = serve_in_thread({"SMTP_PORT": 9})
    try:
        offered = read_capabilities(site.url)
    finally:
        site.stop()
    assert (offered.accounts, offered.captcha, offered.clock) == (True, True, True)
    assert offered.rate_limit == RateLimit(3, 3600, 900)
    assert offered.password_special_characters == string.punctuation


def test_without_accounts_api_a_scenario_takes_the_staging_account_of_its_situation():
    staged = StagingAccount("2850775123456", "1985-07-15", "recette@x.test", True, "Ancien-Mdp-2024")
    provider = AccountProvider(test_support=None, capabilities=Capabilities(staging_accounts={VALIDATED_ADDRESS: staged}))

    assert provider.unavailable_reason(VALIDATED_ADDRESS) is None
    assert provider.account(VALIDATED_ADDRESS) == Account("2850775123456", date(1985, 7, 15), "recette@x.test",
                                                          "Ancien-Mdp-2024")
    assert "ne donne pas de compte « sans_adresse »" in provider.unavailable_reason(NO_ADDRESS)


@pytest.mark.parametrize(("fields", "said"), [
    ({"password": "Ancien-Mdp-2024"}, "contient un mot de passe"),
    ({"password_env": "VARIABLE_ABSENTE_DE_LA_RECETTE"}, "n'est pas définie"),
])
def test_a_staging_account_s_password_comes_from_the_environment_only(fields, said):
    identity = {"nir": "1850775123456", "birth_date": "1985-07-15", "email": None, "email_validated": False}
    with pytest.raises(ValueError, match=said):
        staging_account("sans_adresse", {**identity, **fields})
