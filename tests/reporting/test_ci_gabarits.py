"""The CI templates, the Dockerfiles and docker-compose.yml, read as data
(Docker cannot run here): versions agree with requirements.txt, and the
suite is given the origin that the mock writes in its mails."""

import re
import shlex
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
# The image of the Mailpit release that ./run.sh builds (Docker tags are the Go module's versions).
MAILPIT_IMAGE = f"axllent/mailpit:{(REPO_ROOT / 'mailpit.version').read_text().strip()}"


def load_yaml(relative: str):
    return yaml.safe_load((REPO_ROOT / relative).read_text(encoding="utf-8"))


def pinned(package: str) -> str:
    for line in (REPO_ROOT / "requirements.txt").read_text().splitlines():
        name, _, version = line.partition("==")
        if name.strip().lower() == package:
            return version.strip()
    raise AssertionError(f"{package} n'est pas épinglé dans requirements.txt")


def playwright_image() -> str:
    return f"mcr.microsoft.com/playwright/python:v{pinned('playwright')}-noble"


def option(command: str, name: str) -> str:
    words = shlex.split(command)
    assert name in words, f"{name} absent de : {command}"
    return words[words.index(name) + 1]


def test_suite_image_matches_the_playwright_pin():
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    assert f"FROM {playwright_image()}\n" in dockerfile
    copied = re.findall(r"^COPY (\S+) \./\1$", dockerfile, re.MULTILINE)
    missing = [folder for folder in copied if not (REPO_ROOT / folder).is_dir()]
    assert not missing, f"le Dockerfile copie des dossiers absents : {missing}"


def test_mock_image_installs_the_mock_packages_at_their_pins():
    dockerfile = (REPO_ROOT / "mock_site" / "Dockerfile").read_text()
    pattern = re.search(r"grep -iE '\^\((.*?)\)==' requirements.txt", dockerfile)
    assert pattern, "le Dockerfile du site simulé ne prend plus ses paquets dans requirements.txt"
    for package in pattern.group(1).split("|"):
        pinned(package)


def test_compose_gives_the_suite_the_origin_of_the_mock_links():
    services = load_yaml("docker-compose.yml")["services"]
    assert services["mailpit"]["image"] == MAILPIT_IMAGE
    mock, suite = services["mock-site"], services["suite"]
    assert mock["build"] == {"context": ".", "dockerfile": "mock_site/Dockerfile"}
    assert option(mock["command"], "--smtp-host") == "mailpit"
    assert option(mock["command"], "--port") == "5000" and "5000:5000" in mock["ports"]
    assert suite["environment"]["BASE_URL"] == option(mock["command"], "--public-url") == "http://localhost:5000"
    # localhost is the mock only inside the mock's own network namespace.
    assert suite["network_mode"] == "service:mock-site"
    assert suite["environment"]["MAILPIT_URL"] == "http://mailpit:8025"
    # @panne-messagerie: the Mailpit that only the mock sends to, chaos enabled.
    assert services["mailpit"]["environment"]["MP_ENABLE_CHAOS"] == "true"
    assert suite["environment"]["MAILPIT_CHAOS_URL"] == "http://mailpit:8025"
    assert "./reports:/suite/reports" in suite["volumes"]


def test_github_workflow_runs_the_suite_in_parallel_and_keeps_the_reports():
    workflow = load_yaml(".github/workflows/acceptance.yml")
    job = workflow["jobs"]["acceptance"]
    mailpit = job["services"]["mailpit"]
    assert mailpit["image"] == MAILPIT_IMAGE
    assert {"8025:8025", "1025:1025"} <= set(mailpit["ports"])
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(run.startswith("pip install -r requirements.txt") for run in runs)
    start_mock = next(run for run in runs if "python -m mock_site" in run)
    assert '--public-url "$BASE_URL"' in start_mock and "--smtp-port 1025" in start_mock
    assert 'pytest steps -n auto -m "not panne-messagerie"' in runs
    # The outage scenarios: against the suite's own mock and chaos-enabled Mailpits, their own reports.
    outage = next(step for step in job["steps"] if "-m panne-messagerie" in step.get("run", ""))
    assert outage["env"] == {"BASE_URL": "", "MAILPIT_URL": ""} and outage["if"] == "${{ !cancelled() }}"
    assert "--junitxml reports/panne-messagerie/junit.xml" in outage["run"]
    assert "--rapport-html reports/panne-messagerie/rapport.html" in outage["run"]
    assert job["env"] == {"BASE_URL": "http://localhost:5000", "MAILPIT_URL": "http://localhost:8025"}
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "reports/" and upload["if"] == "${{ !cancelled() }}"


def test_gitlab_job_runs_the_suite_in_parallel_and_keeps_the_reports():
    job = load_yaml(".gitlab-ci.yml")["acceptance"]
    assert job["image"] == playwright_image()
    assert [service["alias"] for service in job["services"]] == ["mailpit"]
    assert job["services"][0]["name"] == MAILPIT_IMAGE
    assert job["variables"]["MAILPIT_URL"] == "http://mailpit:8025"
    start_mock = next(line for line in job["before_script"] if "python -m mock_site" in line)
    assert '--public-url "$BASE_URL"' in start_mock and "--smtp-host mailpit" in start_mock
    assert "pip install -r requirements.txt" in job["before_script"]
    assert job["script"] == ['pytest steps -n auto -m "not panne-messagerie"']
    assert job["artifacts"]["when"] == "always" and job["artifacts"]["paths"] == ["reports/"]
    assert job["artifacts"]["reports"]["junit"] == "reports/junit.xml"
    # The outage scenarios: a job of its own, no Mailpit service, the suite starts its own mock and Mailpits.
    outage = load_yaml(".gitlab-ci.yml")["panne-messagerie"]
    assert outage["image"] == playwright_image() and "services" not in outage
    assert "BASE_URL" not in outage["variables"] and "MAILPIT_URL" not in outage["variables"]
    assert outage["script"][-1] == "pytest steps -n auto -m panne-messagerie"
    assert outage["artifacts"]["reports"]["junit"] == "reports/junit.xml"


def test_the_same_mailpit_everywhere():
    images = {
        load_yaml("docker-compose.yml")["services"]["mailpit"]["image"],
        load_yaml(".github/workflows/acceptance.yml")["jobs"]["acceptance"]["services"]["mailpit"]["image"],
        load_yaml(".gitlab-ci.yml")["acceptance"]["services"][0]["name"],
    }
    assert len(images) == 1, f"versions de Mailpit différentes : {images}"
