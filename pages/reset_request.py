"""The journey of guide steps 0 to 3, from the home page to « Recevoir le mail »."""

from collections.abc import Callable
from dataclasses import dataclass

from contract import wording
from pages.common import expect_alert
from pages.forgot_password_page import ForgotPasswordPage, ScriptSender, SiteAnswer
from pages.home_page import HomePage
from pages.login_page import LoginPage


def as_shown(characters: str) -> str:
    return characters


@dataclass(frozen=True)
class SentForm:
    nir: str
    birth_date: str
    characters_shown: str
    image_drawn: str  # the captcha image's pixels


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

    def request_renewal(self, account, typed: Callable[[str], str] = as_shown,
                        nir_written: Callable[[str], str] = as_shown) -> None:
        """Everything a person does to click « Recevoir le mail » (`account`: its nir and birth_date_text);
        `typed` makes what the person types of the characters shown (right, by default), `nir_written`
        how they write the NIR (as stored, by default)."""
        self._fill_form(account, typed, nir_written)
        self.forgot_password.send()

    def request_renewal_typing(self, nir: str, birth_date: str, characters: Callable[[str], str],
                               before_send: Callable[[], object] | None = None) -> SentForm:
        """The form filled as given (`characters` makes what is typed of those shown), then « Recevoir le mail »,
        after `before_send` (time passing) if any; returns what was typed and shown."""
        self.open_forgot_password_page()
        self.forgot_password.fill_identity(nir, birth_date)
        shown, drawn = self.captcha_answer(), self.forgot_password.drawn_image()
        self.forgot_password.copy_characters(characters(shown))
        if before_send:
            before_send()
        self.forgot_password.send()
        return SentForm(nir, birth_date, shown, drawn)

    def expect_new_characters_after(self, refused: SentForm, account) -> None:
        """After a refusal: another image is shown, and the refused request's characters, typed again with
        the account's own identity, are refused as not copied right."""
        self.forgot_password.expect_other_image_than(refused.image_drawn, "le refus de la demande")
        self.forgot_password.fill_identity(account.nir, account.birth_date_text)
        self.forgot_password.copy_characters(refused.characters_shown)
        self.forgot_password.send()
        expect_alert(self.forgot_password.page, wording.CAPTCHA_WRONG)

    def back_and_send_again(self, account, characters_typed_before: Callable[[], str]) -> None:
        """Back to the form just sent (from the browser's cache or fetched again), filled as it was sent,
        and « Recevoir le mail » once more."""
        self.forgot_password.expect_answered("l'envoi du formulaire")
        self.forgot_password.page.go_back()
        self.forgot_password.fill_identity(account.nir, account.birth_date_text)
        self.forgot_password.copy_characters(characters_typed_before())
        self.forgot_password.send()

    def request_renewal_by_double_click(self, account) -> None:
        self._fill_form(account, as_shown)
        self.forgot_password.send_by_double_click()

    def request_renewal_answered(self, account) -> SiteAnswer:
        """The same request; the site's answer to « Recevoir le mail », timed from the click."""
        self._fill_form(account, as_shown)
        return self.forgot_password.send_and_time()

    def request_renewal_with_forged_header(self, account, header: str, script: ScriptSender) -> None:
        """The same request, sent by `script` with a forged `header` (Host, X-Forwarded-Host), as an attacker
        would."""
        self._fill_form(account, as_shown)
        self.forgot_password.send_with_forged_header(header, script)

    def _fill_form(self, account, typed: Callable[[str], str], nir_written: Callable[[str], str] = as_shown) -> None:
        self.open_forgot_password_page()
        self.forgot_password.fill_identity(nir_written(account.nir), account.birth_date_text)
        self.forgot_password.copy_characters(typed(self.captcha_answer()))
