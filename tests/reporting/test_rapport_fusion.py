"""`python -m reporting merge` on shard folders made here, as the plugin
writes them (reporting.shards.shard_data): the verdict over every shard, a
scenario in two shards or a missing shard never green, evidence links right
from the merged page, totals, durations, the guide's parts and gaps."""

import base64
import json
import shutil
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
from junitparser import JUnitXml

from reporting.__main__ import main as report_main
from reporting.guide import GAP_TEXT, GUIDE_PARTS
from reporting.model import RunInfo
from reporting.shards import shard_data
from reporting.verdict import ExitCode

STARTED = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
FEATURE = "features/etape_1_mot_de_passe_oublie.feature"
PNG = b"\x89PNG capture de l'echec"


def record(name: str, tag: str, line: int, outcome: str = "passed", **extra) -> dict:
    """One test's evidence in the plugin's shape (reporting/plugin.py)."""
    nodeid = f"steps/test_guide.py::test_{line}"
    phases = {"setup": "passed", "call": outcome, "teardown": "passed"}
    steps = [{"keyword": "Quand", "name": "il clique", "line": line + 1},
             {"keyword": "Alors", "name": "la page s'affiche", "line": line + 2}]
    failures = [{"phase": "call", "message": "AssertionError: page attendue", "details": "E   page"}] \
        if outcome == "failed" else []
    return {"nodeid": nodeid, "uri": FEATURE, "id": f"test_{line}", "feature_name": "Étape 1",
            "feature_tags": [], "keyword": "Scénario", "name": name, "line": line, "tags": [tag],
            "example": None, "example_index": None, "steps": steps,
            "executed": [False, outcome == "failed"] if outcome != "passed" else [False, False],
            "phases": phases, "failures": failures, "duration": 2.0, **extra}


def write_shard(folder: Path, records: list[dict], *, group: int | None = 1, splits: int = 2,
                started: datetime = STARTED, duration: float = 30.0, exit_status: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cucumber.json").write_text("[]", encoding="utf-8")
    cases = "".join(f'<testcase classname="steps.test_guide" name="{r["id"]}" time="2.0">'
                    + ('<failure message="échec"/>' if r["failures"] else "")
                    + ('<skipped message="ignoré"/>' if r.get("skip_reason") else "") + "</testcase>"
                    for r in records)
    failures = sum(1 for r in records if r["failures"])
    skipped = sum(1 for r in records if r.get("skip_reason"))
    (folder / "junit.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" '
        f'failures="{failures}" skipped="{skipped}" tests="{len(records)}" time="{duration}">{cases}'
        "</testsuite></testsuites>", encoding="utf-8")
    counts = {"passed": len(records) - failures - skipped, "failed": failures, "skipped": skipped}
    run = RunInfo(target="http://127.0.0.1:5000", mailpit="http://127.0.0.1:8025", started=started,
                  duration=duration, pytest_counts={k: v for k, v in counts.items() if v}, exit_status=exit_status)
    split = {"splits": splits, "group": group} if group else None
    data = shard_data(run, records, folder, split)
    (folder / "preuves.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def merged(tmp_path: Path, *folders: Path, capsys=None) -> tuple[int, dict, str, JUnitXml]:
    out = tmp_path / "fusion"
    code = report_main(["merge", *map(str, folders), "-o", str(out)])
    summary = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    page = unescape((out / "rapport.html").read_text(encoding="utf-8"))
    return code, summary, page, JUnitXml.fromfile(str(out / "junit.xml"))


def test_two_shards_make_one_green_report_with_summed_totals_and_the_wall_time(tmp_path):
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5), record("B", "etape-1", 10)], duration=30)
    two = write_shard(tmp_path / "shard-2", [record("C", "etape-3", 15)], group=2,
                      started=STARTED + timedelta(seconds=10), duration=25)

    code, summary, page, junit = merged(tmp_path, one, two)

    assert code == ExitCode.OK and summary["verdict"]["outcome"] == "reussie"
    assert summary["scenarios"]["total"] == 3 and summary["pytest"] == {"passed": 3}
    assert [r["name"] for r in summary["results"]] == ["A", "B", "C"]
    # From the first shard's start to the last one's end: 10 s + 25 s after the start.
    assert "Durée (2 shards : du début du premier à la fin du dernier)" in page and "35,0 s" in page
    assert f"Shard {one}" in page and "2 scénarios, 30,0 s" in page and "1 scénario, 25,0 s" in page
    assert [shard["scenarios"] for shard in summary["shards"]] == [2, 1]
    assert (junit.tests, junit.failures, junit.errors) == (3, 0, 0)
    assert sorted(suite.name for suite in junit) == [f"pytest ({one})", f"pytest ({two})"]


def test_a_scenario_in_two_shards_is_an_error_named_with_both_shards(tmp_path, capsys):
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)])
    two = write_shard(tmp_path / "shard-2", [record("A", "etape-1", 5), record("B", "etape-1", 10)], group=2)

    code, summary, page, junit = merged(tmp_path, one, two)

    assert code == ExitCode.TESTS_FAILED and summary["verdict"]["outcome"] == "echec"
    error = capsys.readouterr().err
    assert "ERREUR DE FUSION" in error and "« A »" in error and f"{one} et {two}" in error
    assert any("« A »" in detail and str(two) in detail for detail in summary["verdict"]["details"])
    assert "Recette en échec" in page and "Recette réussie" not in page
    # A tool that reads only the JUnit XML sees it too.
    assert junit.errors == 1


