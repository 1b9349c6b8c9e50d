"""The journey of guide steps 0 to 3, from the home page to « Recevoir le mail »."""

from collections.abc import Callable

from pages.accounts import Account
from pages.forgot_password_page import ForgotPasswordPage, wrong_characters
from pages.home_page import HomePage
from pages.login_page import LoginPage


class ForgotPasswordJourney:
    def __init__(self, home: HomePage, login: LoginPage, forgot_password: ForgotPasswordPage,
                 captcha_answer: Callable[[], str]):
        self.home = home
        self.login = login
        self.forgot_password = forgot_password
        self.captcha_answer = captcha_answer

    def open_forgot_password_page(self) -> None:
        self.home.open()
        self.home.go_to_login()
        self.login.go_to_forgot_password()
        self.forgot_password.expect_shown()

    def request_renewal(self, account: Account, characters_right: bool = True) -> None:
        """Everything a person does to click « Recevoir le mail », done right (or with wrong characters)."""
        self._fill_form(account, characters_right)
        self.forgot_password.send()

    def request_renewal_with_forged_header(self, account: Account, header: str) -> None:
        """The same request, sent with a forged `header` (Host, X-Forwarded-Host), as an attacker would."""
        self._fill_form(account, characters_right=True)
        self.forgot_password.send_with_forged_header(header)

    def _fill_form(self, account: Account, characters_right: bool) -> None:
        self.open_forgot_password_page()
        self.forgot_password.fill_identity(account.nir, account.birth_date_text)
        answer = self.captcha_answer()
        self.forgot_password.copy_characters(answer if characters_right else wrong_characters(answer))
