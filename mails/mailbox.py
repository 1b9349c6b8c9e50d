"""The one place in the suite that waits on mail: `poll` looks into Mailpit again and again
until a deadline, with a short pause between looks; `wait_for_mails`, `assert_no_mail` and the
end of the run's second look (harness/mail_ledger.py) all go through it."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from mails.mail import Mail, summary_line
from mails.mailpit_client import MailpitClient

T = TypeVar("T")

DEFAULT_MAIL_TIMEOUT_SECONDS = 10.0
DEFAULT_QUIET_WINDOW_SECONDS = 2.0
# Short enough that a mail is seen within a tenth of a second of its arrival; one search per look.
POLL_INTERVAL_SECONDS = 0.05


class Mailbox(MailpitClient):
    def __init__(self, url: str, timeout: float = DEFAULT_MAIL_TIMEOUT_SECONDS,
                 poll_interval: float = POLL_INTERVAL_SECONDS, quiet_window: float = DEFAULT_QUIET_WINDOW_SECONDS):
        super().__init__(url)
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.quiet_window = quiet_window

    def poll(self, look: Callable[[], T | None], deadline: float) -> T | None:
        """Call `look` until it finds something (returned) or the monotonic `deadline` passes (None)."""
        while True:
            found = look()
            remaining = deadline - time.monotonic()
            if found or remaining <= 0:
                return found or None
            time.sleep(min(self.poll_interval, remaining))  # bounded poll

    def wait_for_mail(self, to: str, subject: str | None = None, since: datetime | None = None) -> Mail:
        """The newest mail to exactly `to` (with this subject, received at or after `since`)."""
        return self.wait_for_mails(to, subject, since)[-1]

    def wait_for_mails(self, to: str, subject: str | None = None, since: datetime | None = None,
                       count: int = 1) -> list[Mail]:
        """Every mail to exactly `to` (…), oldest first, once at least `count` have come."""
        def enough() -> list[dict] | None:
            found = self._summaries(to, subject, since)
            return found if len(found) >= count else None

        found = self.poll(enough, time.monotonic() + self.timeout)
        if found is None:
            raise AssertionError(self._nothing_arrived(to, subject, since, count))
        return [self._read(summary) for summary in reversed(found)]

    def assert_no_mail(
        self, to: str, subject: str | None = None, since: datetime | None = None, window: float | None = None
    ) -> None:
        """Fails at the first mail to exactly `to` seen during the window (default `quiet_window`; 0: one look)."""
        window = self.quiet_window if window is None else window
        found = self.poll(lambda: self._summaries(to, subject, since), time.monotonic() + window)
        if found:
            mail = self._read(found[0])
            asked = f" « {subject} »" if subject else ""
            raise AssertionError(
                f"Aucun mail{asked} n'était attendu pour {to}{self._since_text(since)}, "
                f"mais Mailpit ({self.url}) en a reçu {len(found)} ; le plus récent : {mail.describe()}"
            )

    def _nothing_arrived(self, to: str, subject: str | None, since: datetime | None, count: int = 1) -> str:
        """Why the wait failed, told apart: too slow (what was awaited came, after the deadline) or wrong
        (nothing came, or what came is not what was awaited)."""
        asked = f" « {subject} »" if subject else ""
        arrived = self._summaries(to, subject, since)
        if len(arrived) >= count:
            newest = arrived[0]
            return (f"Trop lent : le mail{asked} attendu pour {to} est arrivé après le délai de {self.timeout:g} s "
                    f"(reçu le {newest['Created']}, id {newest['ID']}, Mailpit {self.endpoint.shown}). Ce n'est pas "
                    "un mauvais mail mais une attente trop courte pour cette cible : --slow-target ou --mail-timeout.")
        wanted = f"Aucun mail{asked}" if not arrived else f"{len(arrived)} mail(s){asked} sur les {count} attendus"
        lines = [f"{wanted} pour {to}{self._since_text(since)} reçu en {self.timeout:g} s (Mailpit {self.url})."]
        for_address = self._summaries(to, None, None)
        if for_address:
            lines.append("Reçus pour cette adresse :")
            lines.extend(summary_line(summary) for summary in for_address)
        else:
            lines.append("Reçus pour cette adresse : aucun mail.")
        lines.extend(self._latest_elsewhere(to))
        return "\n".join(lines)
