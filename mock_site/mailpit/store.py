"""The catcher's messages: parsed once on arrival, kept newest first, searched like Mailpit."""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

# Mailpit's IDs are short UUIDs: 22 characters of this base-57 alphabet.
_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_SNIPPET_LENGTH = 250


def new_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(22))


def rfc3339(moment: datetime) -> str:
    """Go's RFC3339Nano as Mailpit writes it: trailing zeros of the fraction dropped, Z for UTC."""
    text = moment.isoformat(timespec="microseconds")
    main, _, rest = text.partition(".")
    fraction, offset = rest[:6].rstrip("0"), rest[6:]
    if offset in ("+00:00", ""):
        offset = "Z"
    return f"{main}.{fraction}{offset}" if fraction else f"{main}{offset}"


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skipped = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self._skipped += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head") and self._skipped:
            self._skipped -= 1

    def handle_data(self, data):
        if not self._skipped:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def _address(name: str, address: str) -> dict[str, str]:
    return {"Name": name, "Address": address}


def _addresses(message: EmailMessage, header: str) -> list[dict[str, str]]:
    """Every address of a header; a header that the stdlib cannot model is read loosely."""
    values = message.get_all(header) or []
    found: list[dict[str, str]] = []
    for value in values:
        try:
            found.extend(
                _address(str(item.display_name), str(item.addr_spec))
                for item in value.addresses
                if isinstance(item, Address)
            )
        except Exception:  # noqa: BLE001 - an unparsable header still shows what it holds, as Mailpit does
            found.extend(_address(name, address) for name, address in getaddresses([str(value)]) if address)
    return found


