"""One of the person's browsers (their computer, their phone, another tab): its pages."""

from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, Request, expect

from contract import wording
from pages.account_page import AccountPage
from pages.common import alert
from pages.forgot_password_page import ForgotPasswordPage
from pages.home_page import HomePage
from pages.login_page import LoginPage
from pages.password_changed_page import PasswordChangedPage
from pages.renewal_page import RenewalPage
from pages.reset_request import ForgotPasswordJourney


class Device:
    def __init__(self, page: Page, base_url: str, captcha_answer: Callable[[], str]):
        self.page = page
        self.home = HomePage(page, base_url)
        self.login = LoginPage(page)
        self.account = AccountPage(page)
        self.forgot_password = ForgotPasswordPage(page)
        self.renewal = RenewalPage(page)
        self.password_changed = PasswordChangedPage(page)
        self.journey = ForgotPasswordJourney(self.home, self.login, self.forgot_password, captcha_answer)
        # Every request the browser sends, from the first page on: a leak shows only in what leaves.
        self.requests_sent: list[Request] = []
        page.context.on("request", lambda request: self.requests_sent.append(request))

    def log_in(self, nir: str, password: str) -> None:
        """From the home page, as a person does: « Connectez-vous », then the form."""
        self.home.open()
        self.home.go_to_login()
        self.login.log_in(nir, password)

    def reload_resubmitting(self) -> None:
        """Reload the page a form answered, once it is there: the browser sends that form once more."""
        self.page.wait_for_load_state()
        self.page.reload()

    def account_page_url(self, nir: str, password: str) -> str:
        """Where a login with this password lands: the account page, whose address the contract does not name."""
        self.log_in(nir, password)
        return self.account.expect_shown(f"Le mot de passe « {password} » devait ouvrir le compte")


    def expect_secret_sent_nowhere_else(self, secret: str, site_url: str) -> None:
        """No request to another origin carries the secret, in its address or in its headers (Referer…)."""
        site = urlsplit(site_url)[:2]
        leaks = [f"{request.method} {request.url}" for request in self.requests_sent
                 if urlsplit(request.url)[:2] != site and urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
                 and any(secret in unquote(text) for text in (request.url, *request.headers.values()))]
        assert not leaks, (
            f"Le secret du lien ({secret}) ne devait partir vers aucun autre site que {site_url} ; "
            f"ces requêtes l'ont emporté : {leaks}"
        )


def expect_only_password_opens(person: Device, other_browser: Device, nir: str, kept: str, refused: list[str]) -> None:
    """What the login page makes of the passwords: the one the site kept opens the account (in another browser,
    where the account page's address is learnt); the person's browser is not logged in for all that; every
    other password the person held or typed is refused."""
    account_url = other_browser.account_page_url(nir, kept)
    person.account.expect_refused_at(account_url)
    for password in refused:
        person.log_in(nir, password)
        person.login.expect_refused(password)


def changed_on_exactly_one(devices: list[Device]) -> Device:
    """Each device shows an answer; exactly one shows the change done. Returns the other."""
    done = []
    for device in devices:
        done_heading = device.page.get_by_role("heading", name=wording.DONE_HEADING, exact=True)
        expect(done_heading.or_(alert(device.page)), f"Une réponse attendue sur {device.page.url}").to_be_visible()
        done.append(done_heading.is_visible())
    assert done.count(True) == 1, (
        f"Un seul appareil devait voir « {wording.DONE_HEADING} » ; "
        f"{done.count(True)} sur {len(devices)} l'ont vu : le même lien a changé le mot de passe "
        f"{done.count(True)} fois."
    )
    return devices[done.index(False)]
