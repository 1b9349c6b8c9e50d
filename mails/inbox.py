"""The person's own mailbox: the mails sent to their address, and to it alone."""

from datetime import timedelta

from playwright.sync_api import APIRequestContext, Page

from mails.mail import Mail
from mails.mailbox import Mailbox

# Mailpit stamps mails to the microsecond or finer: "newer than the last one seen".
_JUST_AFTER = timedelta(microseconds=1)


class PersonInbox:
    def __init__(self, mailbox: Mailbox, address: str, site_url: str):
        self.mailbox = mailbox
        self.address = address
        self.site_url = site_url
        self.received: list[Mail] = []

    def receive(self, subject: str) -> Mail:
        """Wait for a mail with this subject, newer than every mail already read here."""
        mail = self.mailbox.wait_for_mail(to=self.address, subject=subject, since=self._after_last_read())
        self.received.append(mail)
        return mail

    def expect_nothing_new(self) -> None:
        self.mailbox.assert_no_mail(to=self.address, since=self._after_last_read())

    def newest(self, subject: str) -> Mail:
        return [mail for mail in self.received if mail.subject == subject][-1]

    def previous(self, subject: str) -> Mail:
        return [mail for mail in self.received if mail.subject == subject][-2]

    def search(self, keywords: str) -> list[Mail]:
        """What the person's mail client shows for these keywords, in their mailbox only."""
        return self.mailbox.search(keywords, to=self.address)

    def open_link(self, page: Page, mail: Mail, name: str) -> None:
        self.mailbox.open_link(page, mail, name, expected_origin=self.site_url)

    def _after_last_read(self):
        return self.received[-1].created + _JUST_AFTER if self.received else None

    def link_address(self, page: Page, mail: Mail, name: str) -> str:
        return self.mailbox.link_address(page, mail, name)


def scan_link(scanner: APIRequestContext, address: str) -> None:
    """Open a link the way a mail scanner does: HEAD then GET, with none of the person's cookies."""
    for method in ("HEAD", "GET"):
        answer = scanner.fetch(address, method=method, max_redirects=0)
        assert answer.status < 400, f"{method} {address} par un antivirus : réponse {answer.status} inattendue."
