"""The person's own mailbox: the mails sent to their address, and to it alone.

Every mail the scenario takes is checked to be the only new one of its kind,
and what the scenario saw is written down (`ledger_entry`), so that the end of
the run can look again, once late mails have had time to come, for one it did
not expect (see harness/mail_ledger.py).
"""

from datetime import datetime, timedelta

from playwright.sync_api import APIRequestContext

from mails.mail import Mail
from mails.mailbox import Mailbox

# The name under which a scenario's report carries its ledger entry.
LEDGER_PROPERTY = "mail_ledger"
# Mailpit stamps mails to the microsecond or finer: "newer than the last one seen".
_JUST_AFTER = timedelta(microseconds=1)


class PersonInbox:
    def __init__(self, mailbox: Mailbox, address: str, started: datetime | None = None):
        self.mailbox = mailbox
        self.address = address
        self.received: list[Mail] = []
        self.subjects_taken: set[str | None] = set()
        self.silence_promised = False
        self.silent_since: datetime | None = None
        # Mails already there when the scenario began are not its own (a staging account's address is reused).
        self.started = started

    @staticmethod
    def watermark(mailbox: Mailbox, address: str) -> datetime | None:
        """Just after the newest mail to `address` now: the start of a scenario's own mails."""
        older = mailbox.mails_to(address)
        return older[0].created + _JUST_AFTER if older else None

    def receive(self, subject: str | None = None) -> Mail:
        """The one new mail (with this subject), newer than every mail already read here."""
        return self.receive_each(subject, 1)[0]

    def receive_each(self, subject: str | None, count: int) -> list[Mail]:
        """Exactly `count` new mails (with this subject), oldest first; more is a failure that lists them."""
        self.subjects_taken.add(subject)
        mails = self.mailbox.wait_for_mails(self.address, subject, self._after_last_read(), count)
        asked = f" « {subject} »" if subject else ""
        assert len(mails) == count, (
            f"{count} nouveau(x) mail(s){asked} attendu(s) pour {self.address} ; Mailpit ({self.mailbox.url}) "
            f"en a reçu {len(mails)} :\n" + "\n".join(f"  - {mail.describe()}" for mail in mails)
        )
        self.received.extend(mails)
        return mails

    def expect_nothing_new(self) -> None:
        """No mail now; the end of the run looks again for one that comes late."""
        since = self._after_last_read()
        if not self.silence_promised:
            self.silence_promised, self.silent_since = True, since
        self.mailbox.assert_no_mail(to=self.address, since=since, window=0)

    def newest(self, subject: str) -> Mail:
        return [mail for mail in self.received if mail.subject == subject][-1]

    def previous(self, subject: str) -> Mail:
        return [mail for mail in self.received if mail.subject == subject][-2]

    def search(self, keywords: str) -> list[Mail]:
        """What the person's mail client shows for these keywords, in their mailbox only."""
        return self.mailbox.search(keywords, to=self.address)

    def ledger_entry(self) -> dict:
        """What this scenario saw and promised, for the end of the run (plain data: xdist carries it)."""
        def moment(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "mailpit": self.mailbox.url,
            "address": self.address,
            "since": moment(self.started),
            "seen": [mail.id for mail in self.received],
            "subjects": sorted(subject or "" for subject in self.subjects_taken),
            "silence": {"since": moment(self.silent_since)} if self.silence_promised else None,
        }

    def _after_last_read(self) -> datetime | None:
        return self.received[-1].created + _JUST_AFTER if self.received else self.started


def scan_link(scanner: APIRequestContext, address: str) -> None:
    """Open a link the way a mail scanner does: HEAD then GET, with none of the person's cookies."""
    for method in ("HEAD", "GET"):
        answer = scanner.fetch(address, method=method, max_redirects=0)
        assert answer.status < 400, f"{method} {address} par un antivirus : réponse {answer.status} inattendue."
