"""The plugin in a real run: pytest-bdd, pytest-playwright and pytest-xdist
(-n 2), on a small journey of its own, in a separate pytest process."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PROJECT_ROOT
from tests.reporting import exemple

FEATURE = """\
# language: fr
Fonctionnalité: Parcours de démonstration

  @etape-0
  Scénario: L'accueil mène à la connexion
    Étant donné la page "Connexion à mon compte ameli"
    Alors le titre "Connexion à mon compte ameli" s'affiche

  @etape-1
  Scénario: Le lien mène au formulaire
    Étant donné la page "Autre page"
    Alors le titre "Mot de passe oublié" s'affiche

  @etape-2
  Scénario: Les caractères expirent
    Étant donné la page "Mot de passe oublié"
    Quand l'horloge de test manque
    Alors le titre "Mot de passe oublié" s'affiche

  @etape-3bis
  Scénario: Envoi impossible
    Étant donné la page "Mot de passe oublié"

  @etape-5
  Plan du Scénario: Le mot de passe <mot de passe> est <verdict>
    Étant donné la page "Choisissez votre nouveau mot de passe"
    Alors le titre "Choisissez votre nouveau mot de passe" s'affiche

    Exemples:
      | mot de passe | verdict |
      | court        | refusé  |
      | Abcdefgh1    | accepté |
"""

STEPS = """\
import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("../features/parcours.feature")


@given(parsers.parse('la page "{title}"'))
def a_page(page, title):
    page.set_content(f"<h1>{title}</h1>")


@when("l'horloge de test manque")
def no_clock():
    pytest.skip("la cible n'offre pas l'horloge de test")


