"""What a report is made of: each scenario's result and its steps, and the run's facts (target, Mailpit,
times, pytest's counts, exit code, shards)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# A scenario's status. ERROR is pytest's "error": a failure outside the
# scenario's steps (its setup or teardown), which wins over a pass or a skip.
PASSED, FAILED, ERROR, SKIPPED, NOT_RUN = "passed", "failed", "error", "skipped", "not_run"
SCENARIO_STATUSES = (PASSED, FAILED, ERROR, SKIPPED)


@dataclass
class StepResult:
    keyword: str
    name: str
    line: int
    status: str


@dataclass
class ScenarioResult:
    uri: str
    feature_name: str
    keyword: str
    name: str
    line: int
    tags: set[str]
    status: str
    steps: list[StepResult]
    nodeid: str | None = None
    example: dict[str, str] | None = None
    example_label: str | None = None
    example_index: int | None = None
    skip_reason: str | None = None
    # The first failure (in the order setup, call, teardown); any later one
    # (a teardown error after a failed step) is in other_failures.
    failure_phase: str | None = None
    message: str | None = None
    details: str | None = None
    other_failures: list[dict[str, str]] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)
    traces: list[str] = field(default_factory=list)
    mails: list[dict[str, Any]] = field(default_factory=list)
    announced: list[str] = field(default_factory=list)  # the target's numbers the scenario relied on
    duration: float = 0.0

    @property
    def failed_step(self) -> StepResult | None:
        return next((step for step in self.steps if step.status == FAILED), None)


@dataclass
class ShardInfo:
    name: str
    started: datetime | None
    duration: float | None
    scenarios: int
    exit_status: int | None


@dataclass
class RunInfo:
    target: str | None = None
    mailpit: str | None = None
    # What the run went through: each server's TLS and certificate issuer, its fence, the site's latency.
    conditions: list[str] = field(default_factory=list)
    started: datetime | None = None
    duration: float | None = None  # seconds, wall clock; None: summed from the scenarios
    # What pytest's terminal summary counts (category -> number), when the
    # report is written by the plugin; None from a cucumber JSON alone.
    pytest_counts: dict[str, int] | None = None
    exit_status: int | None = None  # the process's exit code, when known (reporting/verdict.py)
    # The rule for skips (reporting/verdict.py): did the suite start the bundled mock itself, and
    # did --accepter-ignores accept skips against another target.
    bundled_mock: bool = False
    skips_accepted: bool = False
    # A merged report (reporting.shards): each shard's name, start and wall
    # time; and what is wrong with the shards as a whole (a scenario in two
    # shards, a missing shard), each of which fails the verdict.
    shards: list[ShardInfo] = field(default_factory=list)
    run_errors: list[str] = field(default_factory=list)
