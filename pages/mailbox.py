"""The mails of the journey, read from Mailpit (a real one, or the embedded catcher).

This is the one place in the project that waits on mail: `wait_for_mail` and
`assert_no_mail` poll Mailpit within a deadline. Addresses are matched exactly
here, because Mailpit's `to:` search is a substring match (`a@x.test` finds
`ba@x.test` too). A mail is "to" an address when its To header holds it (what
Mailpit's `to:` finds); Cc and Bcc are read into the Mail, not searched.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TypeVar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import httpx
import requests
from mailpit.client.api import API
from playwright.sync_api import Locator, Page

_HTTP_TIMEOUT = 5.0
_SEARCH_PAGE = 200
_OTHER_MAILS_SHOWN = 5


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


class MailpitError(RuntimeError):
    """Mailpit did not answer, or answered something other than its API."""


@dataclass(frozen=True)
class Mail:
    id: str
    subject: str
    sender_name: str
    sender_address: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    text: str
    html: str
    headers: dict[str, list[str]] = field(hash=False)
    date: datetime
    created: datetime

    @property
    def recipients(self) -> tuple[str, ...]:
        return self.to + self.cc + self.bcc

    def describe(self) -> str:
        return (
            f"« {self.subject} » pour {', '.join(self.recipients) or '(aucun destinataire)'}, "
            f"reçu le {self.created.isoformat(timespec='milliseconds')} (id {self.id})"
        )


T = TypeVar("T")


def enough(found: list, count: int) -> list | None:
    return found if len(found) >= count else None


def same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _aware(moment: datetime) -> datetime:
    """A naive datetime is taken as the machine's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _quoted(value: str) -> str:
    # Mailpit's query syntax has no escape for a quote inside a phrase; our own filter is exact anyway.
    return '"' + value.replace('"', " ") + '"'


