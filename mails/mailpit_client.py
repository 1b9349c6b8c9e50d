"""Mailpit's HTTP API, as the suite uses it: search, read, delete by ID.

Addresses are matched exactly here, because Mailpit's `to:` search is a substring match
(`a@x.test` finds `ba@x.test` too). A mail is "to" an address when its To header holds it
(what Mailpit's `to:` finds); Cc and Bcc are read into the Mail, not searched.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import datetime

import requests
from mailpit.client.models import Messages

from connection.endpoint import Endpoint
from mails.mail import Mail, collapse_spaces

HTTP_TIMEOUT_SECONDS = 5.0
SEARCH_PAGE_SIZE = 200
OTHER_MAILS_SHOWN = 5


class MailpitError(RuntimeError):
    """Mailpit did not answer, or answered something other than its API."""


def _aware(moment: datetime) -> datetime:
    """A naive datetime is taken as the machine's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _quoted(value: str) -> str:
    # Mailpit's query syntax has no escape for a quote inside a phrase; our own filter is exact anyway.
    return '"' + value.replace('"', " ") + '"'


class MailpitClient:
    def __init__(self, mailpit: Endpoint | str):
        # A guarded Mailpit (basic auth, TLS with a private CA) is reached through its endpoint's client.
        self.endpoint = Endpoint.of(mailpit)
        self.url = self.endpoint.url
        # Every mail read, in order: a failed scenario's report lists them.
        self.read_mails: list[Mail] = []
        self._http = self.endpoint.session()

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
            raise MailpitError(f"Mailpit ({self.endpoint.shown}) n'a pas supprimé les mails {ids} : {response.text!r}")

    def delete_all_to(self, to: str) -> None:
        """Delete the mails to exactly `to`, and no other (ba@x.test survives a@x.test's cleanup)."""
        self.delete([s["ID"] for s in self._search(f"to:{_quoted(to)}") if self._addressed_to(s, to)])

    # --- Mailpit --------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        try:
            response = self._http.request(method, f"{self.url}{path}", timeout=HTTP_TIMEOUT_SECONDS, **kwargs)
        except requests.RequestException as error:
            raise MailpitError(f"Mailpit injoignable à {self.endpoint.shown} ({method} {path}) : {error}") from error
        if response.status_code != 200:
            raise MailpitError(f"Mailpit ({self.endpoint.shown}) a répondu {response.status_code} à {method} {path} : "
                               f"{response.text[:200]!r}")
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
            page = self._call("GET", path, params={**params, "start": len(summaries), "limit": SEARCH_PAGE_SIZE}).json()
            kept = list(itertools.takewhile(keep, page["messages"]))
            summaries.extend(kept)
            if len(kept) < SEARCH_PAGE_SIZE or len(summaries) >= page["messages_count"]:
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
            found = [s for s in found if collapse_spaces(s.get("Subject", "")) == collapse_spaces(subject)]
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
        if mail not in self.read_mails:
            self.read_mails.append(mail)
        return mail

    @staticmethod
    def _since_text(since: datetime | None) -> str:
        return f" depuis {_aware(since).isoformat(timespec='milliseconds')}" if since else ""

    def _latest_elsewhere(self, to: str) -> list[str]:
        """The newest mails of the whole mailbox, to spot a mail sent to a mistyped address."""
        try:
            # mailpit-api-client's models read the listing; the request is ours, through the fence if any
            # (its API class calls httpx with neither credentials nor a CA).
            listing = self._call("GET", "/api/v1/messages", params={"limit": OTHER_MAILS_SHOWN}).text
            latest = Messages.from_json(listing).messages
        except (MailpitError, KeyError, ValueError):
            return []  # only a hint: its absence must not hide the real failure
        others = [m for m in latest if to.lower() not in (c.address.lower() for c in m.to)]
        if not others:
            return []
        return ["Derniers mails de Mailpit pour d'autres adresses :"] + [
            f"  - « {m.subject} » pour {', '.join(c.address for c in m.to)}, reçu le "
            f"{m.created.isoformat(timespec='milliseconds')} (id {m.id})"
            for m in others
        ]
