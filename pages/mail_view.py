"""The mail as the person sees it: its HTML shown in the browser by Mailpit (/view/{id}.html)."""

from playwright.sync_api import Locator, Page


class MailView:
    def __init__(self, page: Page, mailpit_url: str):
        self.page = page
        self.mailpit_url = mailpit_url.rstrip("/")

    def show(self, mail_id: str) -> None:
        self.page.goto(f"{self.mailpit_url}/view/{mail_id}.html")

    def text(self) -> str:
        """The mail's words as shown: rendered, without markup."""
        return self.page.locator("body").inner_text()

    def link(self, name: str) -> Locator:
        return self.page.get_by_role("link", name=name, exact=True)

    def link_address(self, name: str) -> str:
        """Where the link of that name leads, read as the browser shows it."""
        return self.link(name).get_attribute("href") or ""

    def click(self, name: str) -> None:
        """Click the link as a person does, and wait for the page it opens."""
        self.link(name).click()
        self.page.wait_for_load_state()