class Mailbox:
    def __init__(self, url: str, timeout: float = 10.0, poll_interval: float = 0.25, quiet_window: float = 2.0):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.quiet_window = quiet_window
        self.last_mail: Mail | None = None
        self._api = API(self.url, timeout=_HTTP_TIMEOUT)

    # --- waiting: the only place ---------------------------------------------------------------

    def wait_for_mail(self, to: str, subject: str | None = None, since: datetime | None = None) -> Mail:
        """The newest mail to exactly `to` (with this subject, received at or after `since`)."""
        return self.wait_for_mails(to, subject, since)[-1]

    def wait_for_mails(self, to: str, subject: str | None = None, since: datetime | None = None,
                       count: int = 1) -> list[Mail]:
        """Every mail to exactly `to` (…), oldest first, once at least `count` have come."""
        found = self.poll(lambda: enough(self._summaries(to, subject, since), count), time.monotonic() + self.timeout)
        if found is None:
            arrived = len(self._summaries(to, subject, since))
            raise AssertionError(self._nothing_arrived(to, subject, since, count, arrived))
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

    def poll(self, look: Callable[[], T | None], deadline: float) -> T | None:
        """Look until `look` finds something (returned) or the deadline passes (None); at least once."""
        while True:
            found = look()
            if found:
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            time.sleep(min(self.poll_interval, remaining))  # bounded poll

    # --- reading -------------------------------------------------------------------------------

    def mails_to(self, to: str, since: datetime | None = None) -> list[Mail]:
        """Every mail to exactly `to`, newest first."""
        return [self._read(summary) for summary in self._summaries(to, None, since)]

    def search(self, keywords: str, to: str | None = None) -> list[Mail]:
        """What Mailpit's search finds for these keywords, newest first; only mails to exactly `to` if given."""
        query = f"{keywords} to:{_quoted(to)}" if to else keywords
        summaries = self._search(query)
        if to:
            summaries = [s for s in summaries if self._addressed_to(s, to)]
        return [self._read(summary) for summary in summaries]

    def open_link(self, page: Page, mail: Mail, name: str, expected_origin: str | None = None) -> None:
        """Show the mail's HTML in the browser and click the link named `name`, as a person does.

        With `expected_origin`, a link to another origin is reported as a configuration
        error: the suite was given a base URL that is not the one the site writes.
        """
        link = self._shown_link(page, mail, name)
        if expected_origin:
            href = link.get_attribute("href") or ""
            if _origin(href) != _origin(expected_origin):
                raise AssertionError(
                    f"Erreur de configuration : le lien « {name} » du mail {mail.id} mène à {href}, "
                    f"mais la suite teste le site {expected_origin}. Donnez à --base-url l'origine que "
                    f"le site écrit dans ses mails."
                )
        link.click()
        page.wait_for_load_state()

    def link_address(self, page: Page, mail: Mail, name: str) -> str:
        """Where the link of that name in the mail's HTML leads, read as the browser shows it."""
        return self._shown_link(page, mail, name).get_attribute("href") or ""

    def shown_text(self, page: Page, mail: Mail) -> str:
        """The words of the mail's HTML version as a person reads them: rendered, without tags."""
        self._show(page, mail)
        return page.locator("body").inner_text()

    def _shown_link(self, page: Page, mail: Mail, name: str) -> Locator:
        self._show(page, mail)
        return page.get_by_role("link", name=name, exact=True)

    def _show(self, page: Page, mail: Mail) -> None:
        page.goto(f"{self.url}/view/{mail.id}.html")

    # --- cleaning up: by ID only, never the whole mailbox -----------------------------------

    def delete(self, mails_or_ids: Mail | str | Iterable[Mail | str]) -> None:
        items = [mails_or_ids] if isinstance(mails_or_ids, (Mail, str)) else list(mails_or_ids)
        ids = [item.id if isinstance(item, Mail) else item for item in items]
        if not ids:
            return  # Mailpit deletes every message when given no IDs
        # Not API.delete_messages(): it sends the IDs as form data, which Mailpit cannot decode
        # as JSON, and Mailpit then deletes every message. Mailpit wants JSON {"IDs": [...]}.
        response = self._call("DELETE", "/api/v1/messages", json={"IDs": ids})
        if response.text.strip() != "ok":
            raise MailpitError(f"Mailpit ({self.url}) n'a pas supprimé les mails {ids} : {response.text!r}")

    def delete_all_to(self, to: str) -> None:
        """Delete the mails to exactly `to`, and no other (ba@x.test survives a@x.test's cleanup)."""
        self.delete([s["ID"] for s in self._search(f"to:{_quoted(to)}") if self._addressed_to(s, to)])

    # --- Mailpit --------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        try:
            response = requests.request(method, f"{self.url}{path}", timeout=_HTTP_TIMEOUT, **kwargs)
        except requests.RequestException as error:
            raise MailpitError(f"Mailpit injoignable à {self.url} ({method} {path}) : {error}") from error
        if response.status_code != 200:
            raise MailpitError(
                f"Mailpit ({self.url}) a répondu {response.status_code} à {method} {path} : {response.text[:200]!r}"
            )
        return response

    def all_summaries(self, newer_than: datetime) -> list[dict]:
        """The summaries of every message received since `newer_than`, newest first."""
        def new(summary: dict) -> bool:
            return datetime.fromisoformat(summary["Created"]) >= _aware(newer_than)

        return self._pages("/api/v1/messages", {}, keep=new)

    def _search(self, query: str) -> list[dict]:
        return self._pages("/api/v1/search", {"query": query})

    def _pages(self, path: str, params: dict, keep: Callable[[dict], bool] = lambda summary: True) -> list[dict]:
        """The summaries of a listing (messages or search), newest first, page after page
        until one that `keep` refuses (the listing is newest first: the rest is older)."""
        summaries: list[dict] = []
        while True:
            page = self._call("GET", path, params={**params, "start": len(summaries), "limit": _SEARCH_PAGE}).json()
            kept = list(itertools.takewhile(keep, page["messages"]))
            summaries.extend(kept)
            if len(kept) < _SEARCH_PAGE or len(summaries) >= page["messages_count"]:
                return summaries

    @staticmethod
    def _addressed_to(summary: dict, to: str) -> bool:
        wanted = to.strip().lower()
        return any((item.get("Address") or "").lower() == wanted for item in summary.get("To") or [])

    def _summaries(self, to: str, subject: str | None, since: datetime | None) -> list[dict]:
        """Summaries of the mails to exactly `to`, newest first, filtered exactly by our own code."""
        query = f"to:{_quoted(to)}" + (f" subject:{_quoted(subject)}" if subject else "")
        found = [s for s in self._search(query) if self._addressed_to(s, to)]
        if subject is not None:
            found = [s for s in found if same_text(s.get("Subject", ""), subject)]
        if since is not None:
            found = [s for s in found if datetime.fromisoformat(s["Created"]) >= _aware(since)]
        return found

    def _read(self, summary: dict) -> Mail:
        # Not API.get_message(): it raises KeyError 'read' against current Mailpit, whose message
        # has no Read field. Not API.get_message_headers() either: its model requires a
        # Delivered-To header, which mail posted straight to Mailpit does not have.
        message_id = summary["ID"]
        message = self._call("GET", f"/api/v1/message/{message_id}").json()
        headers = self._call("GET", f"/api/v1/message/{message_id}/headers").json()
        sender = message.get("From") or {}

        def addresses(field: str) -> tuple[str, ...]:
            return tuple(item["Address"] for item in message.get(field) or [])

        mail = Mail(
            id=message_id,
            subject=message.get("Subject", ""),
            sender_name=sender.get("Name", ""),
            sender_address=sender.get("Address", ""),
            to=addresses("To"),
            cc=addresses("Cc"),
            bcc=addresses("Bcc"),
            text=message.get("Text", ""),
            html=message.get("HTML", ""),
            headers=headers,
            date=datetime.fromisoformat(message["Date"]),
            created=datetime.fromisoformat(summary["Created"]),
        )
        self.last_mail = mail
        return mail

    # --- failure messages ------------------------------------------------------------------------

    @staticmethod
    def _since_text(since: datetime | None) -> str:
        return f" depuis {_aware(since).isoformat(timespec='milliseconds')}" if since else ""

    def _nothing_arrived(self, to: str, subject: str | None, since: datetime | None, count: int = 1,
                         arrived: int = 0) -> str:
        asked = f" « {subject} »" if subject else ""
        wanted = f"Aucun mail{asked}" if count == 1 else f"{arrived} mail(s){asked} sur les {count} attendus"
        lines = [f"{wanted} pour {to}{self._since_text(since)} reçu(s) en {self.timeout:g} s (Mailpit {self.url})."]
        for_address = self._summaries(to, None, None)
        if for_address:
            lines.append("Reçus pour cette adresse :")
            lines.extend(
                f"  - « {s.get('Subject', '')} », reçu le {s['Created']} (id {s['ID']})" for s in for_address
            )
        else:
            lines.append("Reçus pour cette adresse : aucun mail.")
        lines.extend(self._latest_elsewhere(to))
        return "\n".join(lines)

    def _latest_elsewhere(self, to: str) -> list[str]:
        """The newest mails of the whole mailbox, to spot a mail sent to a mistyped address."""
        try:
            latest = self._api.get_messages(limit=_OTHER_MAILS_SHOWN).messages
        except (httpx.HTTPError, KeyError, ValueError):
            return []  # only a hint: its absence must not hide the real failure
        others = [m for m in latest if to.lower() not in (c.address.lower() for c in m.to)]
        if not others:
            return []
        return ["Derniers mails de Mailpit pour d'autres adresses :"] + [
            f"  - « {m.subject} » pour {', '.join(c.address for c in m.to)}, reçu le "
            f"{m.created.isoformat(timespec='milliseconds')} (id {m.id})"
            for m in others
        ]
