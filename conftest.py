"""Wiring of the acceptance suite: the target, its Mailpit, the browser, and each scenario's own data.

Run modes:
- default: the bundled mock site and the embedded mail catcher (or a `mailpit`
  binary on PATH), started once for the whole run on free ports, in the main
  pytest process; xdist workers share them (see README, « Three ways to run »);
- any target: --base-url / BASE_URL and --mailpit-url / MAILPIT_URL.
"""

import os
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import requests

from mock_site.server import serve_in_thread
from pages.accounts import AccountProvider
from pages.browser import chromium_launch_args, forgive_unwritten_trace
from pages.clock import ScenarioClock
from pages.forgot_password_page import ForgotPasswordPage
from pages.home_page import HomePage
from pages.inbox import PersonInbox
from pages.journey import ForgotPasswordJourney
from pages.login_page import LoginPage
from pages.mail_server import MailpitUnreachable, provide_mailpit
from pages.mailbox import Mailbox
from pages.renewal_page import PasswordChangedPage, RenewalPage
from pages.target import capabilities_from, offered_capabilities, read_staging_config
from pages.test_support import TestSupportApi
from reporting.evidence import attach_mail, set_run_info

pytest_plugins = [
    "reporting.plugin",
    "steps.navigation_steps",
    "steps.identification_steps",
    "steps.mail_steps",
    "steps.password_steps",
    "steps.time_steps",
]

ROOT = Path(__file__).parent
ACCEPTANCE_DIRS = (ROOT / "steps", ROOT / "features")
PARIS = ZoneInfo("Europe/Paris")
MAILPIT_SMTP_PORT = 1025

# What the main process tells each xdist worker about the shared target.
WORKER_TARGET = "acceptance_target"


def pytest_addoption(parser):
    group = parser.getgroup("mot-de-passe-oublie", "Parcours « Mot de passe oublié »")
    group.addoption("--mailpit-url", default=os.environ.get("MAILPIT_URL"),
                    help="Mailpit à lire (défaut : $MAILPIT_URL, sinon `mailpit` sur le PATH, sinon .tools/bin/mailpit, sinon le capteur embarqué).")
    group.addoption("--mailpit-smtp", default=os.environ.get("MAILPIT_SMTP"), metavar="HÔTE:PORT",
                    help="SMTP du Mailpit donné, pour y brancher le site simulé (défaut : hôte de --mailpit-url, port 1025).")
    group.addoption("--mail-timeout", type=float, default=float(os.environ.get("MAIL_TIMEOUT", 10)),
                    help="Délai maximal d'attente d'un mail, en secondes (défaut : 10).")
    group.addoption("--no-mail-window", type=float, default=float(os.environ.get("NO_MAIL_WINDOW", 2)),
                    help="Durée pendant laquelle on vérifie qu'aucun mail n'arrive, en secondes (défaut : 2).")
    group.addoption("--staging-config", default=os.environ.get("STAGING_CONFIG"), metavar="FICHIER.json",
                    help="Comptes existants et réponse fixe du captcha, pour une cible sans API de test.")


