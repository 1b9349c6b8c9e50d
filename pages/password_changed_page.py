"""Guide step 6: the notice that the new password is saved."""

from playwright.sync_api import Page, expect

from contract import wording
from pages.common import expect_heading


class PasswordChangedPage:
    def __init__(self, page: Page):
        self.page = page
        self.login_link = page.get_by_role("link", name=wording.HOME_LOGIN_LINK, exact=True)

    def expect_shown(self) -> None:
        expect_heading(self.page, wording.DONE_HEADING)
        expect(self.login_link).to_be_visible()
