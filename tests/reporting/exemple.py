"""The sample report of the tests and of the README: the fixture cucumber JSON
plus evidence as the plugin gathers it (a failure with its screenshot, trace
and mail; a scenario skipped before its steps, absent from the JSON).

    python tests/reporting/exemple.py docs

rewrites the README's screenshots of it: docs/rapport-exemple.png (the top
of the page) and docs/rapport-exemple-echec.png (a failure and its evidence).
"""

import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO_ROOT))

from harness.browser import chromium_launch_args
from reporting.model import RunInfo
from reporting.report import write_report

FIXTURES = Path(__file__).parent / "fixtures"
CUCUMBER_JSON = FIXTURES / "cucumber_parcours.json"
FAILED_SCENARIO = "Le mail mène à la page de renouvellement"
FAILED_STEP = "le mail contient le lien « Renouveler mon mot de passe »"
SKIPPED_SCENARIO = "Les caractères expirent après 5 minutes"
SKIP_REASON = "la cible n'offre pas l'horloge de test (/__test__/clock)"
SETUP_SKIPPED_SCENARIO = "Au-delà de la limite, le service est bloqué"
SETUP_SKIP_REASON = "la cible n'annonce pas sa limite de demandes (rate_limit) et la configuration n'en donne pas"
MAIL_SUBJECT = "Votre compte ameli – renouveler mon mot de passe"
RUN = RunInfo(
    target="http://localhost:5000",
    mailpit="http://localhost:8025",
    started=datetime(2026, 11, 27, 7, 30, tzinfo=UTC),
    duration=83.4,
)


def failure_screenshot(browser: Browser) -> bytes:
    page = browser.new_page(viewport={"width": 480, "height": 200})
    page.set_content(
        '<h1>Choisissez votre nouveau mot de passe</h1><p role="alert">'
        "Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent.</p>"
    )
    png = page.screenshot()
    page.close()
    return png


