"""The acceptance suite run as QA runs it, against a target given by URL."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from mock_site.mailpit import start_catcher
from mock_site.server import serve_in_thread

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production_like_site():
    """The mock with its test-support API turned off, as a production site is."""
    catcher = start_catcher()
    site = serve_in_thread({"TEST_API": False, "SMTP_HOST": catcher.smtp_host, "SMTP_PORT": catcher.smtp_port})
    yield site, catcher
    site.stop()
    catcher.stop()


def run_suite(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    reports = [f"--cucumberjson={tmp_path}/cucumber.json", f"--junitxml={tmp_path}/junit.xml",
               f"--output={tmp_path}/artifacts"]
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-rs", *reports, *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_without_test_api_the_scenarios_that_need_it_are_skipped_with_a_french_reason(production_like_site, tmp_path):
    site, catcher = production_like_site
    run = run_suite(tmp_path, "--base-url", site.url, "--mailpit-url", catcher.url, "-m", "etape-0 or etape-1 or etape-3")

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 passed, 1 skipped" in run.stdout
    assert "La cible n'offre pas la création de comptes (/__test__/accounts)" in run.stdout
    assert f"Site cible : {site.url}" in run.stdout and f" : donné ({catcher.url}" in run.stdout


def test_the_session_names_the_site_and_mailpit_it_starts(tmp_path):
    run = run_suite(tmp_path, "-m", "etape-0", "-p", "no:xdist")

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    # The Mailpit binary where one is built (./run.sh), else the embedded catcher.
    assert re.search(r"^Mailpit v\S+.* : (embarqué|binaire \S+ démarré) \(http://127\.0\.0\.1:", run.stdout, re.MULTILINE)
    assert "Site cible : site simulé embarqué (http://127.0.0.1:" in run.stdout
