"""Guide step 5: the renewal page, reached by the mail's link."""

import time

from playwright.sync_api import Page, expect

from contract import wording
from pages.common import (
    alert,
    expect_alert,
    expect_heading,
    expect_masked,
    expect_not_written_back,
)
from pages.forgot_password_page import SiteAnswer


class RenewalPage:
    """Guide step 5, reached by the mail's link: the new password, twice."""

    def __init__(self, page: Page):
        self.page = page
        self.new_password = page.get_by_label(wording.NEW_PASSWORD_FIELD, exact=True)
        self.confirmation = page.get_by_label(wording.CONFIRM_PASSWORD_FIELD, exact=True)
        self.validate_button = page.get_by_role("button", name=wording.VALIDATE_PASSWORD_BUTTON, exact=True)
        self.rules = page.get_by_role("list").filter(has_text=wording.PASSWORD_RULES[0]).get_by_role("listitem")
        self.restart_link = page.get_by_role("link", name=wording.FORGOT_PASSWORD_LINK, exact=True)

    def expect_shown(self) -> None:
        expect_heading(self.page, wording.RENEWAL_HEADING)
        expect(self.new_password).to_be_visible()

    def open_address(self, address: str) -> SiteAnswer:
        """A link typed or pasted in the address bar; the site's answer to it."""
        started = time.monotonic()
        answer = self.page.goto(address)
        return SiteAnswer(address, answer.status if answer else 0, time.monotonic() - started)

    def back_offers_the_form(self) -> bool:
        """Back to the page before; whether it offers the password form again (a browser may show it from its
        cache, or fetch it again)."""
        self.page.go_back()
        return self.new_password.count() > 0

    def expect_rules(self, rules: list[str]) -> None:
        expect(self.rules, f"Les règles du mot de passe attendues sur {self.page.url}").to_have_text(rules)

    def choose(self, password: str, confirmation: str | None = None) -> None:
        self.new_password.fill(password)
        self.confirmation.fill(password if confirmation is None else confirmation)
        self.validate_button.click()

    def expect_passwords_masked(self) -> None:
        expect_masked(self.new_password, wording.NEW_PASSWORD_FIELD)
        expect_masked(self.confirmation, wording.CONFIRM_PASSWORD_FIELD)

    def expect_not_written_back(self, password: str) -> None:
        expect_not_written_back(self.page, {wording.NEW_PASSWORD_FIELD: self.new_password,
                                            wording.CONFIRM_PASSWORD_FIELD: self.confirmation}, password)

    def expect_refused_for(self, broken_rules: list[str]) -> None:
        """One alert naming every broken rule, and no rule that holds."""
        for rule in wording.PASSWORD_RULES:
            if rule in broken_rules:
                expect(alert(self.page), f"La règle « {rule} » devait être signalée").to_contain_text(rule)
            else:
                expect(alert(self.page), f"La règle « {rule} » ne devait pas être signalée").not_to_contain_text(rule)
        expect(self.new_password, "La page du nouveau mot de passe devait rester affichée").to_be_visible()

    def expect_dead_link(self, message: str) -> None:
        """An expired, spent or replaced link: the message, a way to start again, no form."""
        expect_alert(self.page, message)
        expect(self.restart_link, "Un lien « Mot de passe oublié ? » devait permettre de recommencer").to_be_visible()
        expect(self.new_password, "Aucun champ de mot de passe ne devait être proposé").to_have_count(0)

    def submit_together_with(self, other: "RenewalPage", password: str, other_password: str) -> None:
        """Both forms filled, then both sent at once: neither waits for the other's answer."""
        for page, chosen in ((self, password), (other, other_password)):
            page.new_password.fill(chosen)
            page.confirmation.fill(chosen)
        for page in (self, other):
            page.validate_button.click(no_wait_after=True)

    def expect_no_referrer(self) -> None:
        """The page's URL carries the token: the page tells browsers never to send it as a referrer."""
        answer = self.page.request.get(self.page.url, max_redirects=0)
        policy = answer.headers.get("referrer-policy", "")
        # Of a list, browsers apply the last policy they know.
        assert policy.split(",")[-1].strip().lower() == "no-referrer", (
            f"La page de renouvellement ({self.page.url.split('?')[0]}) devait être servie avec "
            f"« Referrer-Policy: no-referrer » ; en-tête reçu : « {policy or 'aucun'} »."
        )

