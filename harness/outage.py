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

import pytest

from harness import OPTIONS_GROUP, xdist
from harness.servers import (
    given_base_url,
    start_bundled_site,
    start_embedded_catcher,
    suite_started_the_site,
)
from harness.smtp_relay import SmtpRelay
from mails.chaos import MailpitChaos
from mails.server import MailpitUnreachable, free_port, start_chaos_mailpit


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--mailpit-chaos-url", default=os.environ.get("MAILPIT_CHAOS_URL"),
                    help="Contre une cible donnée (--base-url) : le Mailpit démarré avec chaos (--enable-chaos) à qui "
                         "cette cible seule envoie ses mails, pour les scénarios @panne-messagerie "
                         "(défaut : $MAILPIT_CHAOS_URL ; sans lui, ils sont ignorés).")


OUTAGE_TAG = "panne-messagerie"
WORKER_OUTAGE = "outage_sites"
_STARTED = pytest.StashKey[list]()


class OutageSites:
    """Started together, stopped together: a chaos Mailpit, and a site mailing to it through the relay's port."""

    def __init__(self):
        self._running = []
        try:
            self.mailpit = start_chaos_mailpit(lambda: start_embedded_catcher(enable_chaos=True))
            self._running.append(self.mailpit)
            # The relay listens there once its process starts it; the site is given the port now.
            self.relay_port = free_port()
            self.site = start_bundled_site("127.0.0.1", self.relay_port)
            self._running.append(self.site)
        except BaseException:
            self.stop()
            raise

    def for_scenarios(self) -> dict:
        return {"base_url": self.site.url, "mailpit_url": self.mailpit.url, "relay_port": self.relay_port,
                "mailpit_smtp": [self.mailpit.smtp_host, self.mailpit.smtp_port]}

    def stop(self) -> None:
        for service in reversed(self._running):
            service.stop()
        self._running.clear()


def started_outage_sites(config: pytest.Config) -> dict:
    try:
        sites = OutageSites()
    except MailpitUnreachable as unreachable:
        raise pytest.UsageError(f"Mailpit avec chaos non démarré pour @{OUTAGE_TAG} : {unreachable}") from None
    config.stash.setdefault(_STARTED, []).append(sites)
    return sites.for_scenarios()


@pytest.hookimpl(optionalhook=True)  # an xdist hook, in the main process: one set per worker
def pytest_configure_node(node):
    if suite_started_the_site(node.config):
        node.workerinput[WORKER_OUTAGE] = started_outage_sites(node.config)


def pytest_unconfigure(config: pytest.Config):
    for sites in config.stash.get(_STARTED, []):
        sites.stop()


@pytest.fixture(scope="session")
def outage_sites(pytestconfig, shared_target) -> dict:
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
        return {"base_url": shared_target["base_url"], "mailpit_url": chaos_url.rstrip("/"), "relay_port": None}
    if xdist.is_worker(pytestconfig):
        return pytestconfig.workerinput[WORKER_OUTAGE]
    return started_outage_sites(pytestconfig)


@pytest.fixture(scope="session")
def smtp_relay(outage_sites) -> SmtpRelay | None:
    """The relay from the outage site to its Mailpit, in this process; none against a given target."""
    if outage_sites["relay_port"] is None:
        yield None
        return
    relay = SmtpRelay(outage_sites["relay_port"], tuple(outage_sites["mailpit_smtp"]))
    relay.restore()
    yield relay
    relay.cut_off()


class OutageTarget:
    """The site and the Mailpit of one @panne-messagerie scenario, whose mail server fails on demand."""

    def __init__(self, sites: dict, relay: SmtpRelay | None):
        self.site_url = sites["base_url"]
        self.mailpit_url = sites["mailpit_url"]
        self.chaos = MailpitChaos(self.mailpit_url)
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
def outage_target(outage_sites, smtp_relay):
    target = OutageTarget(outage_sites, smtp_relay)
    target.restore()
    yield target
    target.restore()
