"""A mail that comes late is still seen: the end of the run looks again.

Each scenario that read its mailbox leaves, at teardown, what it saw: the mails
it took (each subject it waited for) and whether it promised that no more would
come. Once every scenario has run, and a late mail has had the time a mail is
given to arrive (--no-mail-window, counted from each scenario's end), the
controller looks in Mailpit again: a mail that the scenario did not take, of a
subject it waited for or after its promise of silence, fails that scenario (an
error of its teardown, in the terminal, the JUnit file and the HTML report).
Then the mails of the scenarios that passed are deleted, by their exact
address; a failed scenario's mails stay in Mailpit for whoever investigates.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from connection.endpoint import Endpoint
from harness import OPTIONS_GROUP
from harness.servers import SHARED_TARGET
from harness.waits import mail_wait_seconds
from mails.inbox import LEDGER_PROPERTY
from mails.mail import collapse_spaces, summary_line
from mails.mailbox import Mailbox
from reporting.verdict import ExitCode
from reporting.workers import is_worker


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--no-mail-window", type=float, default=os.environ.get("NO_MAIL_WINDOW"),
                    help="Temps laissé, après chaque scénario, à un mail en retard : la fin de la recette "
                         "revérifie les boîtes des scénarios (défaut : le délai d'attente d'un mail, --mail-timeout).")


CLOCK_MARGIN = timedelta(minutes=1)


@dataclass
class Entry:
    nodeid: str
    location: tuple
    record: dict
    ended: float  # time.monotonic() when its teardown report came


def pytest_configure(config: pytest.Config) -> None:
    if not is_worker(config):
        config.pluginmanager.register(MailLedger(config), "mail-ledger")


class MailLedger:
    def __init__(self, config: pytest.Config):
        self.config = config
        self.entries: list[Entry] = []
        self.failed: set[str] = set()
        # Mailpit's clock may differ a little from ours: look a minute further back.
        self.started = datetime.now(UTC) - CLOCK_MARGIN

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.add(report.nodeid)
        if report.when == "teardown":
            self.entries.extend(
                Entry(report.nodeid, report.location, value, time.monotonic())
                for name, value in report.user_properties if name == LEDGER_PROPERTY
            )

    # First: before the JUnit file, the cucumber JSON and the HTML report are written.
    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if not self.entries:
            return
        window = late_mail_window(self.config)
        deadline = max(entry.ended for entry in self.entries) + window
        # Each Mailpit is looked in for its own scenarios (@panne-messagerie ones read a Mailpit of their own).
        by_mailpit: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            by_mailpit.setdefault(entry.record["mailpit"], []).append(index)
        for url, indexes in by_mailpit.items():
            self._look_again(session, Mailbox(self._reached(url), timeout=window), indexes, deadline, window)

    def _reached(self, url: str) -> Endpoint:
        """A Mailpit the scenarios read, as the run reaches it: the run's Mailpit through its fence and CA."""
        target = self.config.stash.get(SHARED_TARGET, None)
        return target.mailpit if target is not None and target.mailpit.url == url else Endpoint(url)

    def _look_again(self, session: pytest.Session, mailbox: Mailbox, indexes: list[int], deadline: float,
                    window: float) -> None:
        late = mailbox.poll(lambda: self._unexpected(mailbox, indexes), deadline) or {}
        for index, mails in late.items():
            self._fail(session, index, mails, window)
        for index in indexes:
            if self.entries[index].nodeid not in self.failed:
                mailbox.delete_all_to(self.entries[index].record["address"])

    def _unexpected(self, mailbox: Mailbox, indexes: list[int]) -> dict[int, list[dict]] | None:
        """Of these scenarios (by index), those with a mail they did not take, and those mails' summaries."""
        scenarios_of = {}
        for index in indexes:
            entry = self.entries[index]
            if entry.nodeid not in self.failed:
                scenarios_of.setdefault(entry.record["address"].lower(), []).append(index)
        found: dict[int, list[dict]] = {}
        for summary in mailbox.all_summaries(newer_than=self.started):
            for recipient in summary.get("To") or []:
                for index in scenarios_of.get((recipient.get("Address") or "").lower(), []):
                    if is_unexpected(summary, self.entries[index].record):
                        found.setdefault(index, []).append(summary)
        return found or None

    def _fail(self, session: pytest.Session, index: int, summaries: list[dict], window: float) -> None:
        entry = self.entries[index]
        message = (
            f"Mail inattendu pour {entry.record['address']}, arrivé après les vérifications du scénario "
            f"(la recette attend encore {window:g} s les mails en retard) :\n"
            + "\n".join(summary_line(summary) for summary in summaries)
            + f"\nMailpit : {entry.record['mailpit']}"
        )
        report = pytest.TestReport(entry.nodeid, entry.location, {}, "failed", message, "teardown", user_properties=[])
        self.failed.add(entry.nodeid)
        session.config.hook.pytest_runtest_logreport(report=report)
        session.exitstatus = ExitCode.TESTS_FAILED


def late_mail_window(config: pytest.Config) -> float:
    """As long as a mail is awaited, by default: a mail not waited for is not waited against either."""
    window = config.getoption("--no-mail-window")
    if window is not None:
        return window
    target = config.stash.get(SHARED_TARGET, None)
    return mail_wait_seconds(config, target.access.slowness if target is not None else 1)


def is_unexpected(summary: dict, record: dict) -> bool:
    """A mail to the scenario's address that it did not take: of a subject it waited for
    (since it began), or of any subject after it promised that none would come."""
    if summary["ID"] in record["seen"]:
        return False
    created = datetime.fromisoformat(summary["Created"])

    def after(moment: str | None) -> bool:
        return moment is None or created >= datetime.fromisoformat(moment)

    awaited = any(not subject or collapse_spaces(summary.get("Subject", "")) == collapse_spaces(subject) for subject in record["subjects"])
    silenced = record["silence"] is not None and after(record["silence"]["since"])
    return (awaited and after(record["since"])) or silenced


