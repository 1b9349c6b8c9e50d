"""The run's report: one self-contained HTML page in French, the guide's parts
in the guide's order, each with its scenarios and their status, under a
verdict that says whether everything selected ran and passed; and the same
verdict and counts as JSON beside it (rapport.json).

Built from pytest-bdd's cucumber JSON, and from the evidence that the pytest
plugin gathers (see plugin.py) when there is some: the evidence of a test
replaces its cucumber element, since pytest-bdd's JSON misses what a report
needs (skip reasons, tests skipped before their steps, errors in setup or
teardown, the example's values). The page is written from the Jinja
templates of reporting/templates/ (autoescaped), its CSS inlined.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from contract.time import PARIS
from reporting.guide import GAP_TEXT, GUIDE_PARTS, GUIDE_TAGS, OUTSIDE_GUIDE_TITLE
from reporting.verdict import STOPPED, ExitCode, exit_code_with_skips

# A scenario's status. ERROR is pytest's "error": a failure outside the
# scenario's steps (its setup or teardown), which wins over a pass or a skip.
PASSED, FAILED, ERROR, SKIPPED, NOT_RUN = "passed", "failed", "error", "skipped", "not_run"
SCENARIO_STATUS_WORDS = {PASSED: "réussi", FAILED: "échoué", ERROR: "en erreur", SKIPPED: "ignoré"}
SCENARIO_STATUS_PLURALS = {PASSED: "réussis", FAILED: "échoués", ERROR: "en erreur", SKIPPED: "ignorés"}
STATUS_CLASSES = {PASSED: "reussi", FAILED: "echoue", ERROR: "erreur", SKIPPED: "ignore"}
STEP_STATUS_WORDS = {PASSED: "réussie", FAILED: "échouée", SKIPPED: "ignorée", NOT_RUN: "non exécutée"}
PHASE_WORDS = {
    "setup": "pendant la préparation du scénario, avant ses étapes",
    "call": "pendant les étapes",
    "teardown": "pendant le nettoyage, après les étapes",
}
# pytest's own outcome categories (its terminal summary), singular and plural.
PYTEST_CATEGORY_WORDS = {
    "passed": ("réussi", "réussis"),
    "failed": ("échoué", "échoués"),
    "error": ("erreur", "erreurs"),
    "skipped": ("ignoré", "ignorés"),
    "xfailed": ("échec attendu", "échecs attendus"),
    "xpassed": ("réussite inattendue", "réussites inattendues"),
}

DEFAULT_HTML_NAME = "rapport.html"  # next to the cucumber JSON
TEMPLATES = Path(__file__).parent / "templates"


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


@dataclass
class Verdict:
    outcome: str  # "reussie", "incomplete", "echec" or "vide"
    text: str
    details: list[str]
    exit_code: ExitCode  # what a run with this verdict exits with (a merge exits with it)


def load_cucumber(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as cucumber_file:
        return json.load(cucumber_file)


# -- from pytest-bdd's cucumber JSON ------------------------------------------------


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
    return ScenarioResult(
        uri=feature["uri"],
        feature_name=feature["name"],
        keyword=element["keyword"],
        name=element["name"],
        line=element["line"],
        tags=feature_tags | {tag["name"] for tag in element.get("tags", [])},
        status=status,
        steps=steps,
        example_label=_example_label_from_id(element.get("id", "")),
        failure_phase="call" if status == FAILED else None,
        message=_assertion_lines(error_message) if error_message else None,
        details=error_message,
        duration=sum(step["result"].get("duration", 0) for step in element.get("steps", [])) / 1e9,
    )


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


# -- from the plugin's evidence ---------------------------------------------------


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
    first_failure = failures[0] if failures else {}
    return ScenarioResult(
        uri=record["uri"],
        feature_name=record["feature_name"],
        keyword=record["keyword"],
        name=record["name"],
        line=record["line"],
        tags=set(record["tags"]) | set(record["feature_tags"]),
        status=scenario_status(phases, failures),
        steps=steps,
        nodeid=record.get("nodeid"),
        example=record.get("example"),
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


# -- the verdict ------------------------------------------------------------------------


def scenario_counts(results: list[ScenarioResult]) -> dict[str, int]:
    return {status: sum(1 for r in results if r.status == status) for status in SCENARIO_STATUS_WORDS}


def skip_reasons(results: list[ScenarioResult]) -> list[tuple[str, int]]:
    """Each reason of the skipped scenarios, with how many it skipped, most first."""
    reasons = Counter(r.skip_reason or "raison non indiquée" for r in results if r.status == SKIPPED)
    return reasons.most_common()


def verdict_of(results: list[ScenarioResult], run: RunInfo) -> Verdict:
    """« Recette réussie » only when every selected scenario ran and passed;
    « Recette en échec » when anything failed or errored, in any phase, even
    outside a scenario (pytest's counts say so); « Recette incomplète » when
    nothing failed but something was skipped or the run stopped early."""
    counts = scenario_counts(results)
    pytest_counts = run.pytest_counts or {}
    total = len(results)
    pytest_failures = pytest_counts.get("failed", 0) + pytest_counts.get("error", 0)
    if counts[FAILED] or counts[ERROR] or pytest_failures or run.run_errors:
        failing = [
            _count(counts[status], singular, plural)
            for status, singular, plural in (
                (FAILED, "scénario échoué", "scénarios échoués"),
                (ERROR, "scénario en erreur", "scénarios en erreur"),
            )
            if counts[status]
        ]
        details = [f"{' et '.join(failing)} sur {total}."] if failing else []
        # A scenario failing in its steps and erroring in teardown counts twice for pytest.
        in_scenarios = sum(1 + len(r.other_failures) for r in results if r.status in (FAILED, ERROR))
        if pytest_failures > in_scenarios:
            details.append(
                "pytest signale aussi des échecs ou erreurs hors des scénarios (collecte, configuration) ; "
                f"son décompte : {pytest_summary(pytest_counts)}."
            )
        stopped_with = ExitCode(run.exit_status) if run.exit_status in STOPPED else ExitCode.TESTS_FAILED
        return Verdict("echec", "Recette en échec", details + run.run_errors, stopped_with)
    stopped = STOPPED.get(run.exit_status) if run.exit_status is not None else None
    skipped_outside = max(pytest_counts.get("skipped", 0) - counts[SKIPPED], 0)
    skips_code = exit_code_with_skips(ExitCode.OK, counts[SKIPPED] + skipped_outside,
                                      bundled_mock=run.bundled_mock, skips_accepted=run.skips_accepted)
    if skips_code == ExitCode.TESTS_FAILED:
        skipped = _count(counts[SKIPPED] + skipped_outside, "scénario ignoré", "scénarios ignorés")
        return Verdict("echec", "Recette en échec", [
            (f"{skipped} sur {total} alors que la suite a démarré elle-même le site simulé, qui offre tout ce que "
             "les scénarios demandent :"),
            *(f"{result.name} : {result.skip_reason or 'raison non indiquée'}"
              for result in results if result.status == SKIPPED),
        ], ExitCode.TESTS_FAILED)
    if counts[SKIPPED] or stopped or skipped_outside > 0:
        details = []
        if counts[SKIPPED]:
            details.append(
                f"{_count(counts[SKIPPED], 'scénario ignoré', 'scénarios ignorés')} sur {total}, "
                "donc non vérifié" + ("s" if counts[SKIPPED] > 1 else "") + " :"
            )
        if skipped_outside > 0:
            outside = _count(skipped_outside, "test", "tests")
            details.append(f"pytest a ignoré {outside} hors des scénarios (collecte).")
        if stopped:
            details.append(f"L'exécution a été {stopped} (code de sortie de pytest : {run.exit_status}).")
        if stopped:
            return Verdict("incomplete", "Recette incomplète", details, ExitCode(run.exit_status))
        if skips_code == ExitCode.OK:
            return Verdict("incomplete", "Recette incomplète, acceptée par --accepter-ignores", details, ExitCode.OK)
        return Verdict("incomplete", "Recette incomplète", details, ExitCode.INCOMPLETE)
    if not results:
        return Verdict("vide", "Aucun scénario exécuté", ["Aucun scénario n'a été sélectionné ni exécuté."],
                       ExitCode.NO_TESTS_COLLECTED)
    everything = (
        "Le scénario sélectionné a été exécuté et a réussi."
        if total == 1
        else f"Les {total} scénarios sélectionnés ont tous été exécutés et ont tous réussi."
    )
    return Verdict("reussie", "Recette réussie", [everything], ExitCode.OK)


def pytest_summary(pytest_counts: dict[str, int]) -> str:
    """pytest's counts in its terminal summary's order, in French."""
    ordered = [category for category in PYTEST_CATEGORY_WORDS if pytest_counts.get(category)]
    ordered += sorted(category for category in pytest_counts if category not in PYTEST_CATEGORY_WORDS)
    parts = []
    for category in ordered:
        singular, plural = PYTEST_CATEGORY_WORDS.get(category, (category, category))
        parts.append(_count(pytest_counts[category], singular, plural))
    return ", ".join(parts) or "aucun test"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {plural if number > 1 else singular}"


# -- the JSON beside the page -------------------------------------------------------


def summary_data(results: list[ScenarioResult], run: RunInfo) -> dict[str, Any]:
    """The verdict, the counts and each scenario's status, as data."""
    verdict = verdict_of(results, run)
    return {
        "verdict": {"outcome": verdict.outcome, "text": verdict.text, "details": verdict.details,
                    "exit_code": int(verdict.exit_code)},
        "scenarios": {"total": len(results), **scenario_counts(results)},
        "pytest": run.pytest_counts,
        "exit_status": run.exit_status,
        "run_errors": run.run_errors,
        "shards": [
            {
                "name": shard.name,
                "started": shard.started.isoformat() if shard.started else None,
                "duration": shard.duration,
                "scenarios": shard.scenarios,
                "exit_status": shard.exit_status,
            }
            for shard in run.shards
        ],
        "skip_reasons": [{"reason": reason, "count": count} for reason, count in skip_reasons(results)],
        "results": [
            {
                "nodeid": r.nodeid,
                "uri": r.uri,
                "line": r.line,
                "name": r.name,
                "example": r.example or r.example_label,
                "status": r.status,
                "phase": r.failure_phase,
                "message": r.message,
                "skip_reason": r.skip_reason if r.status == SKIPPED else None,
                "announced": r.announced,
                "mails": r.mails,
            }
            for r in _ordered(results)
        ],
    }


# -- HTML ------------------------------------------------------------------------------


def _ordered(results: list[ScenarioResult]) -> list[ScenarioResult]:
    return sorted(results, key=lambda r: (r.uri, r.line, r.example_index if r.example_index is not None else -1))


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        duration=_format_duration, moment=_format_moment, step_text=_step_text, part_counts=_part_counts
    )
    environment.globals.update(
        PASSED=PASSED,
        FAILED=FAILED,
        ERROR=ERROR,
        SKIPPED=SKIPPED,
        STATUS_WORDS=SCENARIO_STATUS_WORDS,
        STATUS_CLASSES=STATUS_CLASSES,
        STEP_STATUS_WORDS=STEP_STATUS_WORDS,
        PHASE_WORDS=PHASE_WORDS,
        GAP_TEXT=GAP_TEXT,
    )
    return environment


