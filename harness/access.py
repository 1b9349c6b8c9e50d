"""How the run reaches a staging site and its Mailpit: the CA of their HTTPS certificates, the site's
fence (HTTP basic auth), Mailpit's credentials, and how slow the target is.

Given by option (passwords by environment variable only: a command line is logged) or by the staging
configuration (`--staging-config`), which names the environment variables that hold its passwords and
never holds one itself. Credentials written in a URL (`https://user:pass@host`) are taken out of it at
once (connection/endpoint.py): nothing the suite writes shows them.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from compat.pytest_playwright import TRACE_PROPERTY
from connection.endpoint import HIDDEN, Endpoint
from harness import OPTIONS_GROUP
from site_under_test import HTTP_TIMEOUT_SECONDS
from site_under_test.scripted_requests import ScriptedRequests

SITE_PASSWORD_VARIABLE = "SITE_PASSWORD"
MAILPIT_PASSWORD_VARIABLE = "MAILPIT_PASSWORD"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--ca-file", default=os.environ.get("CA_FILE"), metavar="FICHIER.pem",
                    help="Autorité de certification (PEM) des certificats HTTPS du site cible et de son Mailpit : "
                         "la seule que la suite et ses navigateurs acceptent pour eux (défaut : $CA_FILE, "
                         "sinon celles du système).")
    group.addoption("--site-user", default=os.environ.get("SITE_USER"), metavar="UTILISATEUR",
                    help="Utilisateur de la barrière (HTTP basic auth) du site cible ; son mot de passe dans la "
                         f"variable d'environnement {SITE_PASSWORD_VARIABLE} (défaut : $SITE_USER).")
    group.addoption("--mailpit-user", default=os.environ.get("MAILPIT_USER"), metavar="UTILISATEUR",
                    help="Utilisateur du Mailpit gardé (--ui-auth-file) ; son mot de passe dans la variable "
                         f"d'environnement {MAILPIT_PASSWORD_VARIABLE} (défaut : $MAILPIT_USER).")
    group.addoption("--slow-target", type=float, default=None, metavar="FACTEUR",
                    help="Cible lente : multiplie chaque délai d'attente de la suite (assertions de page, "
                         "actions et navigations du navigateur, appels à l'API de test, mails, fenêtre des mails "
                         "tardifs) par ce facteur "
                         "(défaut : celui de la configuration de recette, sinon 1).")


@dataclass(frozen=True)
class Access:
    """What the run needs to reach its servers, beyond their URLs."""

    ca_file: str | None = None
    site_user: str | None = None
    site_password: str | None = None
    mailpit_user: str | None = None
    mailpit_password: str | None = None
    slowness: float = 1.0

    def site(self, url: str) -> Endpoint:
        return Endpoint.parse(url, user=self.site_user, password=self.site_password, ca_file=self.ca_file)

    def mailpit(self, url: str) -> Endpoint:
        return Endpoint.parse(url, user=self.mailpit_user, password=self.mailpit_password, ca_file=self.ca_file)


def access_of(config: pytest.Config, staging: dict, staging_file: Path | None) -> Access:
    """The options, else the staging configuration; a password named but not set stops the run."""
    ca_file = config.getoption("--ca-file") or _beside(staging.get("ca_file"), staging_file)
    if ca_file and not Path(ca_file).is_file():
        raise pytest.UsageError(f"Autorité de certification introuvable : {ca_file} (--ca-file, ou « ca_file » "
                                "de la configuration de recette).")
    site_user, site_password = _credentials(config.getoption("--site-user"), SITE_PASSWORD_VARIABLE,
                                            staging.get("site_auth"), "site_auth")
    mailpit_user, mailpit_password = _credentials(config.getoption("--mailpit-user"), MAILPIT_PASSWORD_VARIABLE,
                                                  staging.get("mailpit_auth"), "mailpit_auth")
    slowness = config.getoption("--slow-target") or staging.get("slow_target") or 1.0
    if not isinstance(slowness, (int, float)) or isinstance(slowness, bool) or slowness < 1:
        raise pytest.UsageError(f"Facteur de lenteur {slowness!r} : un nombre au moins égal à 1 est attendu "
                                "(--slow-target, ou « slow_target » de la configuration de recette).")
    return Access(ca_file, site_user, site_password, mailpit_user, mailpit_password, float(slowness))


def _beside(path: str | None, staging_file: Path | None) -> str | None:
    """A path of the staging configuration, relative to its own folder."""
    if not path:
        return None
    return str(staging_file.parent / path) if staging_file and not Path(path).is_absolute() else path


def _credentials(user_option: str | None, password_variable: str, staged: dict | None,
                 key: str) -> tuple[str | None, str | None]:
    if user_option:
        return user_option, _password(password_variable, f"--{key.split('_')[0]}-user {user_option}")
    if not staged:
        return None, None
    if "password" in staged:
        raise pytest.UsageError(f"Configuration de recette : « {key} » contient un mot de passe ; nommez plutôt "
                                "la variable d'environnement qui le contient (« password_env »).")
    return staged["user"], _password(staged["password_env"], f"« {key} » de la configuration de recette")


def _password(variable: str, named_by: str) -> str:
    password = os.environ.get(variable)
    if password is None:
        raise pytest.UsageError(f"Mot de passe absent : la variable d'environnement {variable} ({named_by}) "
                                "n'est pas définie.")
    return password


@pytest.fixture(scope="session")
def site_http_credentials(shared_target) -> dict | None:
    """The site's fence, for Playwright (its browser contexts and its API requests); sent to the site only."""
    site = shared_target.site
    if not site.fenced:
        return None
    return {"username": site.user, "password": site.password or "", "origin": site.origin}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, site_http_credentials) -> dict:
    """pytest-playwright's context options, with the site's fence when it has one."""
    if site_http_credentials is None:
        return browser_context_args
    return {**browser_context_args, "http_credentials": site_http_credentials}


