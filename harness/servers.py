"""The run's target and Mailpit: given by URL, or started here once for the whole run.

This is the one place where the suite imports the bundled mock (mock_site), and only when
it starts it: a run against a given --base-url imports neither Flask nor aiosmtpd.
"""

import os
import statistics
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from connection.endpoint import Endpoint, certificate_refused, failure_reason, issuer, presented_certificate, spki_pin
from harness import OPTIONS_GROUP, xdist
from harness.access import access_of
from harness.waits import PageWaits, mail_wait_seconds
from mails.mailpit_choice import MAILPIT_SMTP_PORT, MailpitUnreachable, provide_mailpit
from reporting.evidence import set_run_info
from reporting.workers import is_worker
from site_under_test import HTTP_TIMEOUT_SECONDS
from site_under_test.capabilities import (
    CapabilitiesUnreadable,
    capabilities_from,
    offered_capabilities,
    read_staging_config,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--mailpit-url", default=os.environ.get("MAILPIT_URL"),
                    help="Mailpit à lire (défaut : $MAILPIT_URL, sinon `mailpit` sur le PATH, sinon .tools/bin/mailpit, sinon le capteur embarqué).")
    group.addoption("--mailpit-smtp", default=os.environ.get("MAILPIT_SMTP"), metavar="HÔTE:PORT",
                    help="SMTP du Mailpit donné, pour y brancher le site simulé (défaut : hôte de --mailpit-url, port 1025).")
    group.addoption("--staging-config", default=os.environ.get("STAGING_CONFIG"), metavar="FICHIER.json",
                    help="Comptes existants et réponse fixe du captcha, pour une cible sans API de test "
                         "(sans -n, ou -n 1 : ses comptes sont partagés).")


ROOT = Path(__file__).resolve().parent.parent
ACCEPTANCE_DIRS = (ROOT / "steps", ROOT / "features")


def start_embedded_catcher(enable_chaos: bool = False):
    from mock_site.mailpit import (
        start_catcher,  # the bundled mock: imported only to start it
    )

    return start_catcher(enable_chaos=enable_chaos)


def start_bundled_site(smtp_host: str, smtp_port: int, faults: list[str] | None = None):
    """The bundled mock, in this process; `faults` switched on besides MOCK_SITE_FAULTS's."""
    from mock_site.server import (
        serve_in_thread,  # the bundled mock: imported only to start it
    )

    try:
        return serve_in_thread({"SMTP_HOST": smtp_host, "SMTP_PORT": smtp_port, "FAULTS": faults or []})
    except ValueError as refused:  # a fault switch the mock does not know (MOCK_SITE_FAULTS)
        raise pytest.UsageError(f"Site simulé non démarré : {refused}") from None


@dataclass(frozen=True)
class RunTarget:
    """The run's site and Mailpit and what the site offers, as the main process found them."""

    site: Endpoint
    mailpit: Endpoint
    bundled_smtp: tuple[str, int] | None  # where the bundled mock mails (the fault matrix's mocks mail there too)
    offered_capabilities: dict
    staging: dict
    slowness: float = 1.0  # every wait of the suite is multiplied by it (--slow-target)
    certificate_pins: tuple[str, ...] = ()  # the keys the browsers accept (harness/browser.py)

    def for_workers(self) -> dict:
        """What xdist can hand to a worker: plain data (in memory, never written)."""
        return asdict(self)

    @classmethod
    def handed_over(cls, data: dict) -> "RunTarget":
        smtp = data["bundled_smtp"]
        return cls(**{**data, "site": Endpoint(**data["site"]), "mailpit": Endpoint(**data["mailpit"]),
                      "bundled_smtp": tuple(smtp) if smtp else None,
                      "certificate_pins": tuple(data["certificate_pins"])})


