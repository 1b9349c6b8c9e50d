"""The run's verdict and its exit code, decided here once, and the one rule by which a skipped scenario
counts.

A skip is never a pass. When the suite started the bundled mock itself (which offers everything a scenario
needs), a skip is a failure (1). Against any other target, a run with skips is an incomplete acceptance
(INCOMPLETE, 6), unless --accepter-ignores accepts it (0). An error or a failure always wins: only a run
that would otherwise exit 0 is changed. The harness sets the process's exit code with this rule
(harness/verdict.py), and the report's verdict (verdict_of) is judged with the same one, so that the
terminal, the page, rapport.json, preuves.json, a merged report and the exit code always agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import IntEnum

import pytest

from reporting.model import ERROR, FAILED, SCENARIO_STATUSES, SKIPPED, RunInfo, ScenarioResult


class ExitCode(IntEnum):
    """pytest's own exit codes, and the suite's « incomplete »."""

    OK = pytest.ExitCode.OK
    TESTS_FAILED = pytest.ExitCode.TESTS_FAILED
    INTERRUPTED = pytest.ExitCode.INTERRUPTED
    INTERNAL_ERROR = pytest.ExitCode.INTERNAL_ERROR
    USAGE_ERROR = pytest.ExitCode.USAGE_ERROR
    NO_TESTS_COLLECTED = pytest.ExitCode.NO_TESTS_COLLECTED
    # Everything that ran passed, but not everything ran.
    INCOMPLETE = 6


# The codes of a run that stopped before its end, as the report says it.
STOPPED = {
    ExitCode.INTERRUPTED: "interrompue",
    ExitCode.INTERNAL_ERROR: "arrêtée par une erreur interne de pytest",
    ExitCode.USAGE_ERROR: "arrêtée par une erreur d'usage",
}
# The verdict of a run whose only fault is its skips, by the exit code the rule gives it.
SKIPS_VERDICTS = {
    ExitCode.TESTS_FAILED: "Recette en échec",
    ExitCode.INCOMPLETE: "Recette incomplète",
    ExitCode.OK: "Recette incomplète, acceptée par --accepter-ignores",
}
SKIPS_ON_THE_BUNDLED_MOCK = ("alors que la suite a démarré elle-même le site simulé, qui offre tout ce que "
                             "les scénarios demandent")
NO_REASON = "raison non indiquée"
# pytest's own outcome categories (its terminal summary), singular and plural.
PYTEST_CATEGORY_WORDS = {
    "passed": ("réussi", "réussis"),
    "failed": ("échoué", "échoués"),
    "error": ("erreur", "erreurs"),
    "skipped": ("ignoré", "ignorés"),
    "xfailed": ("échec attendu", "échecs attendus"),
    "xpassed": ("réussite inattendue", "réussites inattendues"),
}


@dataclass
class Verdict:
    outcome: str  # "reussie", "incomplete", "echec" or "vide"
    text: str
    details: list[str]
    exit_code: ExitCode  # what a run with this verdict exits with (a merge exits with it)


def exit_code_with_skips(exit_status: int, skipped: int, *, bundled_mock: bool, skips_accepted: bool) -> ExitCode:
    """The run's exit code, once `skipped` scenarios are counted (see the module's docstring)."""
    status = ExitCode(exit_status)
    if status != ExitCode.OK or not skipped:
        return status
    if bundled_mock:
        return ExitCode.TESTS_FAILED
    return ExitCode.OK if skips_accepted else ExitCode.INCOMPLETE


def skip_reason(report: pytest.TestReport) -> str:
    """Why pytest skipped a test, as the terminal and the report both show it."""
    longrepr = report.longrepr
    if isinstance(longrepr, (tuple, list)) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")


def scenario_counts(results: list[ScenarioResult]) -> dict[str, int]:
    return {status: sum(1 for r in results if r.status == status) for status in SCENARIO_STATUSES}


def skip_reasons(results: list[ScenarioResult]) -> list[tuple[str, int]]:
    """Each reason of the skipped scenarios, with how many it skipped, most first."""
    reasons = Counter(r.skip_reason or NO_REASON for r in results if r.status == SKIPPED)
    return reasons.most_common()


def verdict_of(results: list[ScenarioResult], run: RunInfo) -> Verdict:
    """« Recette réussie » only when every selected scenario ran and passed;
    « Recette en échec » when anything failed or errored, in any phase, even
    outside a scenario (pytest's counts say so), or when a scenario was skipped
    on the bundled mock; « Recette incomplète » when nothing failed but something
    was skipped or the run stopped early."""
    counts = scenario_counts(results)
    return (_failed(results, counts, run) or _skipped(results, counts, run) or _stopped_early(results, counts, run)
            or _empty_or_passed(results))


def _failed(results: list[ScenarioResult], counts: dict[str, int], run: RunInfo) -> Verdict | None:
    pytest_counts = run.pytest_counts or {}
    pytest_failures = pytest_counts.get("failed", 0) + pytest_counts.get("error", 0)
    if not (counts[FAILED] or counts[ERROR] or pytest_failures or run.run_errors):
        return None
    failing = [counted(counts[status], singular, plural) for status, singular, plural in (
        (FAILED, "scénario échoué", "scénarios échoués"), (ERROR, "scénario en erreur", "scénarios en erreur"),
    ) if counts[status]]
    details = [f"{' et '.join(failing)} sur {len(results)}."] if failing else []
    # A scenario failing in its steps and erroring in teardown counts twice for pytest.
    in_scenarios = sum(1 + len(r.other_failures) for r in results if r.status in (FAILED, ERROR))
    if pytest_failures > in_scenarios:
        details.append("pytest signale aussi des échecs ou erreurs hors des scénarios (collecte, configuration) ; "
                       f"son décompte : {pytest_summary(pytest_counts)}.")
    stopped_with = ExitCode(run.exit_status) if run.exit_status in STOPPED else ExitCode.TESTS_FAILED
    return Verdict("echec", "Recette en échec", details + run.run_errors, stopped_with)


def _skipped_outside_scenarios(counts: dict[str, int], run: RunInfo) -> int:
    return max((run.pytest_counts or {}).get("skipped", 0) - counts[SKIPPED], 0)


def _skipped(results: list[ScenarioResult], counts: dict[str, int], run: RunInfo) -> Verdict | None:
    """Skips and nothing else: a failure on the bundled mock, else incomplete (or accepted)."""
    if run.exit_status in STOPPED:
        return None
    outside = _skipped_outside_scenarios(counts, run)
    skipped = counts[SKIPPED] + outside
    if not skipped:
        return None
    code = exit_code_with_skips(ExitCode.OK, skipped, bundled_mock=run.bundled_mock,
                                skips_accepted=run.skips_accepted)
    if code == ExitCode.TESTS_FAILED:
        return Verdict("echec", SKIPS_VERDICTS[code], [
            f"{counted(skipped, 'scénario ignoré', 'scénarios ignorés')} sur {len(results)} {SKIPS_ON_THE_BUNDLED_MOCK} :",
            *(f"{result.name} : {result.skip_reason or NO_REASON}" for result in results if result.status == SKIPPED),
        ], code)
    return Verdict("incomplete", SKIPS_VERDICTS[code], _unverified(results, counts, outside), code)


def _unverified(results: list[ScenarioResult], counts: dict[str, int], outside: int) -> list[str]:
    details = []
    if counts[SKIPPED]:
        details.append(f"{counted(counts[SKIPPED], 'scénario ignoré', 'scénarios ignorés')} sur {len(results)}, "
                       "donc non vérifié" + ("s" if counts[SKIPPED] > 1 else "") + " :")
    if outside:
        details.append(f"pytest a ignoré {counted(outside, 'test', 'tests')} hors des scénarios (collecte).")
    return details


def _stopped_early(results: list[ScenarioResult], counts: dict[str, int], run: RunInfo) -> Verdict | None:
    """Interrupted, or stopped by pytest (an internal or a usage error), with nothing failed."""
    if run.exit_status not in STOPPED:
        return None
    details = _unverified(results, counts, _skipped_outside_scenarios(counts, run))
    details.append(f"L'exécution a été {STOPPED[run.exit_status]} (code de sortie de pytest : {run.exit_status}).")
    return Verdict("incomplete", "Recette incomplète", details, ExitCode(run.exit_status))


def _empty_or_passed(results: list[ScenarioResult]) -> Verdict:
    if not results:
        return Verdict("vide", "Aucun scénario exécuté", ["Aucun scénario n'a été sélectionné ni exécuté."],
                       ExitCode.NO_TESTS_COLLECTED)
    everything = ("Le scénario sélectionné a été exécuté et a réussi." if len(results) == 1
                  else f"Les {len(results)} scénarios sélectionnés ont tous été exécutés et ont tous réussi.")
    return Verdict("reussie", "Recette réussie", [everything], ExitCode.OK)


def pytest_summary(pytest_counts: dict[str, int]) -> str:
    """pytest's counts in its terminal summary's order, in French."""
    ordered = [category for category in PYTEST_CATEGORY_WORDS if pytest_counts.get(category)]
    ordered += sorted(category for category in pytest_counts if category not in PYTEST_CATEGORY_WORDS)
    parts = []
    for category in ordered:
        singular, plural = PYTEST_CATEGORY_WORDS.get(category, (category, category))
        parts.append(counted(pytest_counts[category], singular, plural))
    return ", ".join(parts) or "aucun test"


def counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {plural if number > 1 else singular}"
