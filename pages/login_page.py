from playwright.sync_api import Page

from pages import wording
from pages.common import expect_alert, expect_heading


class LoginPage:
    """The login page, reached by « Connectez-vous »; guide step 1 starts here."""

    def __init__(self, page: Page):
        self.page = page
        self.nir = page.get_by_label(wording.LOGIN_NIR_FIELD, exact=True)
        self.password = page.get_by_label(wording.LOGIN_PASSWORD_FIELD, exact=True)
        self.login_button = page.get_by_role("button", name=wording.LOGIN_BUTTON, exact=True)
        self.forgot_password_link = page.get_by_role("link", name=wording.FORGOT_PASSWORD_LINK, exact=True)

    def expect_shown(self) -> None:
        expect_heading(self.page, wording.LOGIN_HEADING)

    def log_in(self, nir: str, password: str) -> None:
        self.nir.fill(nir)
        self.password.fill(password)
        self.login_button.click()

    def expect_logged_in(self) -> None:
        expect_heading(self.page, wording.ACCOUNT_HEADING)

    def expect_refused(self) -> None:
        expect_alert(self.page, wording.LOGIN_REFUSED)

    def go_to_forgot_password(self) -> None:
        self.forgot_password_link.click()