def render_html(results: list[ScenarioResult], run: RunInfo, html_dir: Path) -> str:
    """The page; ``html_dir`` is where it will be written (trace links are relative to it)."""
    ordered = _ordered(results)
    counts = scenario_counts(ordered)
    duration = run.duration if run.duration is not None else sum(r.duration for r in ordered)
    parts = [
        {"anchor": f"partie-{part.tag}", "title": part.title, "tag": part.tag,
         "results": [r for r in ordered if part.tag in r.tags]}
        for part in GUIDE_PARTS
    ]
    outside = [r for r in ordered if not (r.tags & GUIDE_TAGS)]
    if outside:
        parts.append({"anchor": "hors-guide", "title": OUTSIDE_GUIDE_TITLE, "tag": None, "results": outside})
    summary_rows = [
        ("Cible", run.target or "non renseignée"),
        ("Mailpit", run.mailpit or "non renseigné"),
        ("Début", _format_moment(run.started) if run.started else "non renseigné"),
        (_duration_label(run), _format_duration(duration)),
        ("Scénarios", str(len(ordered))),
        ("Réussis", str(counts[PASSED])),
        ("Échoués", str(counts[FAILED])),
        ("En erreur", str(counts[ERROR])),
        ("Ignorés", str(counts[SKIPPED])),
    ]
    if run.pytest_counts is not None:
        summary_rows.append(("Décompte de pytest", pytest_summary(run.pytest_counts)))
    for shard in run.shards:
        shard_duration = _format_duration(shard.duration) if shard.duration is not None else "durée inconnue"
        summary_rows.append(
            (f"Shard {shard.name}", f"{_count(shard.scenarios, 'scénario', 'scénarios')}, {shard_duration}")
        )
    return _environment().get_template("rapport.html.j2").render(
        verdict=verdict_of(ordered, run),
        skip_reasons=skip_reasons(ordered),
        summary_rows=summary_rows,
        guide_parts=parts[: len(GUIDE_PARTS)],
        parts=parts,
        screenshot=_screenshot,
        link=lambda path: _relative_link(path, html_dir),
    )


