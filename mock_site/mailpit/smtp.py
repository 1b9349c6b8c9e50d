"""SMTP side of the catcher: aiosmtpd accepts every message and hands it to the store."""

import logging

from aiosmtpd.smtp import SMTP, Envelope, Session

from mock_site.mailpit.store import MessageStore

log = logging.getLogger(__name__)


class CatchAll:
    """aiosmtpd handler: every recipient is accepted, every message kept, like Mailpit."""

    def __init__(self, store: MessageStore):
        self.store = store

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            self.store.add(raw, envelope.mail_from or "", list(envelope.rcpt_tos))
        except Exception:  # a message we cannot read is refused, the server goes on
            log.exception("message refused")
            return "451 Requested action aborted: could not store the message"
        return "250 OK"