def test_a_missing_shard_of_the_split_is_an_error(tmp_path, capsys):
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)], splits=3)
    two = write_shard(tmp_path / "shard-2", [record("B", "etape-1", 10)], group=2, splits=3)

    code, summary, _, _ = merged(tmp_path, one, two)

    assert code == ExitCode.TESTS_FAILED and summary["verdict"]["outcome"] == "echec"
    assert "Le shard 3 sur 3 (--splits 3 --group 3) est absent" in capsys.readouterr().err


def test_a_skip_in_any_shard_makes_the_merge_incomplete_with_its_reason(tmp_path):
    skipped = record("B", "etape-1", 10, "skipped", skip_reason="La cible n'offre pas la création de comptes")
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)])
    two = write_shard(tmp_path / "shard-2", [skipped], group=2)

    code, summary, page, _ = merged(tmp_path, one, two)

    assert code == ExitCode.INCOMPLETE and summary["verdict"]["outcome"] == "incomplete"
    assert summary["skip_reasons"] == [{"reason": "La cible n'offre pas la création de comptes", "count": 1}]
    assert "La cible n'offre pas la création de comptes" in page


def test_an_empty_shard_is_merged_and_counted(tmp_path):
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)])
    empty = write_shard(tmp_path / "shard-2", [], group=2, exit_status=ExitCode.NO_TESTS_COLLECTED)

    code, summary, page, junit = merged(tmp_path, one, empty)

    assert code == ExitCode.OK and summary["verdict"]["outcome"] == "reussie", summary["verdict"]
    assert [shard["scenarios"] for shard in summary["shards"]] == [1, 0] and summary["exit_status"] == ExitCode.OK
    assert f"Shard {empty}" in page and "0 scénario," in page
    assert junit.tests == 1


def test_evidence_of_a_moved_shard_is_embedded_and_linked_from_the_merged_page(tmp_path):
    artifacts = tmp_path / "ci" / "shard-1" / "artifacts" / "steps-test-guide-py-test-5"
    artifacts.mkdir(parents=True)
    (artifacts / "test-failed-1.png").write_bytes(PNG)
    (artifacts / "trace.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    failed = record("A", "etape-1", 5, "failed", screenshots=[str(artifacts / "test-failed-1.png")],
                    traces=[str(artifacts / "trace.zip")])
    write_shard(tmp_path / "ci" / "shard-1", [failed], group=1)
    write_shard(tmp_path / "ci" / "shard-2", [record("B", "etape-1", 10)], group=2)
    # CI downloads the shards' artifacts somewhere else than where they were written.
    downloaded = tmp_path / "telechargement"
    shutil.copytree(tmp_path / "ci", downloaded)
    shutil.rmtree(tmp_path / "ci")

    code, summary, page, junit = merged(tmp_path, downloaded / "shard-1", downloaded / "shard-2")

    assert code == ExitCode.TESTS_FAILED and summary["verdict"]["text"] == "Recette en échec" and junit.failures == 1
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in page
    link = "../telechargement/shard-1/artifacts/steps-test-guide-py-test-5/trace.zip"
    assert f'href="{link}"' in page and (tmp_path / "fusion" / link).resolve().is_file()


def test_the_guide_parts_stay_in_order_with_their_gaps(tmp_path):
    one = write_shard(tmp_path / "shard-1", [record("C", "etape-3", 15)])
    two = write_shard(tmp_path / "shard-2", [record("A", "etape-1", 5)], group=2)

    _, _, page, _ = merged(tmp_path, one, two)

    positions = [page.index(f'<section id="partie-{part.tag}"') for part in GUIDE_PARTS]
    assert positions == sorted(positions)
    etape_2 = page[positions[2]:positions[3]]
    assert GAP_TEXT in etape_2 and GAP_TEXT not in page[positions[1]:positions[2]]


def test_a_whole_run_folder_merges_with_the_shards(tmp_path):
    """The mail outage scenarios run apart (their own job), not split: merged with the shards."""
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)], splits=1)
    outage = write_shard(tmp_path / "panne", [record("P", "panne-messagerie", 40)], group=None)

    code, summary, _, _ = merged(tmp_path, one, outage)

    assert code == ExitCode.OK and summary["scenarios"]["total"] == 2


def test_folders_that_are_no_shards_are_refused_in_french(tmp_path, capsys):
    (tmp_path / "vide").mkdir()
    partial = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)])
    (partial / "preuves.json").unlink()

    for folder, said in [(tmp_path / "vide", "n'est pas le dossier d'un shard"),
                         (partial, "dossier de shard incomplet, il manque preuves.json"),
                         (tmp_path / "absent", "dossier introuvable")]:
        with pytest.raises(SystemExit) as stopped:
            report_main(["merge", str(folder), "-o", str(tmp_path / "fusion")])
        assert stopped.value.code == 2 and said in capsys.readouterr().err
    assert not (tmp_path / "fusion").exists()


def test_the_merge_never_writes_over_a_shard(tmp_path, capsys):
    one = write_shard(tmp_path / "shard-1", [record("A", "etape-1", 5)], splits=1)

    with pytest.raises(SystemExit) as stopped:
        report_main(["merge", str(one), "-o", str(one)])
    assert stopped.value.code == 2 and "écraserait ses rapports" in capsys.readouterr().err


def test_a_split_whose_every_shard_is_missing_is_an_error_when_the_split_is_given(tmp_path, capsys):
    outage = write_shard(tmp_path / "panne", [record("P", "panne-messagerie", 40)], group=None)

    code = report_main(["merge", str(outage), "-o", str(tmp_path / "fusion"), "--splits", "2"])

    assert code == 1
    error = capsys.readouterr().err
    assert "Le shard 1 sur 2" in error and "Le shard 2 sur 2" in error
