"""SMTP side of the catcher: aiosmtpd, answering and rewriting messages as Mailpit's SMTP server does
(internal/smtpd of Mailpit: Received, Return-Path, Message-ID and Bcc headers added before storing)."""

import ipaddress
import logging
import re
import socket
from datetime import datetime
from email.utils import getaddresses

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from mock_site.mailpit.chaos import Chaos
from mock_site.mailpit.messages import MessageStore, header_block, new_id

log = logging.getLogger(__name__)

UNABLE_TO_PROCESS = "451 4.3.5 Unable to process mail"
INVALID_ADDRESS = "553 5.1.3 The address is not a valid RFC 5321 address"
INVALID_TO = "501 5.5.4 Syntax error in parameters or arguments (invalid TO parameter)"

# An address as Go's mail.ParseAddress accepts one in MAIL FROM / RCPT TO: local@domain, no bare space.
_ADDRESS = re.compile(r'^(?:"[^"\r\n]*"|[^\s"@<>()\[\],;:]+)@[^\s"@<>()\[\],;:\\]+$')
# Header names as Go's textproto reads them: a line of the header block that is not one ends the message's reading.
_HEADER_NAME = re.compile(rb"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*$")


# aiosmtpd needs a name to know that HELO/EHLO was said; Mailpit accepts them without one.
_NO_NAME = " "


class UnreadableMessage(ValueError):
    pass


class MailpitSMTP(SMTP):
    """aiosmtpd, greeting a HELO or EHLO without a name as Mailpit does (250), not with a 501."""

    async def smtp_HELO(self, hostname: str):
        await super().smtp_HELO(hostname or _NO_NAME)

    async def smtp_EHLO(self, hostname: str):
        await super().smtp_EHLO(hostname or _NO_NAME)


class MailpitController(Controller):
    def factory(self):
        return MailpitSMTP(self.handler, **self.SMTP_kwargs)


def _check_readable(raw: bytes) -> None:
    """Mailpit refuses (451) what Go's mail.ReadMessage cannot read: a header line without a valid name."""
    for line in header_block(raw):
        if line[:1] in (b" ", b"\t"):
            continue
        name, colon, _ = line.partition(b":")
        if not colon or not _HEADER_NAME.match(name):
            raise UnreadableMessage(line[:80])


def _header_lines(raw: bytes, name: str) -> tuple[bytes, str] | None:
    """The first header `name` as it is written (with its continuation lines), and its unfolded value."""
    lines = header_block(raw)
    prefix = name.lower().encode() + b":"
    for index, line in enumerate(lines):
        if line.lower().startswith(prefix):
            end = index + 1
            while end < len(lines) and lines[end][:1] in (b" ", b"\t"):
                end += 1
            value = b" ".join(part.strip() for part in [line[len(prefix):], *lines[index + 1 : end]])
            return b"".join(lines[index:end]), value.decode("utf-8", "replace").strip()
    return None


def _header_value(raw: bytes, name: str) -> str:
    found = _header_lines(raw, name)
    return found[1] if found else ""


def _set_header(raw: bytes, name: str, value: str) -> bytes:
    """As Mailpit's tools.SetMessageHeader: replace the first such header, else add it on top."""
    line = f"{name}: {value}\r\n".encode()
    found = _header_lines(raw, name)
    if found and found[1]:
        return raw.replace(found[0], line, 1)
    return line + raw


def _emails(raw: bytes, *names: str) -> set[str]:
    values = [_header_value(raw, name) for name in names]
    return {address.lower() for _, address in getaddresses([v for v in values if v]) if address}


def received_header(session: Session, first_recipient: str, now: datetime | None = None) -> bytes:
    """Mailpit's Received header. No reverse DNS lookup: loopback reads `localhost`, any other peer `unknown`."""
    ip = str(session.peer[0]) if session.peer else "127.0.0.1"
    try:
        remote_host = "localhost" if ipaddress.ip_address(ip).is_loopback else "unknown"
    except ValueError:
        remote_host = "unknown"
    now = now or datetime.now().astimezone()
    date = f"{now:%a}, {now.day} {now:%b %Y %H:%M:%S %z} ({now.tzname()})"
    return (
        f"Received: from {(session.host_name or '').strip()} ({remote_host} [{ip}])\r\n"
        f"        by {socket.gethostname()} (mock_site.mailpit) with SMTP\r\n"
        f"        for <{first_recipient}>; {date}\r\n"
    ).encode()


def as_mailpit_stores(raw: bytes, mail_from: str, rcpt_tos: list[str], received: bytes) -> bytes:
    """The message as Mailpit keeps it (internal/smtpd/main.go, SaveToDatabase); UnreadableMessage if it refuses it."""
    raw = (received + raw).replace(b"\r\r\n", b"\r\n")
    _check_readable(raw)
    if _header_value(raw, "Return-Path").strip("<>") != mail_from:
        raw = _set_header(raw, "Return-Path", f"<{mail_from}>")
    if not _header_value(raw, "Message-ID").strip("<>"):
        raw = f"Message-ID: <{new_id()}@mailpit>\r\n".encode() + raw
    # Envelope recipients that no To, Cc or Bcc names are added to Bcc, as Mailpit does.
    named = _emails(raw, "To", "Cc", "Bcc")
    missing = [rcpt for rcpt in rcpt_tos if rcpt.lower() not in named]
    if missing:
        bcc = _header_value(raw, "Bcc")
        raw = _set_header(raw, "Bcc", ", ".join([bcc, *missing] if bcc else missing))
    return raw


class CatchAll:
    """aiosmtpd handler: every well-formed recipient is accepted, every readable message kept, like Mailpit."""

    def __init__(self, store: MessageStore, chaos: Chaos | None = None):
        self.store = store
        self.chaos = chaos or Chaos()

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope, address: str, options) -> str:
        # "<>" is the null sender of bounces, which Mailpit accepts (aiosmtpd keeps it as "<>").
        if address != "<>" and not _ADDRESS.match(address):
            return INVALID_ADDRESS
        if code := self.chaos.fires("Sender"):
            return f"{code} Chaos sender error"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 2.1.0 Ok"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str, options) -> str:
        if address in ("", "<>"):
            return INVALID_TO
        if not _ADDRESS.match(address):
            return INVALID_ADDRESS
        if code := self.chaos.fires("Recipient"):
            return f"{code} Chaos recipient error"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        rcpt_tos = list(envelope.rcpt_tos)
        mail_from = "" if envelope.mail_from == "<>" else envelope.mail_from or ""
        try:
            raw = as_mailpit_stores(raw, mail_from, rcpt_tos, received_header(session, rcpt_tos[0]))
            message = self.store.add(raw)
        except UnreadableMessage as unreadable:
            log.warning("message refused, unreadable header line: %r", unreadable)
            return UNABLE_TO_PROCESS
        except Exception:  # a message we cannot read is refused, the server goes on
            log.exception("message refused")
            return UNABLE_TO_PROCESS
        return f"250 2.0.0 Ok: queued as {message.id}"
