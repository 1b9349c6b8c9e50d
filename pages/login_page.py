"""Guide step 1: the login page."""

from playwright.sync_api import Page

from pages import wording


class LoginPage:
    """The login page, reached by « Connectez-vous »; guide step 1 starts here."""

    def __init__(self, page: Page):
        self.page = page
        self.nir = page.get_by_label(wording.LOGIN_NIR_FIELD, exact=True)
        self.password = page.get_by_label(wording.LOGIN_PASSWORD_FIELD, exact=True)
        self.login_button = page.get_by_role("button", name=wording.LOGIN_BUTTON, exact=True)
        self.forgot_password_link = page.get_by_role("link", name=wording.FORGOT_PASSWORD_LINK, exact=True)

    def log_in(self, nir: str, password: str) -> None:
        self.nir.fill(nir)
        self.password.fill(password)
        self.login_button.click()

    def go_to_forgot_password(self) -> None:
        self.forgot_password_link.click()
