"""Guide step 1: the login page."""

from playwright.sync_api import Page, expect

from contract import wording
from pages.common import alert, expect_masked, expect_not_written_back


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

    def expect_refused(self, password: str) -> None:
        expect(alert(self.page), f"Le mot de passe « {password} » devait être refusé à la connexion "
                                 f"(sur {self.page.url})").to_contain_text(wording.LOGIN_REFUSED)

    def expect_password_masked(self) -> None:
        expect_masked(self.password, wording.LOGIN_PASSWORD_FIELD)

    def expect_not_written_back(self, password: str) -> None:
        expect_not_written_back(self.page, {wording.LOGIN_PASSWORD_FIELD: self.password}, password)

    def go_to_forgot_password(self) -> None:
        self.forgot_password_link.click()
