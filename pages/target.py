"""What the target offers: its capabilities (read once per run), or a staging configuration."""

import json
from dataclasses import dataclass, field
from pathlib import Path

import requests

CONTRACT_VERSION = 1


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


def offered_capabilities(base_url: str) -> dict:
    """What the target announces at /__test__/capabilities ({} when it has no test-support API)."""
    answer = requests.get(f"{base_url}/__test__/capabilities", timeout=10)
    offered = answer.json() if answer.status_code == 200 else {}
    if offered and offered.get("contract") != CONTRACT_VERSION:
        raise RuntimeError(
            f"{base_url}/__test__/capabilities annonce le contrat {offered.get('contract')!r}, "
            f"la suite suit le contrat {CONTRACT_VERSION}."
        )
    return offered


def read_staging_config(path: Path | None) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path else {}


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
        staging_accounts={
            kind: StagingAccount(**fields) for kind, fields in staging.get("accounts", {}).items()
        },
        fixed_captcha_answer=staging.get("captcha_answer"),
    )


def read_capabilities(base_url: str, staging_config: Path | None = None) -> Capabilities:
    return capabilities_from(offered_capabilities(base_url), read_staging_config(staging_config))
