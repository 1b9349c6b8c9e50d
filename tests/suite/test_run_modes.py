"""The acceptance suite run as QA runs it: against a target given by URL, or the mock it starts itself.

What the run's exit code says: a skip is never a pass (harness/verdict.py), a broken start
stops the run, a staging configuration cannot run in parallel, and a run against a given
target never imports the bundled mock."""

import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mock_site.mailpit import start_catcher
from mock_site.server import serve_in_thread
from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT

# Steps 0, 1 and 3 of the guide: 2 scenarios need nothing, 1 needs an account (step 3's replays are left out).
NEEDS_NO_TEST_API = ["-m", "etape-0 or etape-1 or etape-3", "-k", "rejoint_lespace or clique_sur or invité_à_consulter"]

# A plugin given to the run with -p: it skips or fails the scenarios of one part, as asked.
FORCING_PLUGIN = textwrap.dedent('''
    import os, sys
    import pytest

    @pytest.fixture(autouse=True)
    def _forced_outcome(request):
        if request.node.get_closest_marker(os.environ.get("FORCE_SKIP", "-")):
            pytest.skip("ignoré exprès par le test")
        if request.node.get_closest_marker(os.environ.get("FORCE_FAIL", "-")):
            pytest.fail("échec voulu par le test")

    def pytest_unconfigure(config):
        modules = os.environ.get("WRITE_MODULES_TO")
        if modules:
            with open(modules, "w") as listing:
                listing.write("\\n".join(sorted(sys.modules)))
''')


@pytest.fixture
def production_like_site():
    """The mock with its test-support API turned off, as a production site is."""
    catcher = start_catcher()
    site = serve_in_thread({"TEST_API": False, "SMTP_HOST": catcher.smtp_host, "SMTP_PORT": catcher.smtp_port})
    yield site, catcher
    site.stop()
    catcher.stop()


def run_suite(tmp_path: Path, *options: str, **environment: str) -> subprocess.CompletedProcess:
    (tmp_path / "forcing_plugin.py").write_text(FORCING_PLUGIN, encoding="utf-8")
    reports = [f"--cucumberjson={tmp_path}/cucumber.json", f"--junitxml={tmp_path}/junit.xml",
               f"--output={tmp_path}/artifacts", f"--rapport-html={tmp_path}/rapport.html"]
    env = {**os.environ, "PYTHONPATH": str(tmp_path), **environment}
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-rs", "-p", "forcing_plugin", *reports, *options],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, env=env, check=False)


def given_target(production_like_site) -> list[str]:
    site, catcher = production_like_site
    return ["--base-url", site.url, "--mailpit-url", catcher.url]


def shown(run: subprocess.CompletedProcess) -> str:
    return run.stdout[-3000:] + run.stderr[-2000:]


def expect_exit(run: subprocess.CompletedProcess, tmp_path: Path, code: ExitCode, outcome: str) -> dict:
    """The process exits with `code`, and every output says the same: rapport.json's exit status and
    verdict (with its own exit code) and preuves.json's run. Returns rapport.json."""
    assert run.returncode == code, f"code de sortie attendu : {code.value} ; vu : {run.returncode}\n{shown(run)}"
    summary = json.loads((tmp_path / "rapport.json").read_text(encoding="utf-8"))
    assert summary["exit_status"] == summary["verdict"]["exit_code"] == code, (
        f"rapport.json : attendu le code {code.value} ; vu {summary['exit_status']} (verdict : {summary['verdict']})")
    assert summary["verdict"]["outcome"] == outcome, summary["verdict"]
    evidence = tmp_path / "preuves.json"
    if evidence.exists():  # written at the session's end, not when the run stops before it
        assert json.loads(evidence.read_text(encoding="utf-8"))["run"]["exit_status"] == code
    return summary


def test_without_test_api_the_scenarios_that_need_it_are_skipped_with_a_french_reason(production_like_site, tmp_path):
    site, catcher = production_like_site
    run = run_suite(tmp_path, *given_target(production_like_site), *NEEDS_NO_TEST_API, "--accepter-ignores")

    expect_exit(run, tmp_path, ExitCode.OK, "incomplete")
    assert "2 passed, 1 skipped" in run.stdout
    assert "La cible n'offre pas la création de comptes (/__test__/accounts)" in run.stdout
    assert f"Site cible : {site.url}" in run.stdout and f" : donné ({catcher.url}" in run.stdout


def test_against_a_given_target_a_run_with_skips_is_incomplete_and_exits_non_zero(production_like_site, tmp_path):
    run = run_suite(tmp_path, *given_target(production_like_site), *NEEDS_NO_TEST_API)

    expect_exit(run, tmp_path, ExitCode.INCOMPLETE, "incomplete")
    assert "Recette incomplète : 1 scénario(s) ignoré(s)" in run.stdout
    assert "ne donne pas de compte « adresse_validee »" in run.stdout.split("Recette incomplète")[1]


def test_an_error_wins_over_a_skip(production_like_site, tmp_path):
    run = run_suite(tmp_path, *given_target(production_like_site), *NEEDS_NO_TEST_API, FORCE_FAIL="etape-0")

    expect_exit(run, tmp_path, ExitCode.TESTS_FAILED, "echec")
    assert "1 failed" in run.stdout or "1 error" in run.stdout, shown(run)
    assert "Recette incomplète" not in run.stdout