class SharedTarget:
    """The site and the Mailpit of this run, started here unless given."""

    def __init__(self, config: pytest.Config):
        self._running = []
        self.base_url = given_base_url(config)
        try:
            mailpit = provide_mailpit(config.getoption("--mailpit-url"), smtp=config.getoption("--mailpit-smtp"))
        except MailpitUnreachable as unreachable:
            raise pytest.UsageError(str(unreachable)) from None
        self._running.append(mailpit)
        self.mailpit_url = mailpit.url
        lines = [mailpit.describe()]
        if self.base_url:
            check_site_reachable(self.base_url)
            lines.append(f"Site cible : {self.base_url}")
        else:
            # A Mailpit given by URL alone listens for SMTP on its usual port, on the same host.
            smtp_host = mailpit.smtp_host or urlsplit(mailpit.url).hostname
            smtp_port = mailpit.smtp_port or MAILPIT_SMTP_PORT
            site = serve_in_thread({"SMTP_HOST": smtp_host, "SMTP_PORT": smtp_port})
            self._running.append(site)
            self.base_url = site.url
            lines.append(f"Site cible : site simulé embarqué ({site.url}, SMTP {smtp_host}:{smtp_port})")
        self.description = lines
        try:
            self.offered_capabilities = offered_capabilities(self.base_url)
        except (requests.RequestException, ValueError, RuntimeError) as unreadable:
            self.stop()
            raise pytest.UsageError(f"Capacités de {self.base_url} illisibles : {unreadable}") from None
        staging = config.getoption("--staging-config")
        try:  # read here once, so that a broken file stops the run at its start
            self.staging = read_staging_config(Path(staging) if staging else None)
            capabilities_from(self.offered_capabilities, self.staging)
        except (OSError, ValueError, TypeError) as unreadable:
            self.stop()
            raise pytest.UsageError(f"Configuration de recette {staging} illisible : {unreadable}") from None

    def for_workers(self) -> dict:
        return {"base_url": self.base_url, "mailpit_url": self.mailpit_url,
                "offered_capabilities": self.offered_capabilities, "staging": self.staging}

    def stop(self):
        for service in reversed(self._running):
            service.stop()


def check_site_reachable(base_url: str) -> None:
    try:
        requests.get(f"{base_url}/", timeout=10)
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


SHARED_TARGET = pytest.StashKey[SharedTarget]()
# The scenario's mailbox: the last mail it read goes into a failure's report.
SCENARIO_MAILBOX = pytest.StashKey[Mailbox]()


def pytest_configure(config: pytest.Config):
    if hasattr(config, "workerinput") or not runs_acceptance(config):
        return
    target = SharedTarget(config)
    config.stash[SHARED_TARGET] = target
    set_run_info(config, target=target.base_url, mailpit=target.mailpit_url)


def pytest_report_header(config: pytest.Config):
    """Says once, at the start of the run, which site and which Mailpit it uses."""
    target = config.stash.get(SHARED_TARGET, None)
    return target.description if target else None


@pytest.hookimpl(optionalhook=True)  # an xdist hook: the suite also runs without xdist
def pytest_configure_node(node):
    """xdist: every worker uses the one target and the one Mailpit of the main process."""
    target = node.config.stash.get(SHARED_TARGET, None)
    if target:
        node.workerinput[WORKER_TARGET] = target.for_workers()


def pytest_unconfigure(config: pytest.Config):
    target = config.stash.get(SHARED_TARGET, None)
    if target:
        target.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed scenario's report carries the last mail it read, for the HTML report."""
    outcome = yield
    report = outcome.get_result()
    mailbox = item.stash.get(SCENARIO_MAILBOX, None)
    if report.when == "call" and report.failed and mailbox and mailbox.last_mail:
        attach_mail(report, mailbox.last_mail)
    forgive_unwritten_trace(report, getattr(item, "rep_call", None))


@pytest.fixture(scope="session")
def shared_target(pytestconfig) -> dict:
    """The run's target, Mailpit and capabilities, as the main process found them."""
    if hasattr(pytestconfig, "workerinput"):
        return pytestconfig.workerinput[WORKER_TARGET]
    if SHARED_TARGET not in pytestconfig.stash:  # a run that was not recognised as an acceptance run
        pytestconfig.stash[SHARED_TARGET] = SharedTarget(pytestconfig)
    return pytestconfig.stash[SHARED_TARGET].for_workers()


@pytest.fixture(scope="session")
def base_url(shared_target) -> str:
    return shared_target["base_url"]


