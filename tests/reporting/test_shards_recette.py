"""Proof that shards lose nothing: a small selection of the guide's scenarios
(an outline with non-ASCII examples among them) run once whole and once as
two pytest-split shards, all three at once; the merge of the two shards lists
exactly the scenarios of the whole run, with the same statuses, none twice."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from junitparser import JUnitXml

from reporting.__main__ import main as report_main
from tests.conftest import PROJECT_ROOT

SUITE = "steps/test_guide_mot_de_passe_oublie.py"
# Two whole scenarios (one with its mail) and one outline of 4 examples with non-ASCII names (the
# accessibility of the form's errors): 6 tests, enough for two shards that each hold some.
SELECTION = [
    f"{SUITE}::{name}"
    for name in (
        "test_lassuré_rejoint_lespace_de_connexion_depuis_la_page_daccueil",
        "test_lassuré_est_informé_à_lécran_et_par_mail_que_son_mot_de_passe_a_été_modifié",
        "test_chaque_erreur_de_la_page__mot_de_passe_oublié__est_annoncée_et_désigne_ses_champs",
    )
]
SELECTED_TESTS = 6


def start_run(folder: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", *SELECTION, "-n", "0", "--reports-dir", str(folder), *options],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def finished(run: subprocess.Popen) -> str:
    output, _ = run.communicate(timeout=300)
    assert run.returncode == 0, output[-3000:]
    return output


def statuses(summary_file: Path) -> Counter:
    results = json.loads(summary_file.read_text(encoding="utf-8"))["results"]
    return Counter((result["nodeid"], result["status"]) for result in results)


def junit_cases(junit_file: Path) -> Counter:
    return Counter(
        (case.classname, case.name, tuple(type(result).__name__ for result in case.result))
        for suite in JUnitXml.fromfile(str(junit_file))
        for case in suite
    )


def test_two_shards_merged_list_exactly_the_scenarios_of_one_whole_run(tmp_path):
    whole = start_run(tmp_path / "entier")
    shards = [start_run(tmp_path / f"shard-{group}", "--splits", "2", "--group", str(group)) for group in (1, 2)]
    for run in (whole, *shards):
        finished(run)

    code = report_main(["merge", str(tmp_path / "shard-1"), str(tmp_path / "shard-2"), "-o", str(tmp_path / "fusion")])

    assert code == 0
    expected = statuses(tmp_path / "entier" / "rapport.json")
    assert sum(expected.values()) == SELECTED_TESTS and {status for _, status in expected} == {"passed"}
    shard_counts = [sum(statuses(tmp_path / f"shard-{group}" / "rapport.json").values()) for group in (1, 2)]
    assert all(shard_counts), f"un shard sans scénario : le découpage n'a rien partagé ({shard_counts})"
    merged = statuses(tmp_path / "fusion" / "rapport.json")
    assert merged == expected and max(merged.values()) == 1
    assert junit_cases(tmp_path / "fusion" / "junit.xml") == junit_cases(tmp_path / "entier" / "junit.xml")
    summary = json.loads((tmp_path / "fusion" / "rapport.json").read_text(encoding="utf-8"))
    assert summary["verdict"]["outcome"] == "reussie" and summary["pytest"] == {"passed": SELECTED_TESTS}


def test_every_scenario_has_a_stored_duration():
    """pytest-split gives a scenario missing from .test_durations the average
    duration: the shards still run everything, but drift apart. The file is
    refreshed with the README's command (« Shards en CI »)."""
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--collect-only", "-q", "-n", "0"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert collected.returncode == 0, collected.stdout[-2000:] + collected.stderr[-2000:]
    scenarios = {line for line in collected.stdout.splitlines() if line.startswith("steps/")}
    stored = set(json.loads((PROJECT_ROOT / ".test_durations").read_text(encoding="utf-8")))
    refresh = "python3 -m pytest steps -n 2 --store-durations --clean-durations"
    assert not scenarios - stored, f"scénarios sans durée dans .test_durations (lancer : {refresh}) : " \
        f"{sorted(scenarios - stored)}"
    assert not stored - scenarios, f"durées de scénarios disparus dans .test_durations ({refresh}) : " \
        f"{sorted(stored - scenarios)}"