def _header_text(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # noqa: BLE001 - a header the stdlib cannot decode reads as absent
        return ""
    return "" if value is None else " ".join(str(value).split())


def _part_content(message: EmailMessage, subtype: str) -> str:
    try:
        part = message.get_body(preferencelist=(subtype,))
    except Exception:  # noqa: BLE001 - a MIME structure the stdlib cannot walk has no such part
        return ""
    if part is None or part.get_content_maintype() != "text":
        return ""
    try:
        return part.get_content()
    except Exception:  # noqa: BLE001 - unknown charset or broken transfer encoding: keep what can be read
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def _canonical_header_name(name: str) -> str:
    """The spelling of Go's textproto, which Mailpit's headers endpoint uses: Message-Id, Content-Type."""
    return "-".join(word[:1].upper() + word[1:].lower() for word in name.split("-"))


def _raw_headers(message: EmailMessage) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        text = value if isinstance(value, str) else str(value)
        unfolded = " ".join(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace").split())
        headers.setdefault(_canonical_header_name(name), []).append(unfolded)
    return dict(sorted(headers.items()))


@dataclass
class StoredMessage:
    id: str
    raw: bytes
    created: datetime
    return_path: str
    from_: dict[str, str]
    to: list[dict[str, str]]
    cc: list[dict[str, str]]
    bcc: list[dict[str, str]]
    reply_to: list[dict[str, str]]
    subject: str
    date: datetime
    message_id: str
    text: str
    html: str
    headers: dict[str, list[str]]
    list_unsubscribe: str
    list_unsubscribe_post: str
    read: bool = False
    search_text: str = field(default="", repr=False)

    @property
    def snippet(self) -> str:
        source = self.text if self.text.strip() else html_to_text(self.html)
        return " ".join(source.split())[:_SNIPPET_LENGTH]

    def summary(self) -> dict:
        return {
            "ID": self.id,
            "MessageID": self.message_id,
            "Read": self.read,
            "From": self.from_,
            "To": self.to,
            "Cc": self.cc,
            "Bcc": self.bcc,
            "ReplyTo": self.reply_to,
            "Subject": self.subject,
            "Created": rfc3339(self.created),
            "Username": "",
            "Tags": [],
            "Size": len(self.raw),
            "Attachments": 0,
            "Snippet": self.snippet,
        }

    def details(self) -> dict:
        return {
            "ID": self.id,
            "MessageID": self.message_id,
            "From": self.from_,
            "To": self.to,
            "Cc": self.cc,
            "Bcc": self.bcc,
            "ReplyTo": self.reply_to,
            "ReturnPath": self.return_path,
            "Subject": self.subject,
            "ListUnsubscribe": {
                "Header": self.list_unsubscribe,
                "Links": [],
                "Errors": "",
                "HeaderPost": self.list_unsubscribe_post,
            },
            "Date": rfc3339(self.date),
            "Tags": [],
            "Username": "",
            "Text": self.text,
            "HTML": self.html,
            "Size": len(self.raw),
            "Inline": [],
            "Attachments": [],
        }


def parse_message(raw: bytes, mail_from: str, rcpt_tos: list[str], received: datetime) -> StoredMessage:
    """Read a message as Mailpit does; never fails, whatever the bytes."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    from_list = _addresses(message, "From")
    to, cc = _addresses(message, "To"), _addresses(message, "Cc")
    named = {item["Address"].lower() for item in to + cc}
    # Mailpit shows as Bcc the envelope recipients that no To or Cc names.
    bcc = [_address("", rcpt) for rcpt in rcpt_tos if rcpt.lower() not in named]
    try:
        date = parsedate_to_datetime(_header_text(message, "Date"))
        if date.tzinfo is None:
            date = date.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError):
        date = received
    text, html = _part_content(message, "plain"), _part_content(message, "html")
    subject = _header_text(message, "Subject")
    stored = StoredMessage(
        id=new_id(),
        raw=raw,
        created=received,
        return_path=mail_from,
        from_=from_list[0] if from_list else _address("", ""),
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=_addresses(message, "Reply-To"),
        subject=subject,
        date=date,
        message_id=_header_text(message, "Message-ID").strip("<>"),
        text=text,
        html=html,
        headers=_raw_headers(message),
        list_unsubscribe=_header_text(message, "List-Unsubscribe"),
        list_unsubscribe_post=_header_text(message, "List-Unsubscribe-Post"),
    )
    people = [stored.from_, *to, *cc, *bcc, *stored.reply_to]
    stored.search_text = " ".join(
        [subject, *(f"{p['Name']} {p['Address']}" for p in people), text, html_to_text(html)]
    ).lower()
    return stored


# --- search, after Mailpit's internal/storage/search.go -------------------------------------------

_TERM = re.compile(r'(?:[^\s"]*"[^"]*"?[^\s"]*)+|\S+')
_WORD_CHARACTER = re.compile(r"[a-zA-Z0-9]")


def _terms(query: str) -> list[str]:
    """Split on spaces, keeping quoted phrases whole and dropping their quotes (to:"a b" → to:a b)."""
    return [term.replace('"', "") for term in _TERM.findall(query)]


def _address_json_text(addresses: list[dict[str, str]]) -> str:
    # Mailpit matches to:/from: with LIKE against the JSON of the addresses: names and addresses alike.
    return " ".join(f"{item['Name']} {item['Address']}" for item in addresses).lower()


def matcher(query: str):
    """A predicate over StoredMessage for a Mailpit search query: every term must hold (AND)."""
    predicates = []
    for term in _terms(query):
        if not term.strip():
            continue
        exclude = len(term) > 1 and term[0] in "-!"
        if exclude:
            term = term[1:]
        if not _WORD_CHARACTER.search(term):
            continue
        lowered = term.lower()
        predicate = _term_predicate(lowered)
        predicates.append((lambda m, p=predicate: not p(m)) if exclude else predicate)
    return lambda message: all(predicate(message) for predicate in predicates)


def _term_predicate(term: str):
    fields = {
        "to:": lambda m: _address_json_text(m.to),
        "from:": lambda m: _address_json_text([m.from_]),
        "cc:": lambda m: _address_json_text(m.cc),
        "bcc:": lambda m: _address_json_text(m.bcc),
        "reply-to:": lambda m: _address_json_text(m.reply_to),
        "subject:": lambda m: m.subject.lower(),
        "message-id:": lambda m: m.message_id.lower(),
    }
    for prefix, text_of in fields.items():
        if term.startswith(prefix):
            wanted = term[len(prefix):].strip()
            return lambda m: wanted in text_of(m)
    if term == "is:read":
        return lambda m: m.read
    if term == "is:unread":
        return lambda m: not m.read
    wanted = term.strip()
    return lambda m: wanted in m.search_text


class MessageStore:
    """Thread-safe: the SMTP thread adds while HTTP threads read and delete."""

    def __init__(self, max_messages: int = 500):
        self.max_messages = max_messages
        self._lock = threading.Lock()
        self._messages: list[StoredMessage] = []  # oldest first
        self.started = time.monotonic()
        self.accepted = 0
        self.accepted_size = 0
        self.deleted = 0

    def add(self, raw: bytes, mail_from: str, rcpt_tos: list[str]) -> StoredMessage:
        now = datetime.now(UTC)
        # Mailpit stamps Created to the millisecond.
        received = now.replace(microsecond=now.microsecond // 1000 * 1000)
        message = parse_message(raw, mail_from, rcpt_tos, received)
        with self._lock:
            self._messages.append(message)
            self.accepted += 1
            self.accepted_size += len(raw)
            if self.max_messages > 0 and len(self._messages) > self.max_messages:
                pruned = len(self._messages) - self.max_messages
                del self._messages[:pruned]
                self.deleted += pruned
        return message

    def newest_first(self) -> list[StoredMessage]:
        with self._lock:
            return list(reversed(self._messages))

    def get(self, message_id: str) -> StoredMessage | None:
        with self._lock:
            if message_id == "latest":
                return self._messages[-1] if self._messages else None
            return next((m for m in self._messages if m.id == message_id), None)

    def mark_read(self, message: StoredMessage) -> None:
        with self._lock:
            message.read = True

    def search(self, query: str) -> list[StoredMessage]:
        matches = matcher(query)
        return [message for message in self.newest_first() if matches(message)]

    def delete(self, ids) -> None:
        wanted = set(ids)
        with self._lock:
            kept = [m for m in self._messages if m.id not in wanted]
            self.deleted += len(self._messages) - len(kept)
            self._messages = kept

    def delete_all(self) -> None:
        with self._lock:
            self.deleted += len(self._messages)
            self._messages = []

    def counts(self) -> tuple[int, int]:
        """(total, unread)."""
        with self._lock:
            return len(self._messages), sum(1 for m in self._messages if not m.read)
