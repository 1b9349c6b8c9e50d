"""What a scenario gets: its pages, its account, its inbox, its clock, its captcha answer.

The plumbing (options, servers, xdist, skips, evidence, browser, verdict) is in harness/,
registered here by name; the step definitions are in steps/. See README, « What is where ».
"""

import pytest

from mails.inbox import LEDGER_PROPERTY, PersonInbox
from pages.device import Device
from pages.mail_view import MailInBrowser
from site_under_test.accounts import VALIDATED_ADDRESS, AccountProvider
from site_under_test.capabilities import skip_without
from site_under_test.captcha import CaptchaAnswers
from site_under_test.passwords import NewPassword
from site_under_test.scenario_time import ScenarioClock, TargetTime
from site_under_test.support_api import SupportApiClient

pytest_plugins = [
    "harness.xdist",
    "harness.access",
    "harness.waits",
    "harness.contexts",
    "harness.servers",
    "harness.outage",
    "harness.scenario_site",
    "harness.fault_matrix",
    "harness.capability_fixtures",
    "harness.scenario_mailbox",
    "harness.browser",
    "compat.pytest_playwright",
    "harness.verdict",
    "harness.mail_ledger",
    "reporting.plugin",
    "steps.navigation_steps",
    "steps.identification_steps",
    "steps.mail_steps",
    "steps.password_steps",
    "steps.time_steps",
    "steps.security_steps",
    "steps.accessibility_steps",
    "steps.outage_steps",

    "steps.outcome_steps",

    "steps.refusal_steps",

    "steps.link_secret_steps",
]

# People often read the mail on their phone (contract 1.1).
PHONE_MODEL = "Pixel 7"


# One scenario, one browser context (pytest-playwright's `context`), one target session.

@pytest.fixture(scope="session")
def base_url(shared_target) -> str:
    """The target's origin (overrides pytest-playwright's own `base_url`, registered after the plugins).
    A scenario reads `site_url` (harness/outage.py): this origin, or its own site for @panne-messagerie."""
    return shared_target.site.url


@pytest.fixture
def test_support(context, site_url):
    return SupportApiClient(context.request, site_url)


@pytest.fixture
def account_provider(test_support, capabilities, mailbox):
    """Gives the scenario a fresh account in a situation (or staging's), else skips it with the reason."""
    return AccountProvider(test_support, capabilities, mails_from=lambda address: PersonInbox.watermark(mailbox, address))


@pytest.fixture
def another_account(account_provider):
    """Another insured person, on the same computer."""
    return account_provider.account(VALIDATED_ADDRESS)


@pytest.fixture
def captcha(test_support, capabilities):
    """The characters the scenario's page shows now."""
    return captcha_answers(test_support, capabilities)


def captcha_answers(test_support: SupportApiClient, capabilities) -> CaptchaAnswers:
    if capabilities.captcha:
        return CaptchaAnswers(test_support.captcha_answer)
    skip_without(capabilities.fixed_captcha_answer, "captcha")
    return CaptchaAnswers(lambda: capabilities.fixed_captcha_answer, fixed=True)


def captcha_read_when_needed(request):
    """The characters shown, asked for only when typed: a page that never needs them
    runs also on a target that cannot give them."""
    return lambda: request.getfixturevalue("captcha").current()


@pytest.fixture
def heard_sounds():
    """The audio of the characters, each time the person listened."""
    return []


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
def inbox(mailbox, account, request):
    person_inbox = PersonInbox(mailbox, account.email, started=account.mails_from)
    yield person_inbox
    # The end of the run looks again for late mails, then deletes the passed scenarios' mails.
    request.node.user_properties.append((LEDGER_PROPERTY, person_inbox.ledger_entry()))


@pytest.fixture
def mail_in_browser(mailbox, site_url) -> MailInBrowser:
    """The scenario's mails, opened in a browser as the person opens them; their links must lead to the site."""
    return MailInBrowser(mailbox.url, site_url, mailbox.endpoint.authorization())


@pytest.fixture
def mail_scanner(playwright, site_http_credentials):
    """An HTTP client of its own, as an antivirus or a mail provider's link checker is (through the site's
    fence, if it has one)."""
    fence = {"http_credentials": site_http_credentials} if site_http_credentials else {}
    scanner = playwright.request.new_context(**fence)
    yield scanner
    scanner.dispose()


@pytest.fixture
def new_password(account, target_time):
    return NewPassword(account, target_time)


# The person's browsers: the computer that asked for the mail, another tab, the phone.

@pytest.fixture
def computer(page, site_url, request):
    return Device(page, site_url, captcha_read_when_needed(request))


@pytest.fixture
def second_tab(context, site_url, request):
    """Another tab of the same browser: the same session, the same cookies."""
    return Device(context.new_page(), site_url, captcha_read_when_needed(request))


@pytest.fixture
def phone(new_context, playwright, browser_context_args, site_url, capabilities):
    """The person's phone: another browser context, none of the computer's cookies, a session of its own. Made by
    pytest-playwright's new_context, so that a failure keeps its trace and screenshot too (and closed by it);
    what the run's --device already sets is the run's."""
    phone_options = {name: value for name, value in playwright.devices[PHONE_MODEL].items()
                     if name not in browser_context_args}
    context = new_context(**phone_options)
    answers = captcha_answers(SupportApiClient(context.request, site_url), capabilities)
    return Device(context.new_page(), site_url, answers.current)


@pytest.fixture
def other_browser(new_context, site_url, request):
    """A browser of the person's own, without this scenario's cookies: where a login shows the account page's address."""
    return Device(new_context().new_page(), site_url, captcha_read_when_needed(request))


@pytest.fixture
def home_page(computer):
    return computer.home


@pytest.fixture
def login_page(computer):
    return computer.login


@pytest.fixture
def forgot_password_page(computer):
    return computer.forgot_password


@pytest.fixture
def renewal_page(computer):
    return computer.renewal


@pytest.fixture
def journey(computer):
    return computer.journey
