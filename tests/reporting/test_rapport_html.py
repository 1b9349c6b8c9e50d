"""The report built from cucumber JSON (and evidence), read as HTML text."""

import json
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest

from reporting import report as report_module
from reporting.__main__ import main as report_main
from reporting.evidence import attach_mails, mail_record
from reporting.guide import GAP_TEXT, GUIDE_PARTS
from reporting.model import ERROR, FAILED, NOT_RUN, PASSED, SKIPPED, RunInfo
from reporting.report import render_html
from reporting.results import load_cucumber, merge_results
from reporting.verdict import ExitCode, verdict_of
from tests.reporting import exemple

# The example run covers the guide only up to step 5: the later parts are gaps.
GAP_TAGS = {"etape-3bis", "cas-2", "etape-6", "mail-non-recu", "securite", "accessibilite", "panne-messagerie"}


def by_name(results, name):
    found = [r for r in results if r.name == name]
    assert found, f"scénario « {name} » absent des résultats : {[r.name for r in results]}"
    return found


def section_of(page_html: str, tag: str) -> str:
    match = re.search(rf'<section id="partie-{tag}".*?</section>\s*(?=<section id="partie-|<section id="hors|</main>)',
                      page_html, re.DOTALL)
    assert match, f"section de la partie @{tag} absente"
    return match.group(0)


def test_statuses_steps_and_examples_come_from_the_cucumber_json():
    results = merge_results(load_cucumber(exemple.CUCUMBER_JSON))

    [failed] = by_name(results, exemple.FAILED_SCENARIO)
    assert failed.status == FAILED
    assert [s.status for s in failed.steps] == [PASSED, PASSED, FAILED, NOT_RUN]
    assert failed.failed_step.name == exemple.FAILED_STEP
    assert failed.message.startswith("AssertionError: lien « Renouveler mon mot de passe » attendu")
    [skipped] = by_name(results, exemple.SKIPPED_SCENARIO)
    assert skipped.status == SKIPPED and skipped.skip_reason is None
    outline = by_name(results, "Un mot de passe qui enfreint une règle est refusé")
    assert [r.status for r in outline] == [FAILED, PASSED]
    # pytest writes non-ASCII characters of an id as \x.. escapes; the report shows them.
    assert outline[0].example_label == "Abc1-Comporter entre 8 et 50 caractères"


def test_evidence_replaces_its_element_and_adds_the_tests_skipped_before_their_steps(tmp_path):
    records = exemple.evidence(tmp_path, b"png")
    results = merge_results(load_cucumber(exemple.CUCUMBER_JSON), records)

    assert len(results) == 10, "9 éléments du JSON + 1 scénario ignoré avant ses étapes"
    [skipped] = by_name(results, exemple.SKIPPED_SCENARIO)
    assert skipped.skip_reason == exemple.SKIP_REASON
    assert [s.status for s in skipped.steps] == [SKIPPED, NOT_RUN, NOT_RUN]
    [setup_skipped] = by_name(results, exemple.SETUP_SKIPPED_SCENARIO)
    assert setup_skipped.status == SKIPPED and setup_skipped.tags == {"cas-2"}
    assert {s.status for s in setup_skipped.steps} == {NOT_RUN}
    [failed] = by_name(results, exemple.FAILED_SCENARIO)
    assert failed.mails[0]["subject"] == exemple.MAIL_SUBJECT
    assert failed.screenshots and failed.traces


def test_parts_in_the_guide_order_with_gaps_statuses_and_totals(tmp_path):
    results = merge_results(load_cucumber(exemple.CUCUMBER_JSON))
    page_html = render_html(results, RunInfo(target="https://staging.example.test"), tmp_path)

    titles = [unescape(t) for t in re.findall(r'<h2 id="partie-[^"]+-titre">(.*?)</h2>', page_html)]
    assert titles == [part.title for part in GUIDE_PARTS]
    for part in GUIDE_PARTS:
        section = section_of(page_html, part.tag)
        assert (GAP_TEXT in section) == (part.tag in GAP_TAGS), f"lacune mal signalée pour @{part.tag}"
    assert 'lang="fr"' in page_html
    assert "https://staging.example.test" in page_html
    for label, count in (("Scénarios", 9), ("Réussis", 6), ("Échoués", 2), ("Ignorés", 1)):
        assert f'<th scope="row">{label}</th><td>{count}</td>' in page_html, f"total « {label} » ≠ {count}"
    etape_2 = section_of(page_html, "etape-2")
    assert etape_2.count('class="statut reussi">réussi<') == 2
    assert 'class="statut ignore">ignoré<' in etape_2
    assert "Raison : non indiquée" in etape_2