@pytest.fixture(scope="session")
def mailpit_url(shared_target) -> str:
    return shared_target["mailpit_url"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    return {**browser_type_launch_args, **chromium_launch_args(playwright.chromium.executable_path)}


@pytest.fixture(scope="session")
def capabilities(shared_target):
    return capabilities_from(shared_target["offered_capabilities"], shared_target["staging"])


@pytest.fixture(scope="session")
def password_special_characters(capabilities):
    return capabilities.password_special_characters


@pytest.fixture
def rate_limit(capabilities):
    if capabilities.rate_limit is None:
        pytest.skip("La cible n'annonce pas sa limite de demandes (capabilities.rate_limit) "
                    "et la configuration de recette ne la donne pas.")
    return capabilities.rate_limit


# One scenario, one browser context (pytest-playwright's `context`), one target session.

@pytest.fixture
def test_support(context, base_url):
    return TestSupportApi(context.request, base_url)


@pytest.fixture
def scenario_clock(test_support, page, capabilities):
    if not capabilities.clock:
        pytest.skip("La cible n'offre pas d'horloge de test (/__test__/clock) : ce scénario vérifie une durée.")
    return ScenarioClock(test_support, page)


@pytest.fixture(autouse=True)
def _frozen_time_for_time_rules(request):
    """Scenarios tagged @horloge freeze their session's clock before the journey starts."""
    if request.node.get_closest_marker("horloge"):
        request.getfixturevalue("scenario_clock").freeze()


@pytest.fixture
def target_now(capabilities, test_support):
    """The target's time for this session (Europe/Paris)."""
    if capabilities.clock:
        return lambda: test_support.now().astimezone(PARIS)
    return lambda: datetime.now(PARIS)


@pytest.fixture
def target_today(target_now):
    return target_now().date()


@pytest.fixture
def new_account(test_support, capabilities):
    provider = AccountProvider(test_support, capabilities)

    def account_in(situation):
        reason = provider.unavailable_reason(situation)
        if reason:
            pytest.skip(reason)
        return provider.account(situation)

    return account_in


@pytest.fixture
def account_on_target(test_support, capabilities, account):
    if not capabilities.accounts:
        pytest.skip("La cible n'offre pas la lecture des comptes (/__test__/accounts) : "
                    "impossible de vérifier que le mot de passe n'a pas changé.")
    return lambda: test_support.account(account.nir)


@pytest.fixture
def captcha_answer(test_support, capabilities):
    if capabilities.captcha:
        return test_support.captcha_answer
    if capabilities.fixed_captcha_answer:
        return lambda: capabilities.fixed_captcha_answer
    pytest.skip("La cible n'offre pas la réponse du captcha (/__test__/captcha) et la "
                "configuration de recette ne donne pas de réponse fixe.")


@pytest.fixture
def mailbox(mailpit_url, pytestconfig, request):
    scenario_mailbox = Mailbox(mailpit_url, timeout=pytestconfig.getoption("--mail-timeout"),
                               quiet_window=pytestconfig.getoption("--no-mail-window"))
    request.node.stash[SCENARIO_MAILBOX] = scenario_mailbox
    return scenario_mailbox


@pytest.fixture
def inbox(mailbox, account, base_url):
    person_inbox = PersonInbox(mailbox, account.email, base_url)
    yield person_inbox
    # A shared Mailpit keeps only what is still of use: this scenario's mails go,
    # by their exact address, and nobody else's (a failure's mail is in the report).
    mailbox.delete_all_to(account.email)


@pytest.fixture
def mail_scanner(playwright):
    """An HTTP client of its own, as an antivirus or a mail provider's link checker is."""
    scanner = playwright.request.new_context()
    yield scanner
    scanner.dispose()


@pytest.fixture
def home_page(page, base_url):
    return HomePage(page, base_url)


@pytest.fixture
def login_page(page):
    return LoginPage(page)


@pytest.fixture
def forgot_password_page(page):
    return ForgotPasswordPage(page)


@pytest.fixture
def renewal_page(page):
    return RenewalPage(page)


@pytest.fixture
def password_changed_page(page):
    return PasswordChangedPage(page)


@pytest.fixture
def journey(home_page, login_page, forgot_password_page, captcha_answer):
    return ForgotPasswordJourney(home_page, login_page, forgot_password_page, captcha_answer)
