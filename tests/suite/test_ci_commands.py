"""The commands the CI templates and Compose run, executed here without Docker: the same arguments and the same
environment variables, read from the files themselves. Only what Docker gives is stood in for: a service's host
name (`mailpit`) is this machine, the Mailpit service is the one ./run.sh builds (or the embedded catcher) on the
ports the templates name, and the packages are this environment's (installed as the templates install them:
tests/reporting/test_ci_gabarits.py). A shard's run is collected only (--collect-only: its options, target,
Mailpit and shard are all checked before collection); the outage job runs for real."""

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from tests.conftest import PROJECT_ROOT, load_yaml, run_step, run_steps, suite_environment
from tests.suite.conftest import (
    MAILPIT_HTTP_PORT,
    MAILPIT_SMTP_PORT,
    MOCK_PORT,
    FixedPortServices,
)

MAILPIT_BINARY = PROJECT_ROOT / ".tools" / "bin" / "mailpit"
# Docker's service names, which resolve to the service's container there and to this machine here.
SERVICE_HOSTS = ("mailpit",)
_INSTALL = re.compile(r"^(python -m )?pip install ")


def here(text: str) -> str:
    """A command or a variable with Docker's service names pointed at this machine."""
    for host in SERVICE_HOSTS:
        text = re.sub(rf"(?<=[/ ]){host}(?=[: ]|$)", "127.0.0.1", text)
    return text


def collected(said: str) -> int:
    counts = re.search(r"(\d+)(?:/\d+)? tests? collected", said)
    assert counts, f"Aucun décompte de collecte dans :\n{said[-2000:]}"
    return int(counts.group(1))


@pytest.fixture
def ci_mailpit(fixed_ports):
    """The templates' Mailpit service, on its ports."""
    if MAILPIT_BINARY.exists():
        command = (f"{MAILPIT_BINARY} --listen 127.0.0.1:{MAILPIT_HTTP_PORT} --smtp 127.0.0.1:{MAILPIT_SMTP_PORT}"
                   " --disable-version-check")
    else:
        command = f"python -m mock_site.mailpit --smtp-port {MAILPIT_SMTP_PORT} --http-port {MAILPIT_HTTP_PORT}"
    fixed_ports.start(command, MAILPIT_HTTP_PORT)
    return fixed_ports


def test_github_s_shard_runs_as_written(ci_mailpit):
    job = load_yaml(".github/workflows/acceptance.yml")["jobs"]["acceptance"]
    variables = {name: str(value).replace("${{ matrix.shard }}", "1") for name, value in job["env"].items()}
    started = ci_mailpit.run_shell(run_step(job, "Start the mock site"), **variables)
    assert started.returncode == 0, f"Démarrage du site simulé :\n{started.stdout}"
    shard = ci_mailpit.run_shell(run_step(job, "Run this shard of the acceptance suite").replace("${{ matrix.shard }}", "1")
                                 + " --collect-only -q", **variables)
    assert shard.returncode == 0 and collected(shard.stdout) > 0, f"Shard 1 :\n{shard.stdout[-3000:]}"


def test_gitlab_s_shard_runs_as_written(ci_mailpit):
    job = load_yaml(".gitlab-ci.yml")["acceptance"]
    variables = {"CI_NODE_TOTAL": str(job["parallel"]), "CI_NODE_INDEX": "1"}
    variables |= {name: here(str(value).replace("$CI_NODE_INDEX", "1")) for name, value in job["variables"].items()}
    for line in job["before_script"]:
        if _INSTALL.match(line):
            continue
        done = ci_mailpit.run_shell(here(line), **variables)
        assert done.returncode == 0, f"« {line} » :\n{done.stdout}"
    [suite] = job["script"]
    shard = ci_mailpit.run_shell(here(suite) + " --collect-only -q", **variables)
    assert shard.returncode == 0 and collected(shard.stdout) > 0, f"Shard 1 :\n{shard.stdout[-3000:]}"


