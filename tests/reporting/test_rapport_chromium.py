"""The report as a person sees it: opened in Chromium, read by role and text."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import Page, expect

from reporting.guide import GAP_TEXT, GUIDE_PARTS
from tests.reporting import exemple

GAP_TAGS = {"etape-3bis", "etape-6", "mail-non-recu", "securite", "accessibilite", "panne-messagerie"}  # cas-2: skipped before its steps


def open_report(page: Page, html_file: Path) -> None:
    page.goto(html_file.as_uri())
    assert page.outside_requests == [], f"le rapport a demandé le réseau : {page.outside_requests}"


def part(page: Page, tag: str):
    title = next(p.title for p in GUIDE_PARTS if p.tag == tag)
    return page.get_by_role("region", name=title, exact=True)


def test_parts_are_shown_in_the_guide_order_with_their_gaps(report_page: Page, example_report: Path):
    open_report(report_page, example_report)

    assert report_page.evaluate("document.documentElement.lang") == "fr"
    expect(report_page.get_by_role("heading", level=1)).to_have_text(
        "Rapport de recette : parcours « Mot de passe oublié »"
    )
    expect(report_page.get_by_role("heading", level=2)).to_have_text(
        ["Synthèse de l'exécution", "Parties du guide", *(p.title for p in GUIDE_PARTS)]
    )
    for guide_part in GUIDE_PARTS:
        gap = part(report_page, guide_part.tag).get_by_text(GAP_TEXT)
        if guide_part.tag in GAP_TAGS:
            expect(gap).to_be_visible()
        else:
            expect(gap).to_have_count(0)


def test_statuses_skip_reasons_and_totals_are_shown(report_page: Page, example_report: Path):
    open_report(report_page, example_report)

    expect(report_page.get_by_text("Recette en échec", exact=True)).to_be_visible()
    summary = report_page.get_by_role("table", name="Totaux, durée, cible et Mailpit de l'exécution")
    for label, value in (
        ("Cible", "http://localhost:5000"),
        ("Mailpit", "http://localhost:8025"),
        ("Durée", "1 min 23 s"),
        ("Scénarios", "10"),
        ("Réussis", "6"),
        ("Échoués", "2"),
        ("En erreur", "0"),
        ("Ignorés", "2"),
    ):
        expect(summary.get_by_role("row", name=label)).to_contain_text(value)
    etape_0 = part(report_page, "etape-0").get_by_role("article")
    expect(etape_0).to_contain_text("Statut : réussi")
    skipped = part(report_page, "etape-2").get_by_role("article", name=f"Scénario : {exemple.SKIPPED_SCENARIO}")
    expect(skipped).to_contain_text("Statut : ignoré")
    expect(skipped).to_contain_text(f"Raison : {exemple.SKIP_REASON}")
    blocked = part(report_page, "cas-2").get_by_role("article", name=f"Scénario : {exemple.SETUP_SKIPPED_SCENARIO}")
    expect(blocked).to_contain_text(f"Raison : {exemple.SETUP_SKIP_REASON}")
    outline = part(report_page, "etape-5").get_by_role("article")
    expect(outline).to_have_count(2)
    expect(outline.first).to_contain_text("Statut : échoué")
    expect(outline.first).to_contain_text("Exemple : Abc1-Comporter entre 8 et 50 caractères")
    expect(outline.last).to_contain_text("Statut : réussi")


def test_a_failure_shows_its_step_message_screenshot_trace_and_mail(report_page: Page, example_report: Path):
    open_report(report_page, example_report)

    failure = part(report_page, "etape-4").get_by_role("article", name=f"Scénario : {exemple.FAILED_SCENARIO}")
    expect(failure).to_contain_text("Statut : échoué")
    expect(failure).to_contain_text(f"Étape en échec : Alors {exemple.FAILED_STEP}")
    expect(failure).to_contain_text("attendu sur l'origine http://localhost:5000, vu http://mock-site:5000")
    screenshot = failure.get_by_role("img", name=f"Capture d'écran au moment de l'échec : {exemple.FAILED_SCENARIO}")
    expect(screenshot).to_be_visible()
    assert screenshot.evaluate("img => img.naturalWidth") > 0, "la capture embarquée ne s'affiche pas"
    trace_link = failure.get_by_role("link", name="trace.zip")
    trace_file = Path(unquote(urlparse(trace_link.evaluate("a => a.href")).path))
    assert trace_file.is_file(), f"le lien de la trace mène à {trace_file}, qui n'existe pas"
    expect(failure).to_contain_text("playwright show-trace")
    mail = failure.get_by_role("region", name="Mails de ce scénario, conservés dans Mailpit")
    expect(mail.get_by_role("row", name="Objet")).to_contain_text(exemple.MAIL_SUBJECT)
    expect(mail.get_by_role("row", name="Destinataires")).to_contain_text("assure-3f9c@example.test")
    expect(mail.get_by_role("row", name="Reçu le")).to_contain_text("27/11/2026 à 08:31:12 (heure de Paris)")
    expect(mail.get_by_role("link", name=f"voir le mail « {exemple.MAIL_SUBJECT} »")).to_have_attribute(
        "href", "http://localhost:8025/view/Xk3pQ7sLmZ.html"
    )
    mail.get_by_text("Texte du mail").click()
    expect(mail).to_contain_text("Il est valable 30 minutes.")
