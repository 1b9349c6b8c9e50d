"""The run's report: one self-contained HTML page in French, the guide's parts
in the guide's order, each with its scenarios and their status.

Built from pytest-bdd's cucumber JSON, and from the evidence that the pytest
plugin gathers (see plugin.py) when there is some: the evidence of a test
replaces its cucumber element, since pytest-bdd's JSON misses what a report
needs (skip reasons, tests skipped before their steps, the example's values).
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reporting.guide import GAP_TEXT, GUIDE_PARTS, GUIDE_TAGS, OUTSIDE_GUIDE_TITLE

PASSED, FAILED, SKIPPED, NOT_RUN = "passed", "failed", "skipped", "not_run"
SCENARIO_STATUS_WORDS = {PASSED: "réussi", FAILED: "échoué", SKIPPED: "ignoré"}
STEP_STATUS_WORDS = {PASSED: "réussie", FAILED: "échouée", SKIPPED: "ignorée", NOT_RUN: "non exécutée"}
PHASE_WORDS = {
    "setup": "pendant la préparation du scénario, avant ses étapes",
    "call": "pendant les étapes",
    "teardown": "pendant le nettoyage, après les étapes",
}
PARIS = ZoneInfo("Europe/Paris")
DEFAULT_HTML_NAME = "rapport.html"  # next to the cucumber JSON


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
    example: dict[str, str] | None = None
    example_label: str | None = None
    example_index: int | None = None
    skip_reason: str | None = None
    failure_phase: str | None = None
    message: str | None = None
    details: str | None = None
    screenshots: list[str] = field(default_factory=list)
    traces: list[str] = field(default_factory=list)
    mails: list[dict[str, Any]] = field(default_factory=list)
    duration: float = 0.0

    @property
    def failed_step(self) -> StepResult | None:
        return next((step for step in self.steps if step.status == FAILED), None)


@dataclass
class RunInfo:
    target: str | None = None
    mailpit: str | None = None
    started: datetime | None = None
    duration: float | None = None  # seconds, wall clock; None: summed from the scenarios


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


def result_from_evidence(record: dict[str, Any]) -> ScenarioResult:
    outcome = record["outcome"]
    executed = record.get("executed") or []
    if outcome == FAILED and record.get("phase") == "call" and True in executed:
        stop_index, stop_status = executed.index(True), FAILED
    elif outcome == SKIPPED and record.get("phase") == "call" and executed:
        stop_index, stop_status = len(executed) - 1, SKIPPED
    elif outcome in (FAILED, SKIPPED) and record.get("phase") == "setup":
        stop_index, stop_status = -1, NOT_RUN
    else:
        stop_index, stop_status = len(record["steps"]), PASSED
    steps = []
    for index, step in enumerate(record["steps"]):
        status = PASSED if index < stop_index else stop_status if index == stop_index else NOT_RUN
        steps.append(StepResult(step["keyword"], step["name"], step["line"], status))
    return ScenarioResult(
        uri=record["uri"],
        feature_name=record["feature_name"],
        keyword=record["keyword"],
        name=record["name"],
        line=record["line"],
        tags=set(record["tags"]) | set(record["feature_tags"]),
        status=outcome,
        steps=steps,
        example=record.get("example"),
        example_index=record.get("example_index"),
        skip_reason=record.get("skip_reason"),
        failure_phase=record.get("phase") if outcome == FAILED else None,
        message=record.get("message"),
        details=record.get("details"),
        screenshots=list(record.get("screenshots", [])),
        traces=list(record.get("traces", [])),
        mails=list(record.get("mails", [])),
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


# -- HTML ------------------------------------------------------------------------------


def render_html(results: list[ScenarioResult], run: RunInfo, html_dir: Path) -> str:
    """The page; ``html_dir`` is where it will be written (trace links are relative to it)."""
    ordered = sorted(
        results, key=lambda r: (r.uri, r.line, r.example_index if r.example_index is not None else -1)
    )
    totals = {status: sum(1 for r in ordered if r.status == status) for status in SCENARIO_STATUS_WORDS}
    duration = run.duration if run.duration is not None else sum(r.duration for r in ordered)
    sections = []
    for number, part in enumerate(GUIDE_PARTS, start=1):
        in_part = [r for r in ordered if part.tag in r.tags]
        sections.append(_part_section(f"partie-{part.tag}", part.title, part.tag, in_part, number, html_dir))
    outside = [r for r in ordered if not (r.tags & GUIDE_TAGS)]
    if outside:
        sections.append(_part_section("hors-guide", OUTSIDE_GUIDE_TITLE, None, outside, None, html_dir))
    summary_rows = [
        ("Cible", run.target or "non renseignée"),
        ("Mailpit", run.mailpit or "non renseigné"),
        ("Début", _format_moment(run.started) if run.started else "non renseigné"),
        ("Durée" if run.duration is not None else "Durée (somme des scénarios)", _format_duration(duration)),
        ("Scénarios", str(len(ordered))),
        ("Réussis", str(totals[PASSED])),
        ("Échoués", str(totals[FAILED])),
        ("Ignorés", str(totals[SKIPPED])),
    ]
    verdict = (
        "Recette en échec" if totals[FAILED] else "Recette réussie" if ordered else "Aucun scénario exécuté"
    )
    nav_items = "".join(
        f'<li><a href="#partie-{part.tag}">{_e(part.title)}</a> : '
        f"{_part_counts([r for r in ordered if part.tag in r.tags])}</li>"
        for part in GUIDE_PARTS
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport de recette : Mot de passe oublié</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>Rapport de recette : parcours « Mot de passe oublié »</h1>
<p class="verdict {'echoue' if totals[FAILED] else 'reussi'}">{verdict}</p>
</header>
<main>
<section aria-labelledby="synthese">
<h2 id="synthese">Synthèse de l'exécution</h2>
<table class="synthese">
<caption>Totaux, durée, cible et Mailpit de l'exécution</caption>
<tbody>
{''.join(f'<tr><th scope="row">{_e(label)}</th><td>{_e(value)}</td></tr>' for label, value in summary_rows)}
</tbody>
</table>
</section>
<nav aria-labelledby="sommaire">
<h2 id="sommaire">Parties du guide</h2>
<ol>{nav_items}</ol>
</nav>
{''.join(sections)}
</main>
<footer><p>Les scénarios sont regroupés selon l'étiquette (@etape-0…) qui les rattache au guide
« Pas-à-pas : Mot de passe oublié ». Une trace Playwright s'ouvre avec
<code>playwright show-trace &lt;fichier trace.zip&gt;</code>, ou en la déposant sur
https://trace.playwright.dev (la trace reste dans le navigateur).</p></footer>
</body>
</html>
"""