@then(parsers.parse('le titre "{title}" s\\'affiche'))
def heading_shown(page, title):
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=200)
"""

CONFTEST = """\
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from harness.browser import chromium_launch_args
from reporting.evidence import attach_mails, record_announced, set_run_info

pytest_plugins = ["reporting.plugin"]


def pytest_configure(config):
    set_run_info(config, target="http://cible.example.test", mailpit="http://mailpit.example.test:8025")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    return {**browser_type_launch_args, **chromium_launch_args(playwright.chromium.executable_path)}


@pytest.fixture(autouse=True)
def announced_limit(request):
    if request.node.get_closest_marker("etape-5"):
        record_announced(request.node, "Limite annoncée par le site : 3 mails")


@pytest.fixture(autouse=True)
def needs_an_account_without_address(request):
    if request.node.get_closest_marker("etape-3bis"):
        pytest.skip("la cible n'a pas de compte sans adresse mail")


# The mails a scenario's inbox read, as the suite's Mail carries them.
MAILS = [
    SimpleNamespace(id="m1", subject="Votre compte ameli – renouveler mon mot de passe",
                    recipients=("assure@example.test",), created=datetime(2026, 11, 27, 7, 31, tzinfo=UTC),
                    text="Bonjour"),
    SimpleNamespace(id="m2", subject="Votre compte ameli – votre mot de passe a été modifié",
                    recipients=("assure@example.test",), created=datetime(2026, 11, 27, 7, 32, tzinfo=UTC),
                    text="Votre mot de passe a été modifié"),
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when == "call":
        attach_mails(report, MAILS, "http://mailpit.example.test:8025")
    return report
"""


@pytest.fixture(scope="module")
def suite_run(tmp_path_factory) -> Path:
    """One run of the small journey with -n 2, in its own pytest process,
    shared by the tests below; returns its folder."""
    directory = tmp_path_factory.mktemp("parcours")
    (directory / "features").mkdir()
    (directory / "features" / "parcours.feature").write_text(FEATURE, encoding="utf-8")
    (directory / "steps").mkdir()
    (directory / "steps" / "test_parcours.py").write_text(STEPS, encoding="utf-8")
    (directory / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (directory / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider --strict-markers\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run(
        [
            sys.executable, "-m", "pytest", "steps", "-n", "2",
            "--cucumberjson=reports/cucumber.json", "--junitxml=reports/junit.xml",
            "--output=reports/artifacts", "--tracing=retain-on-failure", "--screenshot=only-on-failure",
        ],
        cwd=directory, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert "1 failed, 3 passed, 2 skipped" in summary, f"exécution inattendue :\n{run.stdout}\n{run.stderr}"
    assert "rapport HTML : " in run.stdout
    return directory


def cucumber_elements(directory: Path) -> list[dict]:
    features = json.loads((directory / "reports" / "cucumber.json").read_text(encoding="utf-8"))
    return [element for feature in features for element in feature["elements"]]


def test_cucumber_json_is_complete_under_xdist(suite_run: Path):
    # pytest-bdd 9.0.1 alone writes [] under xdist; the plugin hands it the workers' scenarios.
    statuses = {e["name"]: [s["result"]["status"] for s in e["steps"]] for e in cucumber_elements(suite_run)}
    assert statuses == {
        "L'accueil mène à la connexion": ["passed", "passed"],
        "Le lien mène au formulaire": ["passed", "failed"],
        "Les caractères expirent": ["passed", "skipped"],
        "Le mot de passe court est refusé": ["passed", "passed"],
        "Le mot de passe Abcdefgh1 est accepté": ["passed", "passed"],
    }


def test_fixture_json_has_the_shape_pytest_bdd_writes(suite_run: Path):
    fixture = json.loads(exemple.CUCUMBER_JSON.read_text(encoding="utf-8"))
    written = json.loads((suite_run / "reports" / "cucumber.json").read_text(encoding="utf-8"))

    def shape(features):
        elements = [e for f in features for e in f["elements"]]
        steps = [s for e in elements for s in e["steps"]]
        return (
            {k for f in features for k in f},
            {k for e in elements for k in e},
            {k for s in steps for k in s},
            {k for s in steps for k in s["result"]},
        )

    assert shape(fixture) == shape(written)


def test_report_of_an_xdist_run_holds_every_scenario_and_the_failure_evidence(suite_run: Path, report_page: Page):
    report_page.goto((suite_run / "reports" / "rapport.html").as_uri())
    assert report_page.outside_requests == []

    summary = report_page.get_by_role("table", name="Totaux, durée, cible et Mailpit de l'exécution")
    expect(summary.get_by_role("row", name="Cible")).to_contain_text("http://cible.example.test")
    expect(summary.get_by_role("row", name="Mailpit")).to_contain_text("http://mailpit.example.test:8025")
    expect(summary.get_by_role("row", name="Scénarios")).to_contain_text("6")
    expect(summary.get_by_role("row", name="Décompte de pytest")).to_contain_text("3 réussis, 1 échoué, 2 ignorés")
    expect(report_page.get_by_text("Recette en échec", exact=True)).to_be_visible()
    expect(report_page.get_by_role("region", name="Étape 3bis (cas 1) : envoi du mail impossible")).to_contain_text(
        "Raison : la cible n'a pas de compte sans adresse mail"
    )
    expect(report_page.get_by_role("article", name="Scénario : Les caractères expirent")).to_contain_text(
        "Raison : la cible n'offre pas l'horloge de test"
    )
    refused = report_page.get_by_role("article", name="Plan du Scénario : Le mot de passe court est refusé")
    expect(refused.get_by_role("table", name="Exemple")).to_contain_text("refusé")

    failure = report_page.get_by_role("article", name="Scénario : Le lien mène au formulaire")
    expect(failure).to_contain_text("Statut : échoué")
    expect(failure).to_contain_text('Étape en échec : Alors le titre "Mot de passe oublié" s\'affiche')
    screenshot = failure.get_by_role("img", name="Capture d'écran au moment de l'échec : Le lien mène au formulaire")
    assert screenshot.evaluate("img => img.naturalWidth") > 0, "capture absente ou illisible"
    trace_href = failure.get_by_role("link", name="trace.zip").evaluate("a => a.href")
    trace_file = Path(unquote(urlparse(trace_href).path))
    assert trace_file.is_file() and trace_file.parent.parent == suite_run / "reports" / "artifacts", trace_file
    mails = failure.get_by_role("region", name="Mails de ce scénario, conservés dans Mailpit")
    for mail_id, subject in (
        ("m1", "Votre compte ameli – renouveler mon mot de passe"),
        ("m2", "Votre compte ameli – votre mot de passe a été modifié"),
    ):
        expect(mails.get_by_role("link", name=f"voir le mail « {subject} »")).to_have_attribute(
            "href", f"http://mailpit.example.test:8025/view/{mail_id}.html"
        )


def test_the_numbers_a_scenario_relied_on_are_in_its_report(suite_run: Path, report_page: Page):
    results = json.loads((suite_run / "reports" / "rapport.json").read_text(encoding="utf-8"))["results"]
    announced = {result["name"]: result["announced"] for result in results}
    assert announced["Le mot de passe court est refusé"] == ["Limite annoncée par le site : 3 mails"]
    assert announced["L'accueil mène à la connexion"] == []
    report_page.goto((suite_run / "reports" / "rapport.html").as_uri())
    expect(report_page.get_by_text("Limite annoncée par le site : 3 mails")).to_have_count(2)
