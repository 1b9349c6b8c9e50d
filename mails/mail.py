"""A mail as the suite reads it from Mailpit."""

from dataclasses import dataclass, field
from datetime import datetime


def collapse_spaces(text: str) -> str:
    """The text with every run of white space made one space, as a person reads it."""
    return " ".join(text.split())


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


def summary_line(summary: dict) -> str:
    """One mail of a Mailpit listing (its summary, before it is read), as failure messages list them."""
    return f"  - « {summary.get('Subject', '')} », reçu le {summary['Created']} (id {summary['ID']})"
