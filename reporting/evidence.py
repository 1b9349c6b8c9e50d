"""Evidence that the run and its tests leave for the report: the target and
the Mailpit of the run, the mails a test read, what identifies a scenario.

Everything here travels inside pytest's test reports (user properties and
report attributes), which pytest-xdist serialises from the workers to the
controller, so the report is complete after a run with ``-n``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import pytest

from compat.pytest_bdd import EXAMPLE_PARAMETER, scenario_wrapper_template_registry
from reporting.model import RunInfo
from reporting.workers import is_worker

# Name of the user property that holds one mail (a JSON string), one property
# per mail. JUnit XML shows them too, as <property> elements.
MAIL_PROPERTY = "rapport_mail"
# A number the target announced that a scenario depends on (its rate limit…), one property per line.
ANNOUNCED_PROPERTY = "chiffres_annonces"
RUN_INFO_KEY = pytest.StashKey[RunInfo]()


def record_announced(node: pytest.Item, text: str) -> None:
    """Show, on the scenario's page of the report, a number the target announced and the scenario relies on."""
    if (ANNOUNCED_PROPERTY, text) not in node.user_properties:
        node.user_properties.append((ANNOUNCED_PROPERTY, text))


def set_run_info(config: pytest.Config, *, target: str, mailpit: str, conditions: list[str] | None = None,
                 bundled_mock: bool = False, skips_accepted: bool = False) -> None:
    """Name, in the report, the target site and the Mailpit of the run, and what its verdict weighs skips
    with (reporting/verdict.py): whether the suite started the bundled mock itself, whether skips are accepted.

    Call it from the conftest's ``pytest_configure``; workers ignore it.
    """
    if not is_worker(config):
        config.stash[RUN_INFO_KEY] = RunInfo(target=target, mailpit=mailpit, conditions=list(conditions or []),
                                             bundled_mock=bundled_mock, skips_accepted=skips_accepted)


def attach_mails(
    node: pytest.Item | pytest.TestReport | pytest.FixtureRequest, mails: Iterable[Any], mailpit_url: str | None
) -> None:
    """Record, on the test, the mails its inbox read or looked at; the report
    lists them with the scenario's failure (subject, recipients, when
    received, Mailpit id, a link to the mail in Mailpit), so that they can be
    found in the Mailpit the failed scenario left them in.

    ``node`` is the test item, its report (in ``pytest_runtest_makereport``,
    after the ``yield``), or a fixture request (``request``).
    A mail is an object with the attributes ``id``, ``subject``,
    ``recipients``, ``created`` (a datetime) and ``text`` if it has one (the
    suite's Mail), or a Mailpit message as ``GET /api/v1/message/{ID}``
    returns it. ``mailpit_url`` is the run's Mailpit (its web address, the one
    ``set_run_info`` names), for the links; None: no link.
    """
    holder = node.node if isinstance(node, pytest.FixtureRequest) else node
    for mail in mails:
        holder.user_properties.append((MAIL_PROPERTY, json.dumps(mail_record(mail, mailpit_url), ensure_ascii=False)))


def mail_record(mail: Any, mailpit_url: str | None = None) -> dict[str, Any]:
    """What the report shows of a mail, as plain data: id, subject,
    recipients, when received, text, and its page in Mailpit."""
    if isinstance(mail, Mapping):
        recipients = [
            _address_text(address) for field in ("To", "Cc", "Bcc") for address in (mail.get(field) or [])
        ]
        record = {
            "id": mail.get("ID"),
            "subject": mail.get("Subject", ""),
            "recipients": recipients,
            "created": mail.get("Created") or mail.get("Date"),
            "text": mail.get("Text", ""),
        }
    else:
        addresses = getattr(mail, "recipients", None)
        if addresses is None:
            addresses = getattr(mail, "to", [])
        created = getattr(mail, "created", None)
        record = {
            "id": getattr(mail, "id", None),
            "subject": mail.subject,
            "recipients": [_address_text(address) for address in addresses],
            "created": created.isoformat() if isinstance(created, datetime) else created,
            "text": getattr(mail, "text", ""),
        }
    record["link"] = f"{mailpit_url.rstrip('/')}/view/{record['id']}.html" if mailpit_url and record["id"] else None
    return record


def _address_text(address: Mapping[str, str] | str) -> str:
    if not isinstance(address, Mapping):
        return str(address)
    name, email = address.get("Name", ""), address.get("Address", "")
    return f"{name} <{email}>" if name else email


def mails_of(user_properties: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    return [json.loads(value) for name, value in user_properties if name == MAIL_PROPERTY]


def scenario_identity(item: pytest.Item) -> dict[str, Any] | None:
    """What names the scenario of a pytest-bdd test: feature, scenario,
    example and steps (rendered), or None for a test that is no scenario.

    Taken from the item, so it exists even when the test is skipped before
    its steps run (pytest-bdd records nothing then).
    """
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))
    if template is None:
        return None
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get(EXAMPLE_PARAMETER) if callspec is not None else None
    scenario = template.render(example or {})
    feature = template.feature
    examples = [context for table in template.examples for context in table.as_contexts()]
    return {
        "nodeid": item.nodeid,
        "uri": feature.rel_filename,
        "id": item.name,
        "feature_name": feature.name or feature.rel_filename,
        "feature_tags": sorted(feature.tags),
        "keyword": scenario.keyword,
        "name": scenario.name,
        "line": scenario.line_number,
        "tags": sorted(template.tags),
        "example": dict(example) if example else None,
        "example_index": examples.index(example) if example in examples else None,
        "steps": [
            {"keyword": step.keyword, "name": step.name, "line": step.line_number}
            for step in scenario.steps
        ],
    }
