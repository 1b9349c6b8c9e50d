"""The run's target and Mailpit: given by URL, or started here once for the whole run.

This is the one place where the suite imports the bundled mock (mock_site), and only when
it starts it: a run against a given --base-url imports neither Flask nor aiosmtpd.
"""

import os
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from harness import OPTIONS_GROUP, xdist
from mails.mailpit_choice import MAILPIT_SMTP_PORT, MailpitUnreachable, provide_mailpit
from reporting.evidence import set_run_info
from site_under_test.capabilities import (
    HTTP_TIMEOUT_SECONDS,
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

    base_url: str
    mailpit_url: str
    bundled_smtp: tuple[str, int] | None  # where the bundled mock mails (the fault matrix's mocks mail there too)
    offered_capabilities: dict
    staging: dict

    def for_workers(self) -> dict:
        """What xdist can hand to a worker: plain data."""
        return asdict(self)

    @classmethod
    def handed_over(cls, data: dict) -> "RunTarget":
        smtp = data["bundled_smtp"]
        return cls(**{**data, "bundled_smtp": tuple(smtp) if smtp else None})


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
        self.base_url = given_base_url(config)
        try:
            mailpit = provide_mailpit(config.getoption("--mailpit-url"), start_embedded_catcher,
                                      smtp=config.getoption("--mailpit-smtp"))
        except MailpitUnreachable as unreachable:
            raise pytest.UsageError(str(unreachable)) from None
        self._running.callback(mailpit.stop)
        self.mailpit_url = mailpit.url
        lines = [mailpit.describe()]
        if self.base_url:
            check_site_reachable(self.base_url)
            lines.append(f"Site cible : {self.base_url}")
        else:
            # A Mailpit given by URL alone listens for SMTP on its usual port, on the same host.
            smtp_host = mailpit.smtp_host or urlsplit(mailpit.url).hostname
            smtp_port = mailpit.smtp_port or MAILPIT_SMTP_PORT
            site = start_bundled_site(smtp_host, smtp_port)
            self._running.callback(site.stop)
            self.bundled_smtp = (smtp_host, smtp_port)
            self.bundled_site = True
            self.base_url = site.url
            broken = site.app.config["FAULTS"]
            fault_line = f" — PANNE SIMULÉE : {', '.join(broken)}" if broken else ""
            lines.append(f"Site cible : site simulé embarqué ({site.url}, SMTP {smtp_host}:{smtp_port}){fault_line}")
        self.description = lines
        try:
            self.offered_capabilities = offered_capabilities(self.base_url)
        except CapabilitiesUnreadable as unreadable:
            raise pytest.UsageError(f"Capacités de la cible illisibles : {unreadable}") from None
        staging = config.getoption("--staging-config")
        try:  # read here once, so that a broken file stops the run at its start
            self.staging = read_staging_config(Path(staging) if staging else None)
            capabilities_from(self.offered_capabilities, self.staging)
        except (OSError, ValueError, TypeError) as unreadable:
            raise pytest.UsageError(f"Configuration de recette {staging} illisible : {unreadable}") from None

    def run_target(self) -> RunTarget:
        return RunTarget(self.base_url, self.mailpit_url, self.bundled_smtp, self.offered_capabilities, self.staging)

    def stop(self):
        self._running.close()


def check_site_reachable(base_url: str) -> None:
    try:
        requests.get(f"{base_url}/", timeout=HTTP_TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise pytest.UsageError(f"Site cible injoignable à {base_url}/ ({error}). "
                                "Vérifiez --base-url / BASE_URL, ou retirez-les pour tester le site simulé embarqué.") from None


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
    set_run_info(config, target=target.base_url, mailpit=target.mailpit_url, bundled_mock=bool(target.bundled_site),
                 skips_accepted=config.getoption("--accepter-ignores"))
    return target


def pytest_configure(config: pytest.Config):
    if xdist.is_worker(config) or not runs_acceptance(config):
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
    if xdist.is_worker(pytestconfig):
        return RunTarget.handed_over(xdist.handed_over(pytestconfig))
    if SHARED_TARGET not in pytestconfig.stash:  # a run that was not recognised as an acceptance run
        started_target(pytestconfig)
    return pytestconfig.stash[SHARED_TARGET].run_target()


@pytest.fixture(scope="session")
def mailpit_url(shared_target) -> str:
    return shared_target.mailpit_url
