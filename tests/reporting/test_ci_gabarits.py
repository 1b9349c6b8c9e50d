"""The CI templates, the Dockerfiles and docker-compose.yml, read as data
(Docker cannot run here): versions agree with pyproject.toml, and the
suite is given the origin that the mock writes in its mails."""

import json
import re
import shlex
import tomllib
from pathlib import Path

import playwright

from tests.conftest import PROJECT_ROOT, action_step, load_yaml, run_steps

# The image of the Mailpit release that ./run.sh builds (Docker tags are the Go module's versions).
MAILPIT_IMAGE = f"axllent/mailpit:{(PROJECT_ROOT / 'mailpit.version').read_text().strip()}"


def requirements() -> list[str]:
    """Every requirement pyproject.toml names: the suite's, then each dependency group's."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = project["dependency-groups"].values()
    return [*project["project"]["dependencies"], *(entry for group in groups for entry in group if isinstance(entry, str))]


def pinned(package: str) -> str:
    for requirement in requirements():
        name, _, version = requirement.partition("==")
        if name.strip().lower() == package.lower():
            return version.strip()
    raise AssertionError(f"{package} n'est pas épinglé dans pyproject.toml")


def test_every_requirement_is_pinned_exactly_and_alike_everywhere():
    versions: dict[str, set[str]] = {}
    for requirement in requirements():
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", requirement), (
            f"pyproject.toml : « {requirement} » devait être épinglé exactement (nom==version)")
        name, _, version = requirement.partition("==")
        versions.setdefault(name.lower(), set()).add(version)
    twice = {name: sorted(found) for name, found in versions.items() if len(found) > 1}
    assert not twice, f"pyproject.toml épingle ces paquets à plusieurs versions : {twice}"


def playwright_image() -> str:
    return f"mcr.microsoft.com/playwright/python:v{pinned('playwright')}-noble"


def bundled_driver_version() -> str:
    """The Node driver inside the installed Python package: the version a browser server must speak."""
    package = Path(playwright.__file__).parent / "driver" / "package" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def option(command: str, name: str) -> str:
    words = shlex.split(command)
    assert name in words, f"{name} absent de : {command}"
    return words[words.index(name) + 1]


def test_suite_image_matches_the_playwright_pin():
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    assert f"FROM {playwright_image()}\n" in dockerfile
    copied = re.findall(r"^COPY (\S+) \./\1$", dockerfile, re.MULTILINE)
    missing = [folder for folder in copied if not (PROJECT_ROOT / folder).is_dir()]
    assert not missing, f"le Dockerfile copie des dossiers absents : {missing}"


def test_the_images_install_pyproject_s_groups():
    mock = (PROJECT_ROOT / "mock_site" / "Dockerfile").read_text()
    assert "COPY pyproject.toml ./" in mock and "python -m pip install --group mock\n" in mock, (
        "le Dockerfile du site simulé doit installer le groupe mock de pyproject.toml, et lui seul")
    suite = (PROJECT_ROOT / "Dockerfile").read_text()
    assert "python -m pip install --editable . --group mock\n" in suite, (
        "le Dockerfile de la recette doit l'installer comme ./run.sh acceptance : le projet et le groupe mock")


def test_compose_gives_the_mock_its_mailpit_and_the_suite_its_own_servers():
    services = load_yaml("docker-compose.yml")["services"]
    assert services["mailpit"]["image"] == MAILPIT_IMAGE
    mock, suite = services["mock-site"], services["suite"]
    assert mock["build"] == {"context": ".", "dockerfile": "mock_site/Dockerfile"}
    assert option(mock["command"], "--smtp-host") == "mailpit"
    assert option(mock["command"], "--port") == "5000" and "5000:5000" in mock["ports"]
    # The suite's container runs the whole suite as ./run.sh acceptance does: its own mock and Mailpit
    # (the image's), outage scenarios included; nothing points it at another target.
    assert not set(suite.get("environment", {})) & {"BASE_URL", "MAILPIT_URL", "MAILPIT_CHAOS_URL"}, suite
    assert "./reports:/suite/reports" in suite["volumes"]
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    assert f"COPY --from={MAILPIT_IMAGE} /mailpit /usr/local/bin/mailpit\n" in dockerfile, (
        f"l'image de la recette doit porter le binaire de {MAILPIT_IMAGE} (mailpit.version)")


def test_compose_browser_server_is_the_client_s_playwright():
    server = load_yaml("docker-compose.yml")["services"]["playwright-server"]
    driver, pin = bundled_driver_version(), pinned("playwright")
    assert driver.split(".")[:2] == pin.split(".")[:2], (
        f"pilote embarqué {driver} : attendu de la version majeure.mineure de playwright=={pin} (pyproject.toml)")
    assert server["profiles"] == ["browser-server"], f"attendu : à la demande seulement ; vu : {server.get('profiles')}"
    assert server["image"] == f"mcr.microsoft.com/playwright:v{driver}-noble", (
        f"image du serveur de navigateurs : attendu celle du pilote {driver} ; vue : {server['image']}")
    run_server = shlex.split(server["command"])[-1]
    assert run_server.startswith(f"npx -y playwright@{driver} run-server "), (
        f"commande du serveur : attendu playwright@{driver} ; vue : {run_server}")
    assert option(run_server, "--host") == "0.0.0.0" and f"3000:{option(run_server, '--port')}" in server["ports"]


def test_github_workflow_runs_shards_and_merges_their_reports():
    jobs = load_yaml(".github/workflows/acceptance.yml")["jobs"]
    job = jobs["acceptance"]
    mailpit = job["services"]["mailpit"]
    assert mailpit["image"] == MAILPIT_IMAGE
    assert {"8025:8025", "1025:1025"} <= set(mailpit["ports"])
    runs = run_steps(job)
    assert any("pip install --editable . --group mock" in run for run in runs)
    start_mock = next(run for run in runs if "python -m mock_site" in run)
    assert '--public-url "$BASE_URL"' in start_mock and "--smtp-port 1025" in start_mock
    # A matrix of shards, each its pytest-split group and its own reports folder, uploaded whatever happened.
    shards = job["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and job["strategy"]["fail-fast"] is False
    assert job["env"]["SHARDS"] == len(shards) and job["env"]["REPORTS"] == "reports/shard-${{ matrix.shard }}"
    suite = next(run for run in runs if run.startswith("pytest steps"))
    assert '-m "not panne-messagerie"' in suite
    assert option(suite, "--splits") == "$SHARDS" and option(suite, "--group") == "${{ matrix.shard }}"
    assert option(suite, "--reports-dir") == "$REPORTS"
    assert {"BASE_URL": "http://localhost:5000", "MAILPIT_URL": "http://localhost:8025"}.items() <= job["env"].items()
    upload = action_step(job, "actions/upload-artifact")
    assert upload["with"] == {"name": "rapports-shard-${{ matrix.shard }}", "path": "reports/shard-${{ matrix.shard }}/",
                              "if-no-files-found": "warn"}
    assert upload["if"] == "${{ !cancelled() }}"
    # The outage scenarios: a job without Mailpit service; the suite starts its own mock and chaos-enabled Mailpits.
    outage = jobs["panne-messagerie"]
    assert "services" not in outage and "env" not in outage
    outage_run = next(run for run in run_steps(outage) if "-m panne-messagerie" in run)
    assert option(outage_run, "--reports-dir") == "reports/panne-messagerie"
    outage_upload = action_step(outage, "actions/upload-artifact")
    assert outage_upload["with"]["name"].startswith("rapports-")
    # The merge: after every shard, even failed ones, over every artifact; it fails the job unless « réussie ».
    merge = jobs["rapport"]
    assert set(merge["needs"]) == {"acceptance", "panne-messagerie"} and merge["if"] == "${{ !cancelled() }}"
    download = action_step(merge, "actions/download-artifact")
    assert download["with"] == {"pattern": "rapports-*", "path": "reports"}
    merge_run = next(step for step in merge["steps"] if "python -m reporting merge" in step.get("run", ""))
    assert "if" not in merge_run, "l'échec de la fusion doit faire échouer le job"
    assert merge_run["run"].startswith("python -m reporting merge reports/rapports-*/ ")
    assert option(merge_run["run"], "-o") == "reports"
    assert option(merge_run["run"], "--splits") == "$SHARDS" and merge["env"]["SHARDS"] == len(shards)
    kept = action_step(merge, "actions/upload-artifact")
    assert kept["with"]["path"] == "reports/" and kept["if"] == "${{ !cancelled() }}"


def test_gitlab_runs_parallel_shards_and_merges_their_reports():
    gitlab = load_yaml(".gitlab-ci.yml")
    job = gitlab["acceptance"]
    assert job["image"] == playwright_image()
    assert [service["alias"] for service in job["services"]] == ["mailpit"]
    assert job["services"][0]["name"] == MAILPIT_IMAGE
    assert job["variables"]["MAILPIT_URL"] == "http://mailpit:8025"
    start_mock = next(line for line in job["before_script"] if "python -m mock_site" in line)
    assert '--public-url "$BASE_URL"' in start_mock and "--smtp-host mailpit" in start_mock
    assert "pip install --editable . --group mock" in job["before_script"]
    [suite] = job["script"]
    assert suite.startswith('pytest steps -n auto -m "not panne-messagerie"')
    assert option(suite, "--splits") == "$CI_NODE_TOTAL" and option(suite, "--group") == "$CI_NODE_INDEX"
    assert option(suite, "--reports-dir") == "$REPORTS"
    assert job["variables"]["REPORTS"] == "reports/shard-$CI_NODE_INDEX"
    assert job["parallel"] >= 2
    assert job["artifacts"]["when"] == "always" and job["artifacts"]["paths"] == ["reports/"]
    # The outage scenarios: a job of its own, no Mailpit service, the suite starts its own mock and Mailpits.
    outage = gitlab["panne-messagerie"]
    assert outage["image"] == playwright_image() and "services" not in outage
    assert "BASE_URL" not in outage["variables"] and "MAILPIT_URL" not in outage["variables"]
    assert outage["script"][-1] == "pytest steps -n auto -m panne-messagerie --reports-dir reports/panne-messagerie"
    # The merge: after every parallel shard and the outage job, with their artifacts, even when they failed.
    merge = gitlab["rapport"]
    assert merge["stage"] == "rapport" and merge["when"] == "always" and merge["image"] == playwright_image()
    assert merge["needs"] == [{"job": "acceptance", "artifacts": True}, {"job": "panne-messagerie", "artifacts": True}]
    merge_run = merge["script"][-1]
    assert merge_run.startswith("python -m reporting merge reports/shard-*/ reports/panne-messagerie ")
    assert option(merge_run, "-o") == "reports" and option(merge_run, "--splits") == "$SHARDS"
    assert merge["variables"]["SHARDS"] == job["parallel"]
    # The JUnit XML in merge requests: the merged one only, each scenario once.
    assert [name for name, value in gitlab.items() if isinstance(value, dict)
            and "junit" in value.get("artifacts", {}).get("reports", {})] == ["rapport"]
    assert merge["artifacts"]["reports"]["junit"] == "reports/junit.xml" and merge["artifacts"]["when"] == "always"


def test_the_same_mailpit_everywhere():
    images = {
        load_yaml("docker-compose.yml")["services"]["mailpit"]["image"],
        load_yaml(".github/workflows/acceptance.yml")["jobs"]["acceptance"]["services"]["mailpit"]["image"],
        load_yaml(".gitlab-ci.yml")["acceptance"]["services"][0]["name"],
    }
    assert len(images) == 1, f"versions de Mailpit différentes : {images}"


def test_the_project_s_tests_run_on_one_go_version_with_their_own_durations():
    jobs = load_yaml(".github/workflows/project-tests.yml")["jobs"]
    gitlab = load_yaml(".gitlab-ci.yml")
    github_go = {step["with"]["go-version"] for job in jobs.values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/setup-go@")}
    gitlab_go = {re.fullmatch(r"golang:([\d.]+)-bookworm", gitlab[name]["image"])[1]
                 for name in ("tests-projet", "preuves-des-pannes")}
    assert len(github_go) == 1 and github_go == gitlab_go, f"Go : GitHub {github_go}, GitLab {gitlab_go}"
    [shard_run] = run_steps(jobs["tests-projet"])
    durations = option(shard_run, "--durations-path")
    assert durations == "tests/.test_durations" and (PROJECT_ROOT / durations).is_file()