def _duration_label(run: RunInfo) -> str:
    if run.duration is None:
        return "Durée (somme des scénarios)"
    if run.shards:
        return (f"Durée ({len(run.shards)} shards : du début du premier à la fin du dernier)"
                if len(run.shards) > 1 else "Durée (1 shard)")
    return "Durée"


def _part_counts(results: list[ScenarioResult]) -> str:
    if not results:
        return "aucun scénario (lacune de couverture)"
    counts = scenario_counts(results)
    return ", ".join(
        _count(counts[status], SCENARIO_STATUS_WORDS[status], SCENARIO_STATUS_PLURALS[status])
        for status in SCENARIO_STATUS_WORDS
        if status != ERROR or counts[ERROR]  # errors are rare: named only when there are some
    )


def _step_text(step: StepResult) -> str:
    # pytest-bdd title-cases keywords ("Étant Donné Qu'"); French writes
    # "Étant donné qu'", without a space after the elision.
    keyword = step.keyword.strip().capitalize()
    separator = "" if keyword.endswith(("'", "’")) else " "
    return f"{keyword}{separator}{step.name}"


def _screenshot(path: str) -> dict[str, str | None]:
    """The PNG as a data URL, or why it could not be read."""
    try:
        encoded = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    except OSError as error:
        return {"data_url": None, "error": error.strerror or str(error)}
    return {"data_url": f"data:image/png;base64,{encoded}", "error": None}


