"""The catcher's messages: parsed once on arrival, kept newest first, searched like Mailpit."""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import errors, policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

# Mailpit's IDs are short UUIDs: 22 characters of this base-57 alphabet.
_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


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


# --- text of HTML, snippet, search text: after Mailpit's internal/html2text, tools/snippets.go, storage/utils.go

_BLOCK_END = re.compile(
    r"(?i)</(div|p|td|th|h[1-6]|ul|ol|li|address|article|aside|blockquote|dl|dt|footer|header|hr|main|nav|pre"
    r"|table|thead|tfoot|video)><"
)
_BREAK = re.compile(r"(?i)<(br /|br)>")
_IMAGE = re.compile(r"(?i)<(img)")
_SKIPPED = ("script", "title", "head", "style", "noscript")  # and link, meta: empty elements
_GO_SPACES = re.compile(r"[\t\n\f\r ]+")  # Go's \s: ASCII spaces only
_SEARCH_PUNCTUATION = re.compile(r'(\r?\n|\t|>|<|"|,|;|\(|\))')
_SNIPPET_BYTES = 200


class _TextOfHtml(HTMLParser):
    """Text nodes joined as they are (no space added), skipped elements left out, links' http targets added."""

    def __init__(self, include_links: bool):
        super().__init__()
        self.include_links = include_links
        self.parts: list[str] = []
        self._skipped = 0
        self._links: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skipped += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._links.append(href if href.lower().startswith("http") else None)

    def handle_endtag(self, tag):
        if tag in _SKIPPED and self._skipped:
            self._skipped -= 1
        elif tag == "a" and self._links:
            href = self._links.pop()
            if self.include_links and href and not self._skipped:
                self.parts.append(f" {href} ")

    def handle_data(self, data):
        if not self._skipped:
            self.parts.append(data)


def html_to_text(html: str, include_links: bool = False) -> str:
    html = _IMAGE.sub(r" <\1", _BREAK.sub(" ", _BLOCK_END.sub(r"</\1> <", html)))
    parser = _TextOfHtml(include_links)
    parser.feed(html)
    parser.close()
    text = "".join(ch if ch.isprintable() else " " for ch in "".join(parser.parts).replace("\ufeff", " "))
    return _GO_SPACES.sub(" ", text).strip()


def _truncate(text: str, limit: int) -> str:
    """Go's truncate of Mailpit: at most `limit` bytes, and the character at the cut always dropped."""
    data = text.encode()
    if limit >= len(data):
        return text
    while limit > 0 and data[limit - 1] & 0xC0 == 0x80:
        limit -= 1
    if limit > 0 and data[limit - 1] & 0xC0 == 0xC0:
        limit -= 1
    return data[:limit].decode()


def snippet(text: str, html: str) -> str:
    text, html = text.strip(), html.strip()
    if html:
        source = html_to_text(html)
    elif text:
        source = _GO_SPACES.sub(" ", text.replace("\ufeff", " ")).strip()
    else:
        return ""
    return source if len(source.encode()) <= _SNIPPET_BYTES else _truncate(source, _SNIPPET_BYTES) + "..."


def clean_search_text(text: str) -> str:
    """Mailpit's cleanString: punctuation of addresses and quotes to spaces, spaces collapsed, lower case."""
    return " ".join(_SEARCH_PUNCTUATION.sub(" ", text.replace("\ufeff", " ")).split()).lower()


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


_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


def header_block(raw: bytes) -> list[bytes]:
    """The header lines, each with its line ending (CRLF or, as Go also reads them, LF)."""
    lines = []
    for line in re.findall(rb"[^\n]*\n|[^\n]+$", raw):
        if not line.rstrip(b"\r\n"):
            break
        lines.append(line)
    return lines


def _canonical_header_name(name: str) -> str:
    """The spelling of Go's textproto, which Mailpit's headers endpoint uses: Message-Id, Content-Type;
    a name that is not a token (`Subject ` before its colon) is kept as written."""
    if not _TOKEN.match(name):
        return name
    return "-".join(word[:1].upper() + word[1:].lower() for word in name.split("-"))


def _raw_headers(raw: bytes) -> dict[str, list[str]]:
    """Read from the bytes as Go's textproto does: continuation lines joined by one space, values trimmed."""
    headers: dict[str, list[str]] = {}
    name = None
    for line in header_block(raw):
        text = line.rstrip(b"\r\n").decode("utf-8", "replace")
        if text[:1] in (" ", "\t") and name is not None:
            headers[name][-1] = f"{headers[name][-1]} {text.strip()}".strip()
            continue
        key, colon, value = text.partition(":")
        if not colon:
            continue
        name = _canonical_header_name(key)
        headers.setdefault(name, []).append(value.strip())
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

    def summary(self) -> dict:
        return {
            "ID": self.id,
            "MessageID": self.message_id,
            "Read": self.read,
            "From": self.from_,
            # Mailpit keeps these with `omitempty` and reads them back as null when there are none.
            "To": self.to or None,
            "Cc": self.cc or None,
            "Bcc": self.bcc or None,
            "ReplyTo": self.reply_to or None,
            "Subject": self.subject,
            "Created": rfc3339(self.created),
            "Username": "",
            "Tags": [],
            "Size": len(self.raw),
            "Attachments": 0,
            "Snippet": snippet(self.text, self.html),
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


_SPACE_BEFORE_COLON = re.compile(rb"^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]+:", re.MULTILINE)


def _go_header_names(raw: bytes) -> bytes:
    """Go reads `Subject : x` as the Subject header, where Python's parser would end the headers there."""
    end = raw.find(b"\r\n\r\n")
    end = len(raw) if end < 0 else end
    return _SPACE_BEFORE_COLON.sub(rb"\1:", raw[:end]) + raw[end:]


def parse_message(raw: bytes, received: datetime) -> StoredMessage:
    """Read a message as Mailpit does, once its SMTP side has added its headers (smtp.py); never fails."""
    message = BytesParser(policy=policy.default).parsebytes(_go_header_names(raw))
    if any(isinstance(defect, errors.CloseBoundaryNotFoundDefect) for part in message.walk() for defect in part.defects):
        # Without its closing boundary, Python takes the last line break for the boundary's; Mailpit keeps it.
        message = BytesParser(policy=policy.default).parsebytes(_go_header_names(raw) + b"\r\n")
    from_list = _addresses(message, "From")
    to, cc, bcc = _addresses(message, "To"), _addresses(message, "Cc"), _addresses(message, "Bcc")
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
        return_path=_header_text(message, "Return-Path").strip("<>"),
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
        headers=_raw_headers(raw),
        list_unsubscribe=_header_text(message, "List-Unsubscribe"),
        list_unsubscribe_post=_header_text(message, "List-Unsubscribe-Post"),
    )
    # Mailpit searches these headers, then the HTML's text (with its links), or the text when there is no HTML.
    headers = [_header_text(message, name) for name in ("From", "Subject", "To", "Cc", "Bcc", "Reply-To", "Return-Path")]
    stored.search_text = clean_search_text(" ".join([*headers, html_to_text(html, include_links=True) or text]))
    return stored


