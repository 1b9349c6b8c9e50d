"""What a scenario gets: its pages, its account, its inbox, its clock, its captcha answer.

The plumbing (options, servers, xdist, skips, evidence, browser, verdict) is in harness/,
registered here by name; the step definitions are in steps/. See README, « What is where ».
"""

import pytest

from mails.inbox import PersonInbox
from pages.forgot_password_page import ForgotPasswordPage
from pages.home_page import HomePage
from pages.journey import ForgotPasswordJourney
from pages.login_page import LoginPage
from pages.password_changed_page import PasswordChangedPage
from pages.renewal_page import RenewalPage
from target.accounts import AccountProvider, AccountRecord
from target.capabilities import skip_without
from target.captcha import CaptchaAnswers
from target.clock import ScenarioClock, TargetTime
from target.test_support_api import TestSupportApi

pytest_plugins = [
    "harness.options",
    "harness.xdist",
    "harness.servers",
    "harness.capabilities",
    "harness.evidence",
    "harness.browser",
    "harness.verdict",
    "reporting.plugin",
    "steps.navigation_steps",
    "steps.identification_steps",
    "steps.mail_steps",
    "steps.password_steps",
    "steps.time_steps",
]


# One scenario, one browser context (pytest-playwright's `context`), one target session.

@pytest.fixture(scope="session")
def base_url(shared_target) -> str:
    """The target's origin (overrides pytest-playwright's own `base_url`, registered after the plugins)."""
    return shared_target["base_url"]


@pytest.fixture
def test_support(context, base_url):
    return TestSupportApi(context.request, base_url)


@pytest.fixture
def account_provider(test_support, capabilities):
    """Gives the scenario a fresh account in a situation (or staging's), else skips it with the reason."""
    return AccountProvider(test_support, capabilities)


@pytest.fixture
def account_record(test_support, capabilities, account):
    """The scenario's account as the target stores it."""
    skip_without(capabilities.accounts, "accounts")
    return AccountRecord(test_support, account.nir)


@pytest.fixture
def captcha(test_support, capabilities):
    """The characters the scenario's page shows now."""
    if capabilities.captcha:
        return CaptchaAnswers(test_support.captcha_answer)
    skip_without(capabilities.fixed_captcha_answer, "captcha")
    return CaptchaAnswers(lambda: capabilities.fixed_captcha_answer)


@pytest.fixture
def target_time(capabilities, test_support):
    """The target's time for this session (Europe/Paris)."""
    return TargetTime(test_support if capabilities.clock else None)


@pytest.fixture
def scenario_clock(test_support, page, capabilities):
    skip_without(capabilities.clock, "clock")
    return ScenarioClock(test_support, page)


@pytest.fixture(autouse=True)
def _frozen_time_for_time_rules(request):
    """Scenarios tagged @horloge freeze their session's clock before the journey starts."""
    if request.node.get_closest_marker("horloge"):
        request.getfixturevalue("scenario_clock").freeze()


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
def journey(home_page, login_page, forgot_password_page, captcha):
    return ForgotPasswordJourney(home_page, login_page, forgot_password_page, captcha.current)