def test_compose_s_mock_and_the_suite_against_it_run_as_written(ci_mailpit, tmp_path):
    compose = load_yaml("docker-compose.yml")
    mock = compose["services"]["mock-site"]
    ci_mailpit.start(here(f"python -m mock_site {mock['command']}"), MOCK_PORT)
    # Compose's first use (its header): the suite on this machine against its mock and Mailpit.
    header = (PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    [against_compose] = re.findall(r"^#\s+(MAILPIT_URL=\S+ BASE_URL=\S+ pytest steps)$", header, re.MULTILINE)
    run = ci_mailpit.run_shell(f"{against_compose} --collect-only -q --reports-dir {tmp_path}")
    assert run.returncode == 0 and collected(run.stdout) > 0, f"« {against_compose} » :\n{run.stdout[-3000:]}"


def test_compose_s_suite_is_what_run_sh_runs_last():
    # The image's command (ENTRYPOINT + CMD) is the whole suite with its own servers: ./run.sh tests runs it
    # last, so CI executes it on every change.
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
    entrypoint = re.search(r"^ENTRYPOINT (\[.*\])$", dockerfile, re.MULTILINE).group(1)
    command = re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1)
    image_runs = yaml.safe_load(entrypoint)[1:] + yaml.safe_load(command)
    run_sh = (PROJECT_ROOT / "run.sh").read_text(encoding="utf-8")
    assert f'exec "$PYTHON" {" ".join(image_runs)}\n' in run_sh, (
        f"./run.sh tests devait finir par la commande de l'image : python {' '.join(image_runs)}")


@pytest.mark.waits_first  # its scenarios wait out a mail server that refuses, or that cannot be reached
def test_the_outage_job_runs_as_written():
    github = load_yaml(".github/workflows/acceptance.yml")["jobs"]["panne-messagerie"]
    command = run_step(github, "Run the mail outage scenarios")
    assert load_yaml(".gitlab-ci.yml")["panne-messagerie"]["script"][-1] == command, "GitLab et GitHub devaient lancer la même"
    run = FixedPortServices().run_shell(command)
    assert run.returncode == 0 and re.search(r"\b[1-9]\d* passed", run.stdout), f"« {command} » :\n{run.stdout[-3000:]}"


def project_test_jobs() -> dict[str, str]:
    """The project-test jobs of the GitHub workflow, each shard written out, checked to be GitLab's too."""
    github = load_yaml(".github/workflows/project-tests.yml")["jobs"]
    gitlab = load_yaml(".gitlab-ci.yml")
    [shard_run] = run_steps(github["tests-projet"])
    [faults_run] = run_steps(github["preuves-des-pannes"])
    shards = github["tests-projet"]["strategy"]["matrix"]["shard"]
    assert github["tests-projet"]["env"]["SHARDS"] == len(shards), "SHARDS devait compter les shards de la matrice"
    assert gitlab["tests-projet"]["parallel"] == len(shards), "GitLab et GitHub devaient compter autant de shards"
    jobs = {"preuves-des-pannes": faults_run}
    for shard in shards:
        jobs[f"tests-projet {shard}"] = shard_run.replace("${{ matrix.shard }}", str(shard)).replace(
            "$SHARDS", str(len(shards)))
        [gitlab_run] = gitlab["tests-projet"]["script"]
        assert gitlab_run.replace("$CI_NODE_INDEX", str(shard)).replace("$CI_NODE_TOTAL", str(len(shards))) == \
            jobs[f"tests-projet {shard}"], "GitLab devait lancer les mêmes shards que GitHub"
    assert gitlab["preuves-des-pannes"]["script"] == [faults_run], "GitLab devait lancer les mêmes preuves que GitHub"
    return jobs


def test_the_project_test_jobs_run_every_project_test_exactly_once():
    # What ./run.sh project-tests runs with a job's arguments (its installs are this environment's).
    run_sh = (PROJECT_ROOT / "run.sh").read_text(encoding="utf-8")
    [pytest_line] = re.findall(r'^\s+"\$PYTHON" -m (pytest tests .*) "\$@"$', run_sh, re.MULTILINE)
    whole = collected_ids(shlex.split(pytest_line))
    ran = []
    for job, command in project_test_jobs().items():
        words = shlex.split(command)
        assert words[:2] == ["./run.sh", "project-tests"], f"{job} : « {command} »"
        ids = collected_ids([*shlex.split(pytest_line), *words[2:]])
        assert ids, f"{job} ne lance aucun test : « {command} »"
        ran += ids
    assert sorted(ran) == sorted(whole), "les shards et le job des pannes devaient lancer chaque test une fois et une seule"


def collected_ids(pytest_words: list[str]) -> list[str]:
    run = subprocess.run([sys.executable, "-m", *pytest_words, "--collect-only", "-q"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, env=suite_environment(), timeout=300, check=False)
    assert run.returncode == 0, f"« {shlex.join(pytest_words)} » :\n{run.stdout[-3000:]}{run.stderr[-2000:]}"
    return [line for line in run.stdout.splitlines() if "::" in line]