@pytest.fixture(scope="session")
def scripted_requests(shared_target):
    """The attacker's requests of the forged-header scenarios: the run's CA and the site's fence, Host as given."""
    client = ScriptedRequests(shared_target.site.session(), HTTP_TIMEOUT_SECONDS * shared_target.slowness)
    yield client
    client.close()


@pytest.fixture(scope="session")
def certificate_pins(shared_target) -> list[str]:
    """The keys of the site's and Mailpit's certificates, checked against --ca-file at the run's start."""
    return list(shared_target.certificate_pins)


@pytest.fixture(scope="session", autouse=True)
def run_secrets(shared_target) -> list[str]:
    """The credentials of the run's servers, as they could appear in what the run writes (autouse: every
    scenario carries them to its report's hook below)."""
    return shared_target.site.secrets() + shared_target.mailpit.secrets()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    """A trace records every request's headers, the fences' Authorization among them: each trace kept for
    this scenario has the credentials replaced by *** before anyone reads it."""
    outcome = yield
    report = outcome.get_result()
    traces = [value for name, value in report.user_properties if name == TRACE_PROPERTY]
    if report.when != "teardown" or not traces:
        return
    for trace in traces:
        redact_archive(Path(trace), item.funcargs.get("run_secrets", []))


def redact_archive(archive: Path, secrets: list[str]) -> None:
    """Rewrite a zip (a Playwright trace) with each secret replaced by *** in every member but images."""
    if not secrets or not archive.is_file():
        return
    with zipfile.ZipFile(archive) as original:
        members = [(info, original.read(info)) for info in original.infolist()]
    redacted = [(info, data if info.filename.endswith((".jpeg", ".png")) else _without(data, secrets))
                for info, data in members]
    if redacted == members:
        return
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, data in redacted:
            rewritten.writestr(info, data)


def _without(data: bytes, secrets: list[str]) -> bytes:
    for secret in secrets:
        data = data.replace(secret.encode(), HIDDEN.encode())
    return data