# --- search, after Mailpit's internal/storage/search.go -------------------------------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SIZE = re.compile(r"^(\d+)(\.\d+)?\s?([a-z]{1,2})?$")


def _terms(query: str) -> list[str]:
    """As Mailpit's tools.ArgsParser: split on spaces outside double quotes, quotes dropped, blanks skipped."""
    terms, current, quoted = [], "", False
    for character in query + " ":
        if character == '"':
            quoted = not quoted
            current += character
        elif character == " " and not quoted:
            term = current.replace('"', "").strip()
            if term:
                terms.append(term)
            current = ""
        else:
            current += character
    return terms


def _like(wanted: str, text: str) -> bool:
    """SQLite's LIKE '%wanted%': case-insensitive for ASCII letters only."""
    return wanted.translate(_ASCII_LOWER) in text.translate(_ASCII_LOWER)


def _go_json(value) -> str:
    """encoding/json's text, which Mailpit's to:/from:… match against: &, <, > escaped, UTF-8 kept."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _size(text: str) -> int:
    found = _SIZE.match(text.lower())
    if not found:
        return 0
    number, unit = float(found[1] + (found[2] or "")), found[3] or ""
    return int(number * {"": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2}.get(unit, 0))


def matcher(query: str):
    """A predicate over StoredMessage for a Mailpit search query: every term must hold (AND)."""
    predicates = []
    for term in _terms(query):
        if not clean_search_text(term):
            continue
        exclude = len(term) > 1 and term[0] in "-!"
        if exclude:
            term = term[1:]
        predicate = _term_predicate(term)
        if predicate is not None:
            predicates.append((lambda m, p=predicate: not p(m)) if exclude else predicate)
    return lambda message: all(predicate(message) for predicate in predicates)


def _term_predicate(term: str):
    """None when Mailpit adds no condition for the term (an empty value after its prefix)."""
    lowered = term.lower()
    addresses = {
        "to:": lambda m: [_go_json(m.to)],
        "from:": lambda m: [_go_json(m.from_)],
        "cc:": lambda m: [_go_json(m.cc)],
        "bcc:": lambda m: [_go_json(m.bcc)],
        "reply-to:": lambda m: [_go_json(m.reply_to)],
        "addressed:": lambda m: [_go_json(f) for f in (m.to, m.from_, m.cc, m.bcc, m.reply_to)],
    }
    for prefix, texts_of in addresses.items():
        if lowered.startswith(prefix):
            wanted = _go_json(clean_search_text(term[len(prefix):]))[1:-1]
            return (lambda m, w=wanted, t=texts_of: any(_like(w, text) for text in t(m))) if wanted else None
    if lowered.startswith("subject:"):
        wanted = term[len("subject:"):]
        return (lambda m: _like(wanted, m.subject)) if wanted else None
    if lowered.startswith("message-id:"):
        wanted = clean_search_text(term[len("message-id:"):])
        return (lambda m: _like(wanted, m.message_id)) if wanted else None
    if lowered.startswith("tag:"):
        return (lambda m: False) if clean_search_text(term[4:]) else None  # the catcher has no tags
    flags = {
        "is:read": lambda m: m.read,
        "is:unread": lambda m: not m.read,
        "is:tagged": lambda m: False,
        "has:inline": lambda m: False,  # no inline parts, no attachments are read
        "has:inlines": lambda m: False,
        "has:attachment": lambda m: False,
        "has:attachments": lambda m: False,
    }
    if lowered in flags:
        return flags[lowered]
    for prefix, bigger in (("larger:", True), ("smaller:", False)):
        size = _size(clean_search_text(term[len(prefix):])) if lowered.startswith(prefix) else 0
        if size:
            return (lambda m, s=size: len(m.raw) >= s) if bigger else (lambda m, s=size: len(m.raw) < s)
    wanted = clean_search_text(term)
    return lambda m: _like(wanted, m.search_text)


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

    def add(self, raw: bytes) -> StoredMessage:
        now = datetime.now(UTC)
        # Mailpit stamps Created to the millisecond.
        received = now.replace(microsecond=now.microsecond // 1000 * 1000)
        message = parse_message(raw, received)
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
