"""What the target offers: its capabilities (read once per run), or a staging configuration.

Only a 404 on /__test__/capabilities means "no test-support API"; any other failure
(a 500, a proxy's 403, a timeout, an answer that is not the contract's) stops the run:
read as "nothing offered", it would skip almost every scenario and still look green.
"""

import json
import os
import string
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from connection.endpoint import Endpoint
from site_under_test import HTTP_TIMEOUT_SECONDS

CONTRACT_VERSION = 1
CAPABILITIES_PATH = "/__test__/capabilities"
NO_TEST_API = 404
BOOLEAN_CAPABILITIES = ("accounts", "captcha", "clock")
RATE_LIMIT_FIELDS = ("limit", "window_seconds", "block_seconds")
EXPECTED = (
    f"200 et un objet JSON {{\"contract\": {CONTRACT_VERSION}, \"accounts\"/\"captcha\"/\"clock\": booléens, "
    "\"rate_limit\": null ou {limit, window_seconds, block_seconds} positifs, "
    "\"password_special_characters\": caractères de ponctuation ASCII}, ou 404 sans API de test"
)


class CapabilitiesUnreadable(RuntimeError):
    """The target's capabilities could not be read as the contract gives them."""


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: float
    block_seconds: float


@dataclass(frozen=True)
class StagingAccount:
    """An account that already exists on a target without the accounts API."""

    nir: str
    birth_date: str  # AAAA-MM-JJ, as in the test-support API
    email: str | None
    email_validated: bool
    password: str


@dataclass(frozen=True)
class Capabilities:
    accounts: bool = False
    captcha: bool = False
    clock: bool = False
    rate_limit: RateLimit | None = None
    password_special_characters: str | None = None
    # From a staging configuration, for targets without the test-support API.
    staging_accounts: dict[str, StagingAccount] = field(default_factory=dict)
    fixed_captcha_answer: str | None = None

    @property
    def test_api(self) -> bool:
        return self.accounts or self.captcha or self.clock


def offered_capabilities(site: Endpoint | str) -> dict:
    """What the target announces at /__test__/capabilities ({} when it has no test-support API: a 404)."""
    site = Endpoint.of(site)
    url = f"{site.shown}{CAPABILITIES_PATH}"
    try:
        answer = site.session().get(f"{site.url}{CAPABILITIES_PATH}", timeout=HTTP_TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise CapabilitiesUnreadable(f"{url} : pas de réponse ({error}) ; attendu : {EXPECTED}.") from None
    if answer.status_code == NO_TEST_API:
        return {}
    seen = f"{url} a répondu {answer.status_code}"
    if answer.status_code != 200:
        raise CapabilitiesUnreadable(f"{seen} : {answer.text[:200]!r} ; attendu : {EXPECTED}.")
    try:
        offered = answer.json()
    except ValueError:
        raise CapabilitiesUnreadable(f"{seen} sans JSON : {answer.text[:200]!r} ; attendu : {EXPECTED}.") from None
    problems = shape_problems(offered)
    if problems:
        raise CapabilitiesUnreadable(f"{seen} : {' ; '.join(problems)} (reçu {offered!r}) ; attendu : {EXPECTED}.")
    return offered


def _positive_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def shape_problems(offered) -> list[str]:
    """What, in an answer of /__test__/capabilities, is not the contract's shape (French, one line each)."""
    if not isinstance(offered, dict):
        return ["ce n'est pas un objet JSON"]
    problems = []
    if offered.get("contract") != CONTRACT_VERSION:
        problems.append(f"contrat {offered.get('contract')!r}, la suite suit le contrat {CONTRACT_VERSION}")
    problems += [f"« {name} » n'est pas un booléen : {offered.get(name)!r}"
                 for name in BOOLEAN_CAPABILITIES if not isinstance(offered.get(name), bool)]
    rate_limit = offered.get("rate_limit")
    if rate_limit is not None and not (
        isinstance(rate_limit, dict) and set(rate_limit) == set(RATE_LIMIT_FIELDS)
        and all(_positive_number(rate_limit[name]) for name in RATE_LIMIT_FIELDS)
    ):
        problems.append(f"« rate_limit » n'est ni null ni trois nombres positifs {RATE_LIMIT_FIELDS} : {rate_limit!r}")
    special = offered.get("password_special_characters")
    if not isinstance(special, str) or not set(special) <= set(string.punctuation):
        problems.append(f"« password_special_characters » n'est pas une suite de ponctuations ASCII : {special!r}")
    return problems


# Why a scenario cannot run, by what it needs (French: shown in the run and the report).
MISSING = {
    "clock": "La cible n'offre pas d'horloge de test (/__test__/clock) : ce scénario vérifie une durée.",
    "rate_limit": "La cible n'annonce pas sa limite de demandes (capabilities.rate_limit) "
                  "et la configuration de recette ne la donne pas.",
    "accounts": "La cible n'offre pas la lecture des comptes (/__test__/accounts) : "
                "impossible de vérifier que le mot de passe n'a pas changé.",
    "captcha": "La cible n'offre pas la réponse du captcha (/__test__/captcha) et la "
               "configuration de recette ne donne pas de réponse fixe.",
}


def skip_without(offered: bool, need: str) -> None:
    if not offered:
        pytest.skip(MISSING[need])


def read_staging_config(path: Path | None) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path else {}


def staging_account(kind: str, fields: dict) -> StagingAccount:
    """An account of the staging configuration, its password read from the environment variable it names
    (a password is never written in the file)."""
    fields = dict(fields)
    if "password" in fields:
        raise ValueError(f"« accounts.{kind} » contient un mot de passe : nommez plutôt la variable "
                         "d'environnement qui le contient (« password_env »)")
    variable = fields.pop("password_env", None)
    if variable is None or os.environ.get(variable) is None:
        raise ValueError(f"« accounts.{kind} » : la variable d'environnement de son mot de passe "
                         f"(« password_env » : {variable!r}) n'est pas définie")
    return StagingAccount(**fields, password=os.environ[variable])


def capabilities_from(offered: dict, staging: dict) -> Capabilities:
    """What the target offers, completed by the staging configuration where it says nothing."""
    rate_limit = offered.get("rate_limit") or staging.get("rate_limit")
    return Capabilities(
        accounts=bool(offered.get("accounts")),
        captcha=bool(offered.get("captcha")),
        clock=bool(offered.get("clock")),
        rate_limit=RateLimit(**rate_limit) if rate_limit else None,
        password_special_characters=offered.get("password_special_characters")
        or staging.get("password_special_characters"),
        staging_accounts={kind: staging_account(kind, fields) for kind, fields in staging.get("accounts", {}).items()},
        fixed_captcha_answer=staging.get("captcha_answer"),
    )
