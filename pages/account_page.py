"""The account page, « Mon compte ameli »: where a login lands, and what a browser without a login may not see."""

from playwright.sync_api import Page, expect

from contract import wording


class AccountPage:
    """The account page. Its address is learnt where a login lands (the contract names no path)."""

    def __init__(self, page: Page):
        self.page = page

    def expect_shown(self, why: str) -> str:
        """The account page is shown; returns its address."""
        heading = self.page.get_by_role("heading", name=wording.ACCOUNT_HEADING, exact=True)
        expect(heading, f"{why} : titre « {wording.ACCOUNT_HEADING} » attendu sur {self.page.url}").to_be_visible()
        return self.page.url

    def expect_refused_at(self, url: str) -> None:
        """This browser's session is not logged in: the account page, opened in a new tab, is not shown.
        A tab of its own, so that the page in front of the person stays as it is."""
        tab = self.page.context.new_page()
        try:
            answer = tab.goto(url)
            status = answer.status if answer else None
            assert status is None or status < 500, (
                f"La page du compte ({url}) devait refuser ce navigateur non connecté ; le site a répondu "
                f"par une erreur du serveur (HTTP {status})."
            )
            # Every page of the journey has one h1 (contract, accessibility): once it shows, the page is there.
            expect(tab.get_by_role("heading", level=1), f"Une page attendue à l'adresse {url}").to_be_visible()
            account_heading = tab.get_by_role("heading", name=wording.ACCOUNT_HEADING, exact=True)
            expect(account_heading, f"Ce navigateur ne devait pas être connecté : la page du compte ({url}) "
                                    f"s'y affiche pourtant, à l'adresse {tab.url}").to_have_count(0)
        finally:
            tab.close()