def evidence(artifacts: Path, screenshot_png: bytes) -> list[dict]:
    """Evidence records in the plugin's shape, for two tests."""
    test_folder = artifacts / "steps-test-etape-4-py-test-le-mail-mene-a-la-page-de-renouvellement"
    test_folder.mkdir(parents=True, exist_ok=True)
    screenshot = test_folder / "test-failed-1.png"
    screenshot.write_bytes(screenshot_png)
    trace = test_folder / "trace.zip"
    trace.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: stands for the trace
    cucumber = json.loads(CUCUMBER_JSON.read_text(encoding="utf-8"))
    failed_element = next(e for f in cucumber for e in f["elements"] if e["name"] == FAILED_SCENARIO)
    skipped_element = next(e for f in cucumber for e in f["elements"] if e["name"] == SKIPPED_SCENARIO)
    step_list = [
        {"keyword": "Étant Donné Qu'", "name": "un assuré a demandé le mail de renouvellement", "line": 7},
        {"keyword": "Quand", "name": "il ouvre le mail « Votre compte ameli – renouveler mon mot de passe »", "line": 8},
        {"keyword": "Alors", "name": FAILED_STEP, "line": 9},
        {"keyword": "Et", "name": "le lien ouvre la page « Choisissez votre nouveau mot de passe »", "line": 10},
    ]
    return [
        {
            "nodeid": "steps/test_etape_4.py::test_le_mail_mène_à_la_page_de_renouvellement",
            "uri": "features/etape_4_mail_de_renouvellement.feature",
            "id": failed_element["id"],
            "feature_name": "Étape 4 - L'assuré clique sur le mail reçu",
            "feature_tags": [],
            "keyword": "Scénario",
            "name": FAILED_SCENARIO,
            "line": 6,
            "tags": ["etape-4"],
            "example": None,
            "example_index": None,
            "steps": step_list,
            "executed": [False, False, True, True],
            "phases": {"setup": "passed", "call": "failed", "teardown": "passed"},
            "failures": [
                {
                    "phase": "call",
                    "message": "AssertionError: lien « Renouveler mon mot de passe » attendu sur l'origine "
                    "http://localhost:5000, vu http://mock-site:5000/renouveler/8f3c…",
                    "details": failed_element["steps"][2]["result"]["error_message"],
                }
            ],
            "screenshots": [str(screenshot)],
            "traces": [str(trace)],
            "mails": [
                {
                    "id": "Xk3pQ7sLmZ",
                    "subject": MAIL_SUBJECT,
                    "recipients": ["assure-3f9c@example.test"],
                    "created": "2026-11-27T07:31:12.345+00:00",
                    "link": f"{RUN.mailpit}/view/Xk3pQ7sLmZ.html",
                    "text": "Bonjour,\n\nPour renouveler votre mot de passe, cliquez sur le lien "
                    "ci-dessous. Il est valable 30 minutes.\nhttp://mock-site:5000/renouveler/8f3c…\n",
                }
            ],
            "duration": 2.1,
        },
        {
            "nodeid": "steps/test_etape_2.py::test_les_caractères_expirent_après_5_minutes",
            "uri": "features/etape_2_informations_et_caracteres.feature",
            "id": skipped_element["id"],
            "feature_name": "Étape 2 - L'assuré complète les informations",
            "feature_tags": [],
            "keyword": "Scénario",
            "name": SKIPPED_SCENARIO,
            "line": 31,
            "tags": ["etape-2"],
            "example": None,
            "example_index": None,
            "steps": [
                {"keyword": "Étant Donné Que", "name": "l'horloge de la session est figée", "line": 32},
                {"keyword": "Quand", "name": "l'assuré recopie les caractères 301 secondes après", "line": 33},
                {"keyword": "Alors", "name": "l'alerte « délai de 5 minutes » s'affiche", "line": 34},
            ],
            "executed": [True],
            "phases": {"setup": "passed", "call": "skipped", "teardown": "passed"},
            "skip_reason": SKIP_REASON,
            "duration": 0.2,
        },
        {
            "nodeid": "steps/test_cas_2.py::test_au_delà_de_la_limite_le_service_est_bloqué",
            "uri": "features/cas_2_trop_de_demandes.feature",
            "id": "test_au_delà_de_la_limite_le_service_est_bloqué",
            "feature_name": "Cas 2 - Trop de demandes : le service est bloqué",
            "feature_tags": [],
            "keyword": "Scénario",
            "name": SETUP_SKIPPED_SCENARIO,
            "line": 6,
            "tags": ["cas-2"],
            "example": None,
            "example_index": None,
            "steps": [
                {"keyword": "Étant Donné Qu'", "name": "un assuré a reçu autant de mails que la limite", "line": 7},
                {"keyword": "Quand", "name": "il demande un mail de plus", "line": 8},
                {"keyword": "Alors", "name": "l'alerte « trop de mails de renouvellement » s'affiche", "line": 9},
            ],
            "phases": {"setup": "skipped", "teardown": "passed"},
            "skip_reason": SETUP_SKIP_REASON,
            "duration": 0.0,
        },
    ]


def write_example_report(directory: Path, screenshot_png: bytes) -> Path:
    """The sample report, written in directory (with its artifacts)."""
    return write_report(
        CUCUMBER_JSON, directory / "rapport.html", evidence(directory / "artifacts", screenshot_png), RUN
    )


def main(docs: Path) -> None:
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as directory:
        browser = playwright.chromium.launch(**chromium_launch_args(playwright.chromium.executable_path))
        html_file = write_example_report(Path(directory), failure_screenshot(browser))
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(html_file.as_uri())
        page.screenshot(path=docs / "rapport-exemple.png")
        failure = page.get_by_role("article", name=f"Scénario : {FAILED_SCENARIO}")
        failure.get_by_text("Texte du mail").click()
        failure.screenshot(path=docs / "rapport-exemple-echec.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
