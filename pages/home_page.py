"""Guide step 0: the home page."""

from playwright.sync_api import Page

from contract import wording


class HomePage:
    """Guide step 0: ameli.fr, where the person finds « Connectez-vous »."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.login_link = page.get_by_role("link", name=wording.HOME_LOGIN_LINK, exact=True)

    def open(self) -> None:
        # The suite enters the target only through "/" and the links it finds.
        self.page.goto(f"{self.base_url}/")

    def go_to_login(self) -> None:
        self.login_link.click()
