"""One of the person's browsers (their computer, their phone, another tab): its pages."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from pages import wording
from pages.common import alert
from pages.forgot_password_page import ForgotPasswordPage
from pages.home_page import HomePage
from pages.journey import ForgotPasswordJourney
from pages.login_page import LoginPage
from pages.password_changed_page import PasswordChangedPage
from pages.renewal_page import RenewalPage


class Device:
    def __init__(self, page: Page, base_url: str, captcha_answer: Callable[[], str]):
        self.page = page
        self.home = HomePage(page, base_url)
        self.login = LoginPage(page)
        self.forgot_password = ForgotPasswordPage(page)
        self.renewal = RenewalPage(page)
        self.password_changed = PasswordChangedPage(page)
        self.journey = ForgotPasswordJourney(self.home, self.login, self.forgot_password, captcha_answer)

    def log_in(self, nir: str, password: str) -> None:
        """From the home page, as a person does: « Connectez-vous », then the form."""
        self.home.open()
        self.home.go_to_login()
        self.login.log_in(nir, password)

    def expect_not_logged_in(self) -> None:
        account_heading = self.page.get_by_role("heading", name=wording.ACCOUNT_HEADING, exact=True)
        expect(account_heading, f"L'assuré ne devait pas être connecté à son compte ({self.page.url})").to_have_count(0)


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