class SharedTarget:
    """The site and the Mailpit of this run, started here unless given; a start that fails stops what it started."""

    def __init__(self, config: pytest.Config):
        self._running = ExitStack()
        self.bundled_site = False
        self.bundled_smtp = None
        with self._running as started:  # closed, so stopped, if the start fails
            self._start(config)
            self._running = started.pop_all()

    def _start(self, config: pytest.Config) -> None:
        staging_file = config.getoption("--staging-config")
        try:  # read first, so that a broken file stops the run at its start
            self.staging = read_staging_config(Path(staging_file) if staging_file else None)
        except (OSError, ValueError) as unreadable:
            raise pytest.UsageError(f"Configuration de recette {staging_file} illisible : {unreadable}") from None
        self.access = access_of(config, self.staging, Path(staging_file) if staging_file else None)
        base_url = given_base_url(config)
        given_mailpit = config.getoption("--mailpit-url")
        try:
            mailpit = provide_mailpit(self.access.mailpit(given_mailpit) if given_mailpit else None,
                                      start_embedded_catcher, smtp=config.getoption("--mailpit-smtp"))
        except MailpitUnreachable as unreachable:
            raise pytest.UsageError(str(unreachable)) from None
        self._running.callback(mailpit.stop)
        self.mailpit = mailpit.endpoint
        lines = [mailpit.describe()]
        if base_url:
            self.site = self.access.site(base_url)
            check_site_reachable(self.site)
            lines.append(f"Site cible : {self.site.shown}")
        else:
            # A Mailpit given by URL alone listens for SMTP on its usual port, on the same host.
            smtp_host = mailpit.smtp_host or urlsplit(mailpit.url).hostname
            smtp_port = mailpit.smtp_port or MAILPIT_SMTP_PORT
            site = start_bundled_site(smtp_host, smtp_port)
            self._running.callback(site.stop)
            self.bundled_smtp = (smtp_host, smtp_port)
            self.bundled_site = True
            self.site = Endpoint(site.url)
            broken = site.app.config["FAULTS"]
            fault_line = f" — PANNE SIMULÉE : {', '.join(broken)}" if broken else ""
            lines.append(f"Site cible : site simulé embarqué ({site.url}, SMTP {smtp_host}:{smtp_port}){fault_line}")
        self.conditions = self._conditions_of(mailpit)
        lines += self.conditions
        if self.access.slowness != 1:
            slowness = self.access.slowness
            waits = PageWaits.scaled(slowness)
            lines.append(f"Cible lente : délais d'attente multipliés par {slowness:g} (assertions de page "
                         f"{waits.expect_ms / 1000:g} s, actions et navigations {waits.action_ms / 1000:g} s, "
                         f"mails {mail_wait_seconds(config, slowness):g} s)")
        self.description = lines
        try:
            self.offered_capabilities = offered_capabilities(self.site)
        except CapabilitiesUnreadable as unreadable:
            raise pytest.UsageError(f"Capacités de la cible illisibles : {unreadable}") from None
        try:
            capabilities_from(self.offered_capabilities, self.staging)
        except (ValueError, TypeError) as unreadable:
            raise pytest.UsageError(f"Configuration de recette {staging_file} illisible : {unreadable}") from None

    def _conditions_of(self, mailpit) -> list[str]:
        """What the run goes through, for the header and the report: each server's TLS and its certificate's
        issuer, its fence, and the site's median response time; and the keys the browsers will accept."""
        pins, conditions = [], []
        for name, endpoint in (("Site cible", self.site), (f"Mailpit {mailpit.version}", self.mailpit)):
            certificate = presented_certificate(endpoint, HTTP_TIMEOUT_SECONDS)
            if certificate is not None and endpoint.ca_file:  # the system's CAs are the browsers' too
                pins.append(spki_pin(certificate))
            tls = f"HTTPS (certificat émis par {issuer(certificate)})" if certificate else "HTTP sans TLS"
            fence = "avec identifiants" if endpoint.fenced else "sans identifiants"
            conditions.append(f"{name} : {tls}, {fence}")
        self.certificate_pins = tuple(pins)
        conditions.append(f"Site cible : temps de réponse médian de sa page d'accueil au démarrage : "
                          f"{median_response_ms(self.site):.0f} ms ({LATENCY_SAMPLES} requêtes)")
        return conditions

    def run_target(self) -> RunTarget:
        return RunTarget(self.site, self.mailpit, self.bundled_smtp, self.offered_capabilities, self.staging,
                         self.access.slowness, self.certificate_pins)

    def stop(self):
        self._running.close()