def _relative_link(path: str, html_dir: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).absolute(), html_dir.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).absolute().as_uri()


def _format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s".replace(".", ",")
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def _format_moment(moment: datetime | str) -> str:
    if isinstance(moment, str):  # a mail's "created", as the evidence carries it (ISO 8601)
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    return moment.astimezone(PARIS).strftime("%d/%m/%Y à %H:%M:%S (heure de Paris)")


def write_report(
    cucumber_json: str | os.PathLike[str],
    output: str | os.PathLike[str],
    evidence: Iterable[dict[str, Any]] = (),
    run: RunInfo | None = None,
) -> Path:
    """Write the HTML page built from a cucumber JSON file (and evidence),
    and its verdict and counts as JSON beside it (same name, .json); return
    the page's path."""
    output_path = Path(output)
    if summary_path(output_path).absolute() == Path(cucumber_json).absolute():
        raise ValueError(f"le JSON du verdict écraserait le JSON Cucumber : renommer le rapport {output_path}")
    return write_results(merge_results(load_cucumber(cucumber_json), evidence), output_path, run or RunInfo())


def write_results(results: list[ScenarioResult], output_path: Path, run: RunInfo) -> Path:
    """Write the page of these results and its JSON beside it; return the page's path."""
    output_path.parent.mkdir(parents=True, exist_ok=True)
    output_path.write_text(render_html(results, run, output_path.parent), encoding="utf-8")
    summary_path(output_path).write_text(
        json.dumps(summary_data(results, run), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return output_path


def summary_path(html_path: Path) -> Path:
    """Where the JSON of a page's verdict and counts is written."""
    return html_path.with_suffix(".json")