def test_failure_evidence_is_embedded_and_linked(tmp_path):
    records = exemple.evidence(tmp_path / "artifacts", b"\x89PNG fake")
    page_html = render_html(merge_results(load_cucumber(exemple.CUCUMBER_JSON), records), RunInfo(), tmp_path)

    etape_4 = unescape(section_of(page_html, "etape-4"))
    assert f"Étape en échec : <strong>Alors {exemple.FAILED_STEP}</strong>" in etape_4
    assert 'src="data:image/png;base64,iVBORyBmYWtl"' in etape_4
    trace_link = "artifacts/steps-test-etape-4-py-test-le-mail-mene-a-la-page-de-renouvellement/trace.zip"
    assert f'href="{trace_link}"' in etape_4 and "playwright show-trace" in etape_4
    assert exemple.MAIL_SUBJECT in etape_4 and "assure-3f9c@example.test" in etape_4
    assert "Raison : " + exemple.SETUP_SKIP_REASON in unescape(section_of(page_html, "cas-2"))


def test_a_missing_screenshot_is_said_not_hidden(tmp_path):
    records = exemple.evidence(tmp_path, b"png")
    records[0]["screenshots"] = [str(tmp_path / "absente.png")]
    page_html = render_html(merge_results(load_cucumber(exemple.CUCUMBER_JSON), records), RunInfo(), tmp_path)
    assert "Capture d'écran introuvable" in unescape(page_html)


def test_scenarios_without_a_guide_tag_are_listed_apart(tmp_path):
    features = load_cucumber(exemple.CUCUMBER_JSON)
    features[0]["elements"][0]["tags"] = [{"name": "brouillon", "line": 6}]
    page_html = render_html(merge_results(features), RunInfo(), tmp_path)
    assert 'id="hors-guide"' in page_html
    assert GAP_TEXT in section_of(page_html, "etape-0")


def test_command_line_writes_the_page(tmp_path, capsys):
    output = tmp_path / "sortie" / "rapport.html"
    assert report_main([str(exemple.CUCUMBER_JSON), "-o", str(output), "--cible", "http://localhost:5000"]) == 0
    assert "http://localhost:5000" in output.read_text(encoding="utf-8")
    assert str(output) in capsys.readouterr().out