def check_site_reachable(site: Endpoint) -> None:
    """The site's home page answers, through its fence, with a certificate of its CA; else one French line."""
    try:
        answer = site.session().get(f"{site.url}/", timeout=HTTP_TIMEOUT_SECONDS)
    except requests.exceptions.SSLError as error:
        raise pytest.UsageError(f"Site cible {certificate_refused(site, error)}") from None
    except requests.RequestException as error:
        raise pytest.UsageError(f"Site cible injoignable à {site.shown}/ ({failure_reason(error)}). "
                                "Vérifiez --base-url / BASE_URL, ou retirez-les pour tester le site simulé embarqué.") from None
    if answer.status_code in (401, 403):
        cause = ("identifiants de la barrière refusés" if site.fenced else
                 "il demande des identifiants (--site-user et SITE_PASSWORD, ou « site_auth » de la configuration "
                 "de recette)")
        raise pytest.UsageError(f"Site cible {site.shown} : accès refusé ({answer.status_code}) : {cause}.")


LATENCY_SAMPLES = 5


def median_response_ms(site: Endpoint) -> float:
    """The site's home page's median response time, measured at the run's start, fence and TLS included."""
    with site.session() as client:
        times = []
        for _ in range(LATENCY_SAMPLES):
            started = time.perf_counter()
            client.get(f"{site.url}/", timeout=HTTP_TIMEOUT_SECONDS)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)




def given_base_url(config: pytest.Config) -> str | None:
    url = config.getoption("--base-url") or os.environ.get("BASE_URL")
    return url.rstrip("/") if url else None


def runs_acceptance(config: pytest.Config) -> bool:
    """Whether this run collects the guide's scenarios (then the shared target is started)."""
    for argument in config.args:
        path = (Path(config.invocation_params.dir) / argument.split("::")[0]).resolve()
        if any(path == folder or folder in path.parents or path in folder.parents for folder in ACCEPTANCE_DIRS):
            return True
    return False


def check_staging_not_parallel(config: pytest.Config) -> None:
    """A staging configuration's accounts are shared by the scenarios: they cannot run side by side."""
    workers = xdist.worker_count(config)
    if config.getoption("--staging-config") and workers > 1:
        raise pytest.UsageError(
            f"--staging-config avec -n {config.option.numprocesses} : les comptes de la configuration de recette "
            "sont partagés par les scénarios, qui ne peuvent donc pas tourner en parallèle. "
            "Lancez sans -n (ou avec -n 0 ou -n 1)."
        )


SHARED_TARGET = pytest.StashKey[SharedTarget]()


def started_target(config: pytest.Config) -> SharedTarget:
    target = SharedTarget(config)
    config.stash[SHARED_TARGET] = target
    xdist.hand_over(config, target.run_target().for_workers())
    if target.access.ca_file:
        # Playwright's API requests (the test-support API through the browser context) go through its Node
        # driver, which reads this once at its start and then trusts this CA besides the system's.
        os.environ["NODE_EXTRA_CA_CERTS"] = target.access.ca_file
    set_run_info(config, target=target.site.shown, mailpit=target.mailpit.shown, conditions=target.conditions,
                 bundled_mock=bool(target.bundled_site),
                 skips_accepted=config.getoption("--accepter-ignores"))
    return target


def pytest_configure(config: pytest.Config):
    if is_worker(config) or not runs_acceptance(config):
        return
    check_staging_not_parallel(config)
    started_target(config)


def pytest_report_header(config: pytest.Config):
    """Says once, at the start of the run, which site and which Mailpit it uses."""
    target = config.stash.get(SHARED_TARGET, None)
    return target.description if target else None


def pytest_unconfigure(config: pytest.Config):
    target = config.stash.get(SHARED_TARGET, None)
    if target:
        target.stop()


def suite_started_the_site(config: pytest.Config) -> bool:
    target = config.stash.get(SHARED_TARGET, None)
    return bool(target and target.bundled_site)


@pytest.fixture(scope="session")
def shared_target(pytestconfig) -> RunTarget:
    """The run's target, Mailpit and capabilities, as the main process found them."""
    if is_worker(pytestconfig):
        return RunTarget.handed_over(xdist.handed_over(pytestconfig))
    if SHARED_TARGET not in pytestconfig.stash:  # a run that was not recognised as an acceptance run
        started_target(pytestconfig)
    return pytestconfig.stash[SHARED_TARGET].run_target()
