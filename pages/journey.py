"""The journey of guide steps 0 to 3, from the home page to « Recevoir le mail »."""

from collections.abc import Callable

from pages.forgot_password_page import ForgotPasswordPage
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

    def request_renewal(self, account) -> None:
        """Everything a person does to click « Recevoir le mail », done right (`account`: its nir and birth_date_text)."""
        self.open_forgot_password_page()
        self.forgot_password.fill_identity(account.nir, account.birth_date_text)
        self.forgot_password.copy_characters(self.captcha_answer())
        self.forgot_password.send()
