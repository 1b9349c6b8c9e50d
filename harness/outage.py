"""The mail outage scenarios (@panne-messagerie): a site and a Mailpit of their own.

Chaos acts on every mail a Mailpit receives, so these scenarios never use the run's Mailpit.
Against the bundled mock, each process that runs scenarios (each xdist worker) gets its own
chaos-enabled Mailpit, a bundled site that mails through it, and a bundled site whose SMTP is a
closed port. They are started by the main process (for a worker: when xdist sets it up), and
stopped when the run ends: the end of the run still looks in that Mailpit for late mails.
Against a given target, they use it and the chaos-enabled Mailpit given by --mailpit-chaos-url.
"""

from __future__ import annotations

import pytest

from harness import xdist
from harness.servers import (
    given_base_url,
    start_bundled_site,
    start_embedded_catcher,
    suite_started_the_site,
)
from mails.chaos import MailpitChaos
from mails.server import MailpitUnreachable, free_port, start_chaos_mailpit

OUTAGE_TAG = "panne-messagerie"
WORKER_OUTAGE = "outage_sites"
_STARTED = pytest.StashKey[list]()


class OutageSites:
    """Started together, stopped together: a chaos Mailpit, a site mailing through it, a site whose SMTP is closed."""

    def __init__(self):
        self._running = []
        try:
            self.mailpit = start_chaos_mailpit(lambda: start_embedded_catcher(enable_chaos=True))
            self._running.append(self.mailpit)
            self.site = start_bundled_site(self.mailpit.smtp_host, self.mailpit.smtp_port)
            self._running.append(self.site)
            # A port bound then closed: nothing listens there, the connection is refused.
            self.unreachable_site = start_bundled_site("127.0.0.1", free_port())
            self._running.append(self.unreachable_site)
        except BaseException:
            self.stop()
            raise

    def for_scenarios(self) -> dict:
        return {"base_url": self.site.url, "mailpit_url": self.mailpit.url,
                "unreachable_base_url": self.unreachable_site.url}

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
    """This process's outage site, its Mailpit and its unreachable-SMTP site; or the given target
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
        return {"base_url": shared_target["base_url"], "mailpit_url": chaos_url.rstrip("/"), "unreachable_base_url": None}
    if xdist.is_worker(pytestconfig):
        return pytestconfig.workerinput[WORKER_OUTAGE]
    return started_outage_sites(pytestconfig)


class OutageTarget:
    """The site and the Mailpit of one @panne-messagerie scenario, whose mail server fails on demand."""

    def __init__(self, sites: dict):
        self._sites = sites
        self.mailpit_url = sites["mailpit_url"]
        self.chaos = MailpitChaos(self.mailpit_url)
        self._unreachable = False
        self._site_given = False

    def site_url(self) -> str:
        """The site of the scenario's pages and accounts; chosen once, when first asked."""
        self._site_given = True
        return self._sites["unreachable_base_url"] if self._unreachable else self._sites["base_url"]

    def make_mail_server_unreachable(self) -> None:
        if self._sites["unreachable_base_url"] is None:
            pytest.skip("Serveur de mail injoignable non simulé : la suite ne peut pas couper le serveur de mail "
                        "d'une cible donnée ; ce scénario ne tourne que contre le site simulé embarqué.")
        if self._site_given:
            raise RuntimeError("« le serveur de mail ne peut pas être joint » doit précéder les étapes qui "
                               "utilisent le site : le scénario utilise déjà le site dont le serveur de mail répond.")
        self._unreachable = True


@pytest.fixture
def outage_target(outage_sites):
    target = OutageTarget(outage_sites)
    target.chaos.accept_all()  # whatever a scenario before it left
    yield target
    target.chaos.accept_all()


@pytest.fixture
def site_url(request, base_url) -> str:
    """The site this scenario uses: the run's target, or for @panne-messagerie the outage site."""
    if request.node.get_closest_marker(OUTAGE_TAG):
        return request.getfixturevalue("outage_target").site_url()
    return base_url


@pytest.fixture
def scenario_mailpit_url(request, mailpit_url) -> str:
    """The Mailpit this scenario reads: the run's, or for @panne-messagerie the outage Mailpit."""
    if request.node.get_closest_marker(OUTAGE_TAG):
        return request.getfixturevalue("outage_target").mailpit_url
    return mailpit_url