def test_when_the_suite_starts_the_mock_itself_a_skip_is_a_failure(tmp_path):
    run = run_suite(tmp_path, "-m", "etape-0", "-p", "no:xdist", FORCE_SKIP="etape-0")

    summary = expect_exit(run, tmp_path, ExitCode.TESTS_FAILED, "echec")
    assert "Recette en échec : 1 scénario(s) ignoré(s)" in run.stdout and "ignoré exprès par le test" in run.stdout
    # The page too: « en échec », with why a skip fails here and the scenario's own reason.
    assert "alors que la suite a démarré elle-même le site simulé" in summary["verdict"]["details"][0]
    assert any("ignoré exprès par le test" in detail for detail in summary["verdict"]["details"]), summary["verdict"]
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert '<p class="verdict echec">Recette en échec</p>' in page, "la page devait dire « Recette en échec »"


def test_even_accepted_skips_fail_a_run_on_the_mock_the_suite_started(tmp_path):
    run = run_suite(tmp_path, "-m", "etape-0", "-p", "no:xdist", "--accepter-ignores", FORCE_SKIP="etape-0")

    expect_exit(run, tmp_path, ExitCode.TESTS_FAILED, "echec")


def test_the_session_names_the_site_and_mailpit_it_starts(tmp_path):
    run = run_suite(tmp_path, "-m", "etape-0", "-p", "no:xdist")

    expect_exit(run, tmp_path, ExitCode.OK, "reussie")
    # The Mailpit binary where one is built (./run.sh), else the embedded catcher.
    assert re.search(r"^Mailpit v\S+.* : (embarqué|binaire \S+ démarré) \(http://127\.0\.0\.1:", run.stdout, re.MULTILINE)
    assert "Site cible : site simulé embarqué (http://127.0.0.1:" in run.stdout


def test_a_run_against_a_given_target_imports_neither_flask_nor_aiosmtpd(production_like_site, tmp_path):
    modules = tmp_path / "modules.txt"
    run = run_suite(tmp_path, *given_target(production_like_site), "-m", "etape-0", WRITE_MODULES_TO=str(modules))

    expect_exit(run, tmp_path, ExitCode.OK, "reussie")
    imported = set(modules.read_text().split())
    assert not {name for name in imported if name.split(".")[0] in ("flask", "aiosmtpd", "mock_site")}


@pytest.mark.parametrize("workers", ["2", "auto"])
def test_a_staging_configuration_cannot_run_in_parallel(production_like_site, tmp_path, workers):
    staging = tmp_path / "staging.json"
    staging.write_text(json.dumps({"captcha_answer": "ABC123"}), encoding="utf-8")
    run = run_suite(tmp_path, *given_target(production_like_site), "--staging-config", str(staging), "-n", workers)

    expect_exit(run, tmp_path, ExitCode.USAGE_ERROR, "incomplete")
    assert "--staging-config avec -n" in run.stderr and "ne peuvent donc pas tourner en parallèle" in run.stderr


class _CapabilitiesInError(BaseHTTPRequestHandler):
    """A site whose pages answer, but whose /__test__/capabilities fails (as behind a broken proxy)."""

    def do_GET(self):
        self.send_response(500 if self.path == "/__test__/capabilities" else 200)
        self.end_headers()
        self.wfile.write(b"panne")

    def log_message(self, *args):
        pass


@pytest.fixture
def site_with_broken_capabilities():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CapabilitiesInError)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_capabilities_that_cannot_be_read_stop_the_run_at_its_start(site_with_broken_capabilities, tmp_path):
    run = run_suite(tmp_path, "--base-url", site_with_broken_capabilities, "-m", "etape-0")

    summary = expect_exit(run, tmp_path, ExitCode.USAGE_ERROR, "incomplete")
    assert "arrêtée par une erreur d'usage" in " ".join(summary["verdict"]["details"]), summary["verdict"]
    assert f"{site_with_broken_capabilities}/__test__/capabilities a répondu 500" in run.stderr
    assert "attendu" in run.stderr and "404 sans API de test" in run.stderr


def test_a_run_that_selects_nothing_exits_5_and_says_so(tmp_path):
    run = run_suite(tmp_path, "-k", "aucun_scénario_ne_porte_ce_nom", "-p", "no:xdist")

    expect_exit(run, tmp_path, ExitCode.NO_TESTS_COLLECTED, "vide")


def test_a_late_mail_found_at_the_end_of_the_run_fails_it_everywhere(tmp_path):
    # The fault mails an account without a validated address later: its scenario's steps pass, the end of
    # the run finds the mail.
    run = run_suite(tmp_path, "-k", "pas_validé_son_adresse_mail_est_averti", "-p", "no:xdist",
                    "--mail-timeout", "3", "--no-mail-window", "5", MOCK_SITE_FAULTS="envoi_differe_adresse_non_validee")

    summary = expect_exit(run, tmp_path, ExitCode.TESTS_FAILED, "echec")
    assert "Mail inattendu" in run.stdout and summary["scenarios"]["error"] + summary["scenarios"]["failed"] == 1
