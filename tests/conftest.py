"""Shared by the project's own tests."""

import os
import smtplib
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from compat.pytest_bdd import make_python_name
from harness.waits import EXPECT_TIMEOUT_MS
from mails.mailpit_choice import PROJECT_MAILPIT
from mock_site.mailpit import start_catcher

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PINNED_MAILPIT = (PROJECT_ROOT / "mailpit.version").read_text().strip()
# How long expect() retries in a project test whose check is meant to fail.
SHORT_EXPECT_TIMEOUT_MS = 1_000

# The module that binds every scenario of features/.
SCENARIO_MODULE = "steps/test_guide_mot_de_passe_oublie.py"
# What points a run of the suite at a target, a Mailpit, a fault of the mock or a browser server: a project
# test's own run of the suite starts from none of them, only from what it names.
TARGET_VARIABLES = ("BASE_URL", "MAILPIT_URL", "MAILPIT_SMTP", "STAGING_CONFIG", "MOCK_SITE_FAULTS", "BROWSER_SERVER")


@pytest.fixture
def short_expect():
    """expect() gives up after SHORT_EXPECT_TIMEOUT_MS: for a check that is meant to fail, on a page that never
    changes (only its message is looked at)."""
    expect.set_options(timeout=SHORT_EXPECT_TIMEOUT_MS)
    yield
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked waits_first first, the others in their order: xdist's worksteal gives each worker a
    contiguous part of the list, so they start at once on the first worker, beside the others' work."""
    items.sort(key=lambda item: item.get_closest_marker("waits_first") is None)


def suite_environment(**variables: str) -> dict[str, str]:
    """This process's environment for a run of the suite: without TARGET_VARIABLES, with `variables`."""
    return {**{name: value for name, value in os.environ.items() if name not in TARGET_VARIABLES}, **variables}


def load_yaml(relative: str):
    """One of the project's CI templates or its Compose file, as YAML reads it."""
    return yaml.safe_load((PROJECT_ROOT / relative).read_text(encoding="utf-8"))


def run_steps(job: dict) -> list[str]:
    """The commands of a GitHub job's `run` steps, in order."""
    return [step["run"] for step in job["steps"] if "run" in step]


def run_step(job: dict, name: str) -> str:
    """The command of the GitHub job's `run` step named `name`."""
    commands = [step["run"] for step in job["steps"] if step.get("name") == name and "run" in step]
    assert len(commands) == 1, f"une étape « {name} » avec sa commande attendue dans le job ; trouvées : {len(commands)}"
    return commands[0]


def action_step(job: dict, action: str) -> dict:
    """The GitHub job's first step that uses `action` (« actions/upload-artifact »), whatever its version."""
    found = [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]
    assert found, f"une étape qui utilise {action} attendue dans le job"
    return found[0]


def scenario_test_name(title: str) -> str:
    """The test function pytest-bdd makes of a scenario's title."""
    return f"test_{make_python_name(title)}"


def scenario_node_id(title: str) -> str:
    return f"{SCENARIO_MODULE}::{scenario_test_name(title)}"


# pytest-playwright's browser: Playwright's own Chromium, else the system's (as the suite does); the browser-server
# tests' network namespace, made before any browser starts.
pytest_plugins = ["harness.browser", "tests.network_namespace"]


@pytest.fixture(scope="session")
def certificate_pins() -> list[str]:
    """The project's own browser tests reach servers with no certificate to accept (harness/browser.py asks)."""
    return []


@pytest.fixture(scope="module")
def catcher():
    """The embedded Mailpit-compatible catcher, on free ports."""
    running = start_catcher()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def project_mailpit() -> Path:
    """The pinned Mailpit that ./run.sh builds into .tools/bin. CI builds it: there, its absence fails."""
    built = ""
    if PROJECT_MAILPIT.is_file():
        run = subprocess.run([PROJECT_MAILPIT, "version", "--no-release-check"], capture_output=True, text=True, timeout=10, check=False)
        built = run.stdout.strip()
    if f" {PINNED_MAILPIT} " in built:
        return PROJECT_MAILPIT
    reason = (f"Mailpit {PINNED_MAILPIT} absent de {PROJECT_MAILPIT} (vu : {built or 'rien'}) : "
              "`./run.sh tests` le construit (Go requis)")
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " ; en CI il doit l'être.")
    pytest.skip(reason)


def send_mail(server, to: str, subject: str) -> None:
    """A plain mail over SMTP to a Mailpit (or the catcher) that has smtp_host and smtp_port."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "site@x.test", to, subject
    message.set_content("Bonjour")
    with smtplib.SMTP(server.smtp_host, server.smtp_port, timeout=5) as smtp:
        smtp.send_message(message)
