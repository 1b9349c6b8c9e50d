"""The mail outage scenarios (@panne-messagerie): a site and a Mailpit of their own.

Chaos acts on every mail a Mailpit receives, so these scenarios never use the run's Mailpit.
Against the bundled mock, each process that runs scenarios (each xdist worker) gets its own
chaos-enabled Mailpit and a bundled site that mails to it through a relay that can be cut
(harness/smtp_relay.py), so a person can hold a link before the mail server goes down. The
Mailpit and the site are started by the main process (for a worker: when xdist sets it up), and
stopped when the run ends: the end of the run still looks in that Mailpit for late mails; the
relay runs in the process whose scenarios cut it.
Against a given target, they use it and the chaos-enabled Mailpit given by --mailpit-chaos-url.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from dataclasses import asdict, dataclass

import pytest

from connection.endpoint import Endpoint
from harness import OPTIONS_GROUP, xdist
from harness.servers import (
    given_base_url,
    start_bundled_site,
    start_embedded_catcher,
    suite_started_the_site,
)
from harness.smtp_relay import SmtpRelay
from mails.mailpit_chaos import MailpitChaos
from mails.mailpit_choice import MailpitUnreachable, free_port, start_chaos_mailpit
from reporting.workers import is_worker


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--mailpit-chaos-url", default=os.environ.get("MAILPIT_CHAOS_URL"),
                    help="Contre une cible donnée (--base-url) : le Mailpit démarré avec chaos (--enable-chaos) à qui "
                         "cette cible seule envoie ses mails, pour les scénarios @panne-messagerie "
                         "(défaut : $MAILPIT_CHAOS_URL ; sans lui, ils sont ignorés).")


OUTAGE_TAG = "panne-messagerie"
WORKER_OUTAGE = "outage_sites"
_STARTED = pytest.StashKey[list]()


@dataclass(frozen=True)
class OutageSite:
    """Where the @panne-messagerie scenarios go: a site, the chaos Mailpit it mails to, and against the
    bundled mock the relay's port between them and that Mailpit's SMTP (None against a given target)."""

    base_url: str
    mailpit_url: str
    relay_port: int | None = None
    mailpit_smtp: tuple[str, int] | None = None

    @classmethod
    def handed_over(cls, data: dict) -> OutageSite:
        """From the plain data xdist hands to a worker (asdict)."""
        smtp = data["mailpit_smtp"]
        return cls(**{**data, "mailpit_smtp": tuple(smtp) if smtp else None})


class OutageSites:
    """Started together, stopped together: a chaos Mailpit, and a site mailing to it through the relay's port."""

    def __init__(self):
        with ExitStack() as started:  # closed, so stopped, if the start fails
            self.mailpit = start_chaos_mailpit(lambda: start_embedded_catcher(enable_chaos=True))
            started.callback(self.mailpit.stop)
            # The relay listens there once its process starts it; the site is given the port now.
            self.relay_port = free_port()
            self.site = start_bundled_site("127.0.0.1", self.relay_port)
            started.callback(self.site.stop)
            self._running = started.pop_all()

    def for_scenarios(self) -> OutageSite:
        return OutageSite(self.site.url, self.mailpit.url, self.relay_port,
                          (self.mailpit.smtp_host, self.mailpit.smtp_port))

    def stop(self) -> None:
        self._running.close()


def started_outage_sites(config: pytest.Config) -> OutageSite:
    try:
        sites = OutageSites()
    except MailpitUnreachable as unreachable:
        raise pytest.UsageError(f"Mailpit avec chaos non démarré pour @{OUTAGE_TAG} : {unreachable}") from None
    config.stash.setdefault(_STARTED, []).append(sites)
    return sites.for_scenarios()


@pytest.hookimpl(optionalhook=True)  # an xdist hook, in the main process: one set per worker
def pytest_configure_node(node):
    if suite_started_the_site(node.config):
        node.workerinput[WORKER_OUTAGE] = asdict(started_outage_sites(node.config))


def pytest_unconfigure(config: pytest.Config):
    for sites in config.stash.get(_STARTED, []):
        sites.stop()


@pytest.fixture(scope="session")
def outage_sites(pytestconfig, shared_target) -> OutageSite:
    """This process's outage site, its Mailpit and the relay between them; or the given target
    and --mailpit-chaos-url; else every @panne-messagerie scenario is skipped with the reason."""
    if given_base_url(pytestconfig):
        chaos_url = pytestconfig.getoption("--mailpit-chaos-url")
        if not chaos_url:
            pytest.skip("Panne de messagerie non simulée : contre une cible donnée, indiquez --mailpit-chaos-url "
                        "(ou MAILPIT_CHAOS_URL), le Mailpit démarré avec chaos (--enable-chaos) à qui cette "
                        "cible seule envoie ses mails.")
        if xdist.worker_count(pytestconfig) > 1:
            pytest.skip("Panne de messagerie non simulée : contre une cible donnée, la panne toucherait les mails "
                        "des scénarios lancés en parallèle ; lancez -m panne-messagerie sans -n.")
        return OutageSite(shared_target.site.url, chaos_url.rstrip("/"))
    if is_worker(pytestconfig):
        return OutageSite.handed_over(pytestconfig.workerinput[WORKER_OUTAGE])
    return started_outage_sites(pytestconfig)


@pytest.fixture(scope="session")
def smtp_relay(outage_sites) -> SmtpRelay | None:
    """The relay from the outage site to its Mailpit, in this process; none against a given target."""
    if outage_sites.relay_port is None:
        yield None
        return
    relay = SmtpRelay(outage_sites.relay_port, outage_sites.mailpit_smtp)
    relay.restore()
    yield relay
    relay.cut_off()


class OutageTarget:
    """The site and the Mailpit of one @panne-messagerie scenario, whose mail server fails on demand."""

    def __init__(self, sites: OutageSite, relay: SmtpRelay | None, mailpit: Endpoint):
        self.site_url = sites.base_url
        self.mailpit = mailpit
        self.chaos = MailpitChaos(self.mailpit)
        self._relay = relay

    def make_mail_server_unreachable(self) -> None:
        if self._relay is None:
            pytest.skip("Serveur de mail injoignable non simulé : la suite ne peut pas couper le serveur de mail "
                        "d'une cible donnée ; ce scénario ne tourne que contre le site simulé embarqué.")
        self._relay.cut_off()

    def restore(self) -> None:
        """Whatever a scenario before it left: the mail server reachable, and accepting every mail."""
        if self._relay is not None:
            self._relay.restore()
        self.chaos.accept_all()


@pytest.fixture
def outage_target(outage_sites, smtp_relay, shared_target):
    # A given chaos Mailpit is reached as the run's Mailpit is (its credentials and CA); the bundled one is open.
    if outage_sites.relay_port is None:
        run = shared_target.mailpit
        mailpit = Endpoint.parse(outage_sites.mailpit_url, user=run.user, password=run.password, ca_file=run.ca_file)
    else:
        mailpit = Endpoint.parse(outage_sites.mailpit_url)
    target = OutageTarget(outage_sites, smtp_relay, mailpit)
    target.restore()
    yield target
    target.restore()