def test_command_line_refuses_a_missing_json(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        report_main([str(tmp_path / "absent.json")])
    assert exit_info.value.code == 2
    assert "JSON Cucumber introuvable" in capsys.readouterr().err


def test_attach_mails_records_a_mailpit_message_on_the_test(request):
    mailpit_message = {
        "ID": "Xk3p",
        "Subject": exemple.MAIL_SUBJECT,
        "To": [{"Name": "Assuré", "Address": "assure@example.test"}],
        "Cc": None,
        "Bcc": [{"Name": "", "Address": "copie@example.test"}],
        "Text": "Bonjour",
    }
    attach_mails(request, [mailpit_message], "http://localhost:8025/")
    name, value = request.node.user_properties[-1]
    assert name == "rapport_mail"
    assert json.loads(value) == {
        "id": "Xk3p",
        "subject": exemple.MAIL_SUBJECT,
        "recipients": ["Assuré <assure@example.test>", "copie@example.test"],
        "created": None,
        "text": "Bonjour",
        "link": "http://localhost:8025/view/Xk3p.html",
    }


def test_mail_record_reads_a_mail_object():
    mail = SimpleNamespace(
        subject="Votre compte ameli – votre mot de passe a été modifié",
        to=["assure@example.test"],
        text="Votre mot de passe a été modifié le 27/11/2026 à 08h05.",
    )
    assert mail_record(mail) == {
        "id": None,
        "subject": mail.subject,
        "recipients": ["assure@example.test"],
        "created": None,
        "text": mail.text,
        "link": None,
    }


def test_the_fixture_json_is_well_formed():
    # Guards the hand-written fixture: every element's tag names a guide part.
    tags = {tag["name"] for f in json.loads(Path(exemple.CUCUMBER_JSON).read_text()) for e in f["elements"]
            for tag in e["tags"]}
    assert tags == {part.tag for part in GUIDE_PARTS} - GAP_TAGS


def test_the_page_is_escaped_and_carries_its_own_styles(tmp_path):
    features = load_cucumber(exemple.CUCUMBER_JSON)
    features[0]["elements"][0]["name"] = "<script>alert(1)</script>"
    page_html = render_html(merge_results(features), RunInfo(), tmp_path)
    assert "<script>" not in page_html and "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html
    css = (Path(report_module.__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")
    [inlined] = re.findall(r"<style>(.*?)</style>", page_html, re.DOTALL)
    assert inlined.strip() == css.strip() and "<link" not in page_html


def test_an_error_in_teardown_after_a_skip_is_an_error_not_a_skip(tmp_path):
    [record] = [r for r in exemple.evidence(tmp_path, b"png") if r["name"] == exemple.SKIPPED_SCENARIO]
    record["phases"]["teardown"] = "failed"
    record["failures"] = [{"phase": "teardown", "message": "RuntimeError: trace non écrite", "details": "…"}]
    [result] = merge_results([], [record])
    assert result.status == ERROR and result.failure_phase == "teardown"
    assert [s.status for s in result.steps] == [SKIPPED, NOT_RUN, NOT_RUN]
    verdict = verdict_of([result], RunInfo())
    assert verdict.text == "Recette en échec"
    assert verdict.details == ["1 scénario en erreur sur 1."]


def test_a_failure_outside_the_scenarios_or_a_stopped_run_is_never_a_success():
    results = merge_results(load_cucumber(exemple.CUCUMBER_JSON))
    passed = [r for r in results if r.status == PASSED]
    assert verdict_of(passed, RunInfo(pytest_counts={"passed": len(passed)})).outcome == "reussie"
    collection_error = verdict_of(passed, RunInfo(pytest_counts={"passed": len(passed), "error": 1}))
    assert collection_error.outcome == "echec"
    assert "hors des scénarios" in collection_error.details[-1]
    interrupted = verdict_of(passed, RunInfo(pytest_counts={"passed": len(passed)}, exit_status=ExitCode.INTERRUPTED))
    assert interrupted.text == "Recette incomplète"
    assert interrupted.details == ["L'exécution a été interrompue (code de sortie de pytest : 2)."]
    assert verdict_of([], RunInfo()).text == "Aucun scénario exécuté"


def test_every_mail_of_a_failure_is_listed_with_its_mailpit_link(tmp_path):
    records = exemple.evidence(tmp_path, b"png")
    second = {**records[0]["mails"][0], "id": "Yz9", "subject": "Votre compte ameli – mot de passe modifié"}
    records[0]["mails"].append({**second, "link": "http://localhost:8025/view/Yz9.html"})
    results = merge_results(load_cucumber(exemple.CUCUMBER_JSON), records)
    page_html = unescape(render_html(results, RunInfo(), tmp_path))
    mails = re.search(r'<section class="mails".*?</section>', section_of(page_html, "etape-4"), re.DOTALL).group(0)
    assert "Mails de ce scénario, conservés dans Mailpit" in mails
    assert mails.count("<caption>Mail ") == 2
    for mail_id in ("Xk3pQ7sLmZ", "Yz9"):
        assert f'href="http://localhost:8025/view/{mail_id}.html"' in mails


def test_the_summary_json_is_written_beside_the_page_with_the_same_verdict(tmp_path):
    html_file = exemple.write_example_report(tmp_path, b"png")
    summary = json.loads(html_file.with_suffix(".json").read_text(encoding="utf-8"))
    assert summary["verdict"]["text"] == "Recette en échec"
    assert f'<p class="verdict echec">{summary["verdict"]["text"]}</p>' in html_file.read_text(encoding="utf-8")
    assert summary["scenarios"] == {"total": 10, "passed": 6, "failed": 2, "error": 0, "skipped": 2}
    assert {r["name"]: r["status"] for r in summary["results"]}[exemple.SKIPPED_SCENARIO] == SKIPPED
