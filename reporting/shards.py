"""Shards: one run of the suite split over N jobs (pytest-split's
``--splits N --group K``), each writing its reports into a folder of its own
(``--reports-dir``); ``python -m reporting merge`` builds one report and one
JUnit XML from those folders.

A shard's folder holds pytest-bdd's cucumber JSON, pytest's JUnit XML, the
artifacts of its failures, and preuves.json: what the plugin knew of the run
(start, wall time, pytest's counts, exit code, the pytest-split group) and the
evidence of every test, artifact paths relative to the folder, so that the
folder can be moved (CI downloads it elsewhere).

The merge refuses to hide anything: a scenario in two shards, or a shard of
the split that is missing, makes the merged verdict « Recette en échec ».
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from junitparser import Error, JUnitXml, JUnitXmlError, TestCase, TestSuite

from reporting.model import RunInfo, ScenarioResult, ShardInfo
from reporting.report import DEFAULT_HTML_NAME, write_results
from reporting.results import load_cucumber, merge_results
from reporting.verdict import ExitCode

EVIDENCE_NAME = "preuves.json"
FOLDER_FILES = {"cucumber": "cucumber.json", "junit": "junit.xml", "evidence": EVIDENCE_NAME}
FORMAT = 1
ARTIFACT_KINDS = ("screenshots", "traces")
# The shards' exit codes, the worst first: a merged run stopped if any shard
# stopped (internal error, interruption, usage error), then failed, then was
# incomplete; "no tests" only if every shard had none.
EXIT_STATUS_RANK = (ExitCode.INTERNAL_ERROR, ExitCode.INTERRUPTED, ExitCode.USAGE_ERROR, ExitCode.TESTS_FAILED,
                    ExitCode.INCOMPLETE, ExitCode.OK, ExitCode.NO_TESTS_COLLECTED)


class ShardError(Exception):
    """A folder that cannot be merged; the message, in French, says why."""


def shard_data(
    run: RunInfo, evidence: list[dict[str, Any]], folder: Path, split: dict[str, int] | None
) -> dict[str, Any]:
    """What preuves.json holds: the run and the evidence (with absolute
    artifact paths, as the plugin keeps them), made relative to ``folder``."""
    return {
        "format": FORMAT,
        "run": {
            "target": run.target,
            "mailpit": run.mailpit,
            "conditions": run.conditions,
            "started": run.started.isoformat() if run.started else None,
            "duration": run.duration,
            "pytest_counts": run.pytest_counts,
            "exit_status": run.exit_status,
            "bundled_mock": run.bundled_mock,
            "skips_accepted": run.skips_accepted,
        },
        "split": split,
        "evidence": [_with_artifact_paths(record, lambda path: _relative(path, folder)) for record in evidence],
    }


def _with_artifact_paths(record: dict[str, Any], convert) -> dict[str, Any]:
    """The record with each screenshot and trace path converted (made relative to a folder, or absolute again)."""
    return {**record, **{kind: [convert(path) for path in record.get(kind, [])] for kind in ARTIFACT_KINDS}}


def _relative(path: str, folder: Path) -> str:
    return Path(os.path.relpath(Path(path).absolute(), folder.absolute())).as_posix()


@dataclass
class Shard:
    folder: Path
    run: RunInfo
    split: dict[str, int] | None
    results: list[ScenarioResult]
    junit: JUnitXml

    @property
    def name(self) -> str:
        return str(self.folder)

    @property
    def ended(self) -> datetime | None:
        if self.run.started is None:
            return None
        return self.run.started + timedelta(seconds=self.run.duration or 0.0)


def load_shard(folder: Path) -> Shard:
    if not folder.is_dir():
        raise ShardError(f"{folder} : dossier introuvable")
    missing = [name for name in FOLDER_FILES.values() if not (folder / name).is_file()]
    if len(missing) == len(FOLDER_FILES):
        raise ShardError(
            f"{folder} n'est pas le dossier d'un shard : ni {', ni '.join(FOLDER_FILES.values())} "
            "(écrits par « pytest steps … --reports-dir DOSSIER »)"
        )
    if missing:
        raise ShardError(
            f"{folder} : dossier de shard incomplet, il manque {', '.join(missing)} "
            "(l'exécution de ce shard s'est-elle arrêtée avant la fin ?)"
        )
    try:
        data = json.loads((folder / EVIDENCE_NAME).read_text(encoding="utf-8"))
        cucumber = load_cucumber(folder / FOLDER_FILES["cucumber"])
    except (OSError, ValueError) as error:
        raise ShardError(f"{folder} : JSON illisible ({error})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ShardError(f"{folder / EVIDENCE_NAME} : format inconnu (attendu : format {FORMAT} du plugin du rapport)")
    try:
        junit = JUnitXml.fromfile(str(folder / FOLDER_FILES["junit"]))
    except (JUnitXmlError, SyntaxError) as error:  # lxml's and ElementTree's parse errors are SyntaxErrors
        raise ShardError(f"{folder / FOLDER_FILES['junit']} : JUnit XML illisible ({error})") from error
    if isinstance(junit, TestSuite):  # a lone <testsuite> root
        junit = JUnitXml() + junit
    run_data = data["run"]
    run = RunInfo(
        target=run_data["target"],
        mailpit=run_data["mailpit"],
        conditions=run_data.get("conditions", []),
        started=datetime.fromisoformat(run_data["started"]) if run_data["started"] else None,
        duration=run_data["duration"],
        pytest_counts=run_data["pytest_counts"],
        exit_status=run_data["exit_status"],
        bundled_mock=run_data.get("bundled_mock", False),
        skips_accepted=run_data.get("skips_accepted", False),
    )
    evidence = [_with_artifact_paths(record, lambda path: str(folder.absolute() / path)) for record in data["evidence"]]
    return Shard(folder, run, data.get("split"), merge_results(cucumber, evidence), junit)


def _scenario_key(result: ScenarioResult) -> tuple[Any, ...]:
    return (result.nodeid,) if result.nodeid else (result.uri, result.line, result.example_label)


def _scenario_text(result: ScenarioResult) -> str:
    example = f" ({result.example_label or result.example})" if result.example or result.example_label else ""
    return f"« {result.name} »{example}, {result.uri}:{result.line}"


def overlaps(shards: list[Shard]) -> list[str]:
    """A message for every scenario found in more than one shard."""
    where: dict[tuple[Any, ...], list[Shard]] = {}
    first: dict[tuple[Any, ...], ScenarioResult] = {}
    for shard in shards:
        for result in shard.results:
            where.setdefault(_scenario_key(result), []).append(shard)
            first.setdefault(_scenario_key(result), result)
    return [
        f"Le scénario {_scenario_text(first[key])} figure dans plusieurs shards : "
        f"{' et '.join(shard.name for shard in found)} (les shards doivent avoir la même sélection, "
        "le même --splits et chacun son --group)."
        for key, found in where.items()
        if len(found) > 1
    ]


def missing_groups(shards: list[Shard], expected_splits: int | None = None) -> list[str]:
    """What is wrong with the pytest-split groups: a group of the split not
    given (its scenarios would silently vanish), or given twice, or shards of
    different splits (or of another split than the expected one)."""
    split_shards = [shard for shard in shards if shard.split]
    totals = sorted({shard.split["splits"] for shard in split_shards} | ({expected_splits} if expected_splits else set()))
    if len(totals) > 1:
        return [f"Les shards viennent de découpages différents (--splits {' et '.join(map(str, totals))})."]
    if not totals:
        return []
    total = totals[0]
    groups = Counter(shard.split["group"] for shard in split_shards)
    problems = [
        f"Le shard {group} sur {total} (--splits {total} --group {group}) est absent : "
        "ses scénarios n'ont été ni exécutés ni comptés."
        for group in range(1, total + 1)
        if group not in groups
    ]
    problems += [
        f"Le shard {group} sur {total} est donné {count} fois : "
        + ", ".join(shard.name for shard in split_shards if shard.split["group"] == group) + "."
        for group, count in sorted(groups.items())
        if count > 1
    ]
    return problems


def merged_run(shards: list[Shard], expected_splits: int | None = None) -> RunInfo:
    starts = [shard.run.started for shard in shards if shard.run.started]
    ends = [shard.ended for shard in shards if shard.ended]
    counts: Counter[str] = Counter()
    for shard in shards:
        counts.update(shard.run.pytest_counts or {})
    statuses = [shard.run.exit_status for shard in shards if shard.run.exit_status is not None]
    exit_status = next((int(code) for code in EXIT_STATUS_RANK if code in statuses), max(statuses, default=None))
    return RunInfo(
        target=_one_text(shard.run.target for shard in shards),
        mailpit=_one_text(shard.run.mailpit for shard in shards),
        conditions=list(dict.fromkeys(condition for shard in shards for condition in shard.run.conditions)),
        started=min(starts, default=None),
        duration=(max(ends) - min(starts)).total_seconds() if starts and ends else None,
        pytest_counts=dict(counts),
        exit_status=exit_status,
        bundled_mock=any(shard.run.bundled_mock for shard in shards),
        skips_accepted=all(shard.run.skips_accepted for shard in shards),
        shards=[
            ShardInfo(shard.name, shard.run.started, shard.run.duration, len(shard.results), shard.run.exit_status)
            for shard in shards
        ],
        run_errors=overlaps(shards) + missing_groups(shards, expected_splits),
    )


def _one_text(values: Any) -> str | None:
    distinct = list(dict.fromkeys(value for value in values if value))
    return ", ".join(distinct) or None


def merged_junit(shards: list[Shard], run_errors: list[str]) -> JUnitXml:
    """Every shard's test suites under one <testsuites>, each suite named
    after its shard; the merge's own errors as a failing test case, so that a
    tool that reads only the JUnit XML does not show a green either."""
    merged = JUnitXml()
    for shard in shards:
        for suite in shard.junit:
            suite.name = f"{suite.name} ({shard.name})"
            merged.add_testsuite(suite)
    if run_errors:
        case = TestCase("fusion des shards", classname="reporting.shards")
        case.result = [Error("\n".join(run_errors), "fusion")]
        suite = TestSuite("fusion des shards")
        suite.add_testcase(case)
        merged.add_testsuite(suite)
    merged.update_statistics()
    return merged


def merge(
    folders: list[Path], out_dir: Path, expected_splits: int | None = None
) -> tuple[Path, Path, RunInfo, list[ScenarioResult]]:
    """Write the merged page (and its JSON) and JUnit XML into ``out_dir``;
    ``expected_splits``: the --splits of the shards, when the caller knows it
    (CI does), so that even a split whose every shard is missing is seen."""
    if len({folder.resolve() for folder in folders}) < len(folders):
        raise ShardError("un même dossier de shard est donné deux fois")
    if out_dir.resolve() in {folder.resolve() for folder in folders}:
        raise ShardError(f"{out_dir} est un dossier de shard : la fusion écraserait ses rapports (choisir -o)")
    shards = [load_shard(folder) for folder in folders]
    run = merged_run(shards, expected_splits)
    results = [result for shard in shards for result in shard.results]
    html = write_results(results, out_dir / DEFAULT_HTML_NAME, run)
    junit_path = out_dir / FOLDER_FILES["junit"]
    merged_junit(shards, run.run_errors).write(str(junit_path), pretty=True)
    return html, junit_path, run, results
