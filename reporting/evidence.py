"""Evidence that the run and its tests leave for the report: the target and
the Mailpit of the run, the mail involved in a test, what identifies a
scenario.

Everything here travels inside pytest's test reports (user properties and
report attributes), which pytest-xdist serialises from the workers to the
controller, so the report is complete after a run with ``-n``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry

from reporting.report import RunInfo

# Name of the user property that holds one mail (a JSON string). JUnit XML
# shows it too, as a <property>.
MAIL_PROPERTY = "rapport_mail"
# pytest-playwright (0.10.0) puts the artifacts it keeps on the teardown
# report as user properties named playwright_<kind>.
SCREENSHOT_PROPERTY = "playwright_screenshot"
TRACE_PROPERTY = "playwright_trace"
# pytest-bdd passes the example of an outline in this parameter.
EXAMPLE_PARAMETER = "_pytest_bdd_example"
RUN_INFO_KEY = pytest.StashKey[RunInfo]()


def set_run_info(config: pytest.Config, *, target: str, mailpit: str) -> None:
    """Name, in the report, the target site and the Mailpit of the run.

    Call it from the conftest's ``pytest_configure``; workers ignore it.
    """
    if not hasattr(config, "workerinput"):
        config.stash[RUN_INFO_KEY] = RunInfo(target=target, mailpit=mailpit)


def attach_mail(node: pytest.Item | pytest.TestReport | pytest.FixtureRequest, mail: Any) -> None:
    """Record, on the test, a mail involved in it; the report shows its
    subject, recipients and text with the scenario's failure.

    ``node`` is the test item, its report (in ``pytest_runtest_makereport``,
    after the ``yield``), or a fixture request (``request``).
    ``mail`` is a Mailpit message as ``GET /api/v1/message/{ID}`` returns it
    (keys ``ID``, ``Subject``, ``To``, ``Cc``, ``Bcc``, ``Text``), or an
    object with the attributes ``subject``, ``text``, ``recipients`` (or
    ``to``: addresses) and optionally ``id``. Call it once per mail.
    """
    holder = node.node if isinstance(node, pytest.FixtureRequest) else node
    holder.user_properties.append((MAIL_PROPERTY, json.dumps(mail_record(mail), ensure_ascii=False)))


def mail_record(mail: Any) -> dict[str, Any]:
    """The subject, recipients, text and id of a mail, as plain data."""
    if isinstance(mail, Mapping):
        recipients = [
            _address_text(address) for field in ("To", "Cc", "Bcc") for address in (mail.get(field) or [])
        ]
        return {
            "id": mail.get("ID"),
            "subject": mail.get("Subject", ""),
            "recipients": recipients,
            "text": mail.get("Text", ""),
        }
    addresses = getattr(mail, "recipients", None)
    if addresses is None:
        addresses = getattr(mail, "to", [])
    return {
        "id": getattr(mail, "id", None),
        "subject": mail.subject,
        "recipients": [_address_text(address) for address in addresses],
        "text": mail.text,
    }


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
