"""The scenarios' results, from pytest-bdd's cucumber JSON and from the evidence that the pytest plugin
gathers (reporting/plugin.py) when there is some: the evidence of a test replaces its cucumber element,
since pytest-bdd's JSON misses what a report needs (skip reasons, tests skipped before their steps,
errors in setup or teardown, the example's values)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import Any

from reporting.model import ERROR, FAILED, NOT_RUN, PASSED, SKIPPED, ScenarioResult, StepResult


def load_cucumber(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as cucumber_file:
        return json.load(cucumber_file)


def _result_from_element(feature: dict[str, Any], feature_tags: set[str], element: dict[str, Any]) -> ScenarioResult:
    steps: list[StepResult] = []
    error_message = None
    for step in element.get("steps", []):
        status = step["result"]["status"]
        if status == FAILED and any(earlier.status == FAILED for earlier in steps):
            # pytest-bdd marks every step after the failed one as failed too.
            status = NOT_RUN
        elif status == FAILED:
            error_message = step["result"].get("error_message") or None
        steps.append(StepResult(step["keyword"], step["name"], step["line"], status))
    statuses = {step.status for step in steps}
    status = FAILED if FAILED in statuses else SKIPPED if SKIPPED in statuses else PASSED
    failure = {"phase": "call", "message": _assertion_lines(error_message) if error_message else None,
               "details": error_message}
    # The element, told as the plugin's evidence tells a test (reporting/evidence.py).
    record = {
        "uri": feature["uri"], "feature_name": feature["name"], "keyword": element["keyword"],
        "name": element["name"], "line": element["line"], "feature_tags": sorted(feature_tags),
        "tags": [tag["name"] for tag in element.get("tags", [])],
        "example_label": _example_label_from_id(element.get("id", "")),
        "failures": [failure] if status == FAILED else [],
        "duration": sum(step["result"].get("duration", 0) for step in element.get("steps", [])) / 1e9,
    }
    return _scenario_result(record, steps, status)


def _example_label_from_id(test_id: str) -> str | None:
    # A test id ends with "[values-joined-by-dashes]" for an outline's example;
    # pytest writes non-ASCII characters there as \x.. escapes.
    match = re.search(r"\[(.*)\]$", test_id)
    if match is None:
        return None
    label = match.group(1)
    if label.isascii():
        label = label.encode("ascii").decode("unicode_escape")
    return label


def _assertion_lines(longrepr_text: str) -> str:
    # pytest prefixes the lines of the exception's message with "E   ".
    lines = [line[4:] for line in longrepr_text.splitlines() if line.startswith("E   ")]
    return "\n".join(lines) if lines else longrepr_text.strip().splitlines()[-1]


def scenario_status(phases: dict[str, str], failures: list[dict[str, str]]) -> str:
    """One status for a test from the outcomes of its phases, as pytest
    tells them: a failure in any phase wins over a skip or a pass."""
    if failures:
        return FAILED if failures[0]["phase"] == "call" else ERROR
    return SKIPPED if SKIPPED in phases.values() else PASSED


def result_from_evidence(record: dict[str, Any]) -> ScenarioResult:
    phases = record.get("phases", {})
    failures = record.get("failures", [])
    executed = record.get("executed") or []
    call = phases.get("call")
    if call == PASSED:
        stop_index, stop_status = len(record["steps"]), PASSED
    elif call == FAILED and True in executed:
        stop_index, stop_status = executed.index(True), FAILED
    elif call == SKIPPED and executed:
        stop_index, stop_status = len(executed) - 1, SKIPPED
    else:  # no step ran (setup failed or skipped), or pytest-bdd did not say which
        stop_index, stop_status = -1, NOT_RUN
    steps = []
    for index, step in enumerate(record["steps"]):
        status = PASSED if index < stop_index else stop_status if index == stop_index else NOT_RUN
        steps.append(StepResult(step["keyword"], step["name"], step["line"], status))
    return _scenario_result(record, steps, scenario_status(phases, failures))


def _scenario_result(record: dict[str, Any], steps: list[StepResult], status: str) -> ScenarioResult:
    """The one way a result is made: from a test's evidence (or a cucumber element told as evidence)."""
    failures = record.get("failures", [])
    first_failure = failures[0] if failures else {}
    return ScenarioResult(
        uri=record["uri"],
        feature_name=record["feature_name"],
        keyword=record["keyword"],
        name=record["name"],
        line=record["line"],
        tags=set(record["tags"]) | set(record["feature_tags"]),
        status=status,
        steps=steps,
        nodeid=record.get("nodeid"),
        example=record.get("example"),
        example_label=record.get("example_label"),
        example_index=record.get("example_index"),
        skip_reason=record.get("skip_reason"),
        failure_phase=first_failure.get("phase"),
        message=first_failure.get("message"),
        details=first_failure.get("details"),
        other_failures=list(failures[1:]),
        screenshots=list(record.get("screenshots", [])),
        traces=list(record.get("traces", [])),
        mails=list(record.get("mails", [])),
        announced=list(record.get("announced", [])),
        duration=record.get("duration", 0.0),
    )


def merge_results(features: list[dict[str, Any]], evidence: Iterable[dict[str, Any]] = ()) -> list[ScenarioResult]:
    """The cucumber elements, each replaced by its test's evidence when there
    is some, plus the tests with evidence and no element (skipped or failed
    before their steps)."""
    by_key = {(record["uri"], record["id"]): record for record in evidence}
    results = []
    for feature in features:
        feature_tags = {tag["name"] for tag in feature.get("tags", [])}
        for element in feature.get("elements", []):
            record = by_key.pop((feature["uri"], element.get("id")), None)
            results.append(
                result_from_evidence(record) if record else _result_from_element(feature, feature_tags, element)
            )
    results.extend(result_from_evidence(record) for record in by_key.values())
    return results