def _part_counts(results: list[ScenarioResult]) -> str:
    if not results:
        return "aucun scénario (lacune de couverture)"
    counts = []
    for status, word in SCENARIO_STATUS_WORDS.items():
        count = sum(1 for r in results if r.status == status)
        counts.append(f"{count} {word}{'s' if count > 1 else ''}")
    return ", ".join(counts)


def _part_section(
    anchor: str, title: str, tag: str | None, results: list[ScenarioResult], number: int | None, html_dir: Path
) -> str:
    tag_note = f'<p class="etiquette">Étiquette <code>@{_e(tag)}</code></p>' if tag else ""
    if results:
        body = "".join(_scenario_article(f"{anchor}-{index}", r, html_dir) for index, r in enumerate(results, 1))
    else:
        body = f'<p class="lacune"><strong>{_e(GAP_TEXT)}</strong></p>'
    return f"""
<section id="{anchor}" aria-labelledby="{anchor}-titre" class="partie">
<h2 id="{anchor}-titre">{_e(title)}</h2>
{tag_note}{body}
</section>"""


def _scenario_article(anchor: str, result: ScenarioResult, html_dir: Path) -> str:
    status_word = SCENARIO_STATUS_WORDS[result.status]
    css = {PASSED: "reussi", FAILED: "echoue", SKIPPED: "ignore"}[result.status]
    parts = [
        f'<article class="scenario {css}" aria-labelledby="{anchor}-titre">',
        f'<h3 id="{anchor}-titre">{_e(result.keyword)} : {_e(result.name)}</h3>',
        (
            f'<p>Statut : <strong class="statut {css}">{status_word}</strong>'
            f" · {_e(result.feature_name)} (<code>{_e(result.uri)}</code>, ligne {result.line})"
            f" · {_format_duration(result.duration)}</p>"
        ),
    ]
    if result.example:
        headers = "".join(f'<th scope="col">{_e(name)}</th>' for name in result.example)
        values = "".join(f"<td>{_e(value)}</td>" for value in result.example.values())
        parts.append(
            f'<table class="exemple"><caption>Exemple</caption><thead><tr>{headers}</tr></thead>'
            f"<tbody><tr>{values}</tr></tbody></table>"
        )
    elif result.example_label:
        parts.append(f"<p>Exemple : <code>{_e(result.example_label)}</code></p>")
    if result.status == SKIPPED:
        reason = result.skip_reason or "non indiquée (le JSON Cucumber ne la contient pas)"
        parts.append(f'<p class="raison">Raison : {_e(reason)}</p>')
    if result.steps:
        rows = "".join(
            f'<tr class="{step.status}"><td>{_e(_step_text(step))}</td>'
            f"<td>{step.line}</td><td>{STEP_STATUS_WORDS[step.status]}</td></tr>"
            for step in result.steps
        )
        parts.append(
            f'<table class="etapes"><caption>Étapes du scénario</caption>'
            f'<thead><tr><th scope="col">Étape</th><th scope="col">Ligne</th><th scope="col">Statut</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if result.status == FAILED:
        parts.append(_failure_evidence(anchor, result, html_dir))
    elif result.mails:
        parts.append(_mails(anchor, result.mails))
    parts.append("</article>")
    return "\n".join(parts)


def _failure_evidence(anchor: str, result: ScenarioResult, html_dir: Path) -> str:
    parts = [f'<section class="preuves" aria-labelledby="{anchor}-echec"><h4 id="{anchor}-echec">Échec</h4>']
    failed_step = result.failed_step
    if failed_step:
        parts.append(
            f"<p>Étape en échec : <strong>{_e(_step_text(failed_step))}</strong>"
            f" (ligne {failed_step.line})</p>"
        )
    else:
        parts.append(f"<p>Échec {PHASE_WORDS.get(result.failure_phase or '', '')}</p>")
    if result.message:
        parts.append(f'<p>Message :</p><pre class="message">{_e(result.message)}</pre>')
    if result.details and result.details != result.message:
        parts.append(f"<details><summary>Détail de l'erreur</summary><pre>{_e(result.details)}</pre></details>")
    for index, screenshot in enumerate(result.screenshots, 1):
        parts.append(_screenshot(screenshot, result.name, index, len(result.screenshots)))
    for trace in result.traces:
        link = _relative_link(trace, html_dir)
        parts.append(
            f'<p>Trace Playwright : <a href="{_e(link)}" download>{_e(link)}</a> ; pour l\'ouvrir, depuis le '
            f"dossier de ce rapport : <code>playwright show-trace {_e(link)}</code>, ou la déposer sur "
            "https://trace.playwright.dev</p>"
        )
    if result.mails:
        parts.append(_mails(anchor, result.mails))
    parts.append("</section>")
    return "\n".join(parts)


def _step_text(step: StepResult) -> str:
    # pytest-bdd title-cases keywords ("Étant Donné Qu'"); French writes
    # "Étant donné qu'", without a space after the elision.
    keyword = step.keyword.strip().capitalize()
    separator = "" if keyword.endswith(("'", "’")) else " "
    return f"{keyword}{separator}{step.name}"


def _screenshot(path: str, scenario_name: str, index: int, count: int) -> str:
    number = f" ({index}/{count})" if count > 1 else ""
    alt = f"Capture d'écran au moment de l'échec{number} : {scenario_name}"
    try:
        encoded = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    except OSError as error:
        return f"<p>Capture d'écran introuvable : <code>{_e(path)}</code> ({_e(error.strerror or str(error))})</p>"
    return (
        f'<figure><img src="data:image/png;base64,{encoded}" alt="{_e(alt)}">'
        f"<figcaption>{_e(alt)}</figcaption></figure>"
    )


def _mails(anchor: str, mails: list[dict[str, Any]]) -> str:
    title = "Mail en cause" if len(mails) == 1 else "Mails en cause"
    parts = [f'<section class="mails" aria-labelledby="{anchor}-mails"><h4 id="{anchor}-mails">{title}</h4>']
    for mail in mails:
        rows = [
            ("Objet", mail.get("subject") or "(sans objet)"),
            ("Destinataires", ", ".join(mail.get("recipients") or []) or "(aucun)"),
        ]
        if mail.get("id"):
            rows.append(("Identifiant Mailpit", mail["id"]))
        parts.append(
            '<table class="mail"><caption>Mail</caption><tbody>'
            + "".join(f'<tr><th scope="row">{_e(label)}</th><td>{_e(value)}</td></tr>' for label, value in rows)
            + "</tbody></table>"
            + f"<details><summary>Texte du mail</summary><pre>{_e(mail.get('text') or '')}</pre></details>"
        )
    parts.append("</section>")
    return "\n".join(parts)


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


def _format_moment(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%d/%m/%Y à %H:%M:%S (heure de Paris)")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def write_report(
    cucumber_json: str | os.PathLike[str],
    output: str | os.PathLike[str],
    evidence: Iterable[dict[str, Any]] = (),
    run: RunInfo | None = None,
) -> Path:
    """Write the HTML page built from a cucumber JSON file (and evidence); return its path."""
    output_path = Path(output)
    results = merge_results(load_cucumber(cucumber_json), evidence)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    output_path.write_text(render_html(results, run or RunInfo(), output_path.parent), encoding="utf-8")
    return output_path


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 70rem;
  padding: 1rem 1.5rem; color: #1a1a1a; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #0b4f8a; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; } h4 { margin: .6rem 0 .3rem; }
table { border-collapse: collapse; margin: .4rem 0; } caption { text-align: left; font-weight: 600; }
th, td { border: 1px solid #b8b8b8; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.synthese th { background: #eef3f8; }
.verdict { font-weight: 700; font-size: 1.1rem; } .verdict.echoue { color: #a4001d; } .verdict.reussi { color: #146b2e; }
.scenario { border: 1px solid #ccc; border-left: 6px solid #777; border-radius: 4px; padding: .6rem .9rem; margin: .8rem 0; }
.scenario.reussi { border-left-color: #1e8a3c; } .scenario.echoue { border-left-color: #c4002b; }
.scenario.ignore { border-left-color: #8a6d00; }
.statut { padding: 0 .35rem; border-radius: 3px; color: #fff; }
.statut.reussi { background: #146b2e; } .statut.echoue { background: #a4001d; } .statut.ignore { background: #6b5400; }
tr.failed td { background: #fde8ec; } tr.skipped td { background: #fff6d6; } tr.not_run td { color: #555; }
.lacune { background: #fff6d6; border: 2px dashed #8a6d00; padding: .6rem .9rem; }
.raison { font-style: italic; }
pre { background: #f5f5f5; padding: .5rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
figure { margin: .5rem 0; } img { max-width: 100%; border: 1px solid #999; }
code { background: #f2f2f2; padding: 0 .2rem; }
"""
