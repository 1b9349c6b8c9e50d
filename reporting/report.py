"""The run's report: one self-contained HTML page in French, the guide's parts
in the guide's order, each with its scenarios and their status, under a
verdict that says whether everything selected ran and passed; and the same
verdict and counts as JSON beside it (rapport.json).

The results come from reporting/results.py, the verdict from reporting/verdict.py.
The page is written from the Jinja templates of reporting/templates/ (autoescaped),
its CSS inlined.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from contract.time import PARIS
from reporting.guide import GAP_TEXT, GUIDE_PARTS, GUIDE_TAGS, OUTSIDE_GUIDE_TITLE
from reporting.model import ERROR, FAILED, NOT_RUN, PASSED, SKIPPED, RunInfo, ScenarioResult, StepResult
from reporting.results import load_cucumber, merge_results
from reporting.verdict import counted, pytest_summary, scenario_counts, skip_reasons, verdict_of

SCENARIO_STATUS_WORDS = {PASSED: "réussi", FAILED: "échoué", ERROR: "en erreur", SKIPPED: "ignoré"}
SCENARIO_STATUS_PLURALS = {PASSED: "réussis", FAILED: "échoués", ERROR: "en erreur", SKIPPED: "ignorés"}
STATUS_CLASSES = {PASSED: "reussi", FAILED: "echoue", ERROR: "erreur", SKIPPED: "ignore"}
STEP_STATUS_WORDS = {PASSED: "réussie", FAILED: "échouée", SKIPPED: "ignorée", NOT_RUN: "non exécutée"}
PHASE_WORDS = {
    "setup": "pendant la préparation du scénario, avant ses étapes",
    "call": "pendant les étapes",
    "teardown": "pendant le nettoyage, après les étapes",
}

DEFAULT_HTML_NAME = "rapport.html"  # next to the cucumber JSON
TEMPLATES = Path(__file__).parent / "templates"



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
        *(("Conditions", condition) for condition in run.conditions),
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
            (f"Shard {shard.name}", f"{counted(shard.scenarios, 'scénario', 'scénarios')}, {shard_duration}")
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
        counted(counts[status], SCENARIO_STATUS_WORDS[status], SCENARIO_STATUS_PLURALS[status])
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
