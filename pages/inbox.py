"""The person's own mailbox: the mails sent to their address, and to it alone."""

import re
from datetime import datetime, timedelta

from playwright.sync_api import APIRequestContext, Page

from pages import wording
from pages.mailbox import Mail, Mailbox

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
        """Where the link of that name in the mail's HTML leads, read as the browser shows it."""
        page.goto(f"{self.mailbox.url}/view/{mail.id}.html")
        return page.get_by_role("link", name=name, exact=True).get_attribute("href") or ""


def scan_link(scanner: APIRequestContext, address: str) -> None:
    """Open a link the way a mail scanner does: HEAD then GET, with none of the person's cookies."""
    for method in ("HEAD", "GET"):
        answer = scanner.fetch(address, method=method, max_redirects=0)
        assert answer.status < 400, f"{method} {address} par un antivirus : réponse {answer.status} inattendue."


_CHANGE_MOMENT = re.compile(re.escape(wording.CHANGED_SENTENCE_PREFIX) + r" (\d{2}/\d{2}/\d{4}) à (\d{2}h\d{2})\.")


def stated_change_moment(mail: Mail) -> datetime:
    """The moment that the confirmation mail states, the same in its text and HTML versions."""
    html_words = " ".join(re.sub(r"<[^>]+>", " ", mail.html).split())
    stated = {version: _CHANGE_MOMENT.search(" ".join(content.split()))
              for version, content in (("texte", mail.text), ("HTML", html_words))}
    missing = [version for version, found in stated.items() if not found]
    assert not missing, (
        f"La phrase « {wording.CHANGED_SENTENCE_PREFIX} JJ/MM/AAAA à HHhMM. » manque dans la version "
        f"{' et '.join(missing)} du mail ({mail.describe()})."
    )
    moments = {found.group(1) + " " + found.group(2) for found in stated.values()}
    assert len(moments) == 1, f"Les versions texte et HTML du mail donnent des moments différents : {moments}."
    return datetime.strptime(moments.pop(), "%d/%m/%Y %Hh%M")
