"""The scenarios' browsers on a Playwright browser server (--browser-server): a server started here in a
process of its own runs a small selection, the evidence of a failure is written as with a local browser,
and a server that cannot be reached stops the run at its start."""

import re
import stat
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from xml.etree import ElementTree

import pytest

from mails.mailpit_choice import free_port
from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT, scenario_test_name, suite_environment
from tests.conftest import scenario_node_id as node_id
from tests.suite.conftest import browser_server_command, real_chromium, running

USAGE_ERROR = 4
RUN_SECONDS = 240
# A page with no mail, the link opened on the phone (a second context), and the whole journey.
PASSING = [
    "L'assuré rejoint l'espace de connexion depuis la page d'accueil",
    "Le lien fonctionne sur un autre appareil que celui de la demande",
]
# Broken by the fault below: its evidence must come back from the remote browser.
FAILING = "L'assuré est informé à l'écran et par mail que son mot de passe a été modifié"
FAULT = "mail_confirmation_absent"


@pytest.fixture(scope="module")
def launches(tmp_path_factory) -> Path:
    """A file the server's Chromium writes a line to at each launch: proof that the browser ran there."""
    return tmp_path_factory.mktemp("serveur") / "lancements.txt"


@pytest.fixture(scope="module")
def server_chromium(launches, playwright) -> Path:
    wrapper = launches.with_name("chromium-du-serveur")
    wrapper.write_text(f'#!/bin/sh\necho "$$" >> "{launches}"\nexec "{real_chromium(playwright)}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper


@pytest.fixture(scope="module")
def browser_server():
    """`playwright run-server` in a process of its own, on a free loopback port."""
    port = free_port()
    with running(browser_server_command("127.0.0.1", port), "127.0.0.1", port):
        yield f"ws://127.0.0.1:{port}/"


def run_suite(args: list[str], tmp_path: Path, **environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args, "-p", "no:xdist", "--no-mail-window", "0",
         "--junitxml", str(tmp_path / "junit.xml"), "--cucumberjson", str(tmp_path / "cucumber.json"),
         "--output", str(tmp_path / "artifacts")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=RUN_SECONDS, env=suite_environment(**environment),
        check=False,
    )


def outcomes(junit: Path) -> dict[str, str]:
    found = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        outcome = next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), "passed")
        found[case.get("name")] = outcome
    return found


def test_scenarios_run_on_the_browser_server_with_their_evidence(browser_server, server_chromium, launches,
                                                                  tmp_path):
    run = run_suite([*map(node_id, PASSING), node_id(FAILING), "--browser-server", browser_server,
                     "--browser-server-chromium", str(server_chromium)], tmp_path, MOCK_SITE_FAULTS=FAULT)
    output = run.stdout + run.stderr
    header = re.search(rf"^Navigateur : serveur Playwright {re.escape(browser_server)} \(Chromium \d+\.[\d.]+ : ",
                       run.stdout, re.MULTILINE)
    assert header, f"En-tête attendu : le serveur et la version de son Chromium ; vu : {run.stdout[:1500]}"
    seen = outcomes(tmp_path / "junit.xml")
    expected = {scenario_test_name(title): "passed" for title in PASSING}
    expected[scenario_test_name(FAILING)] = "failure"
    assert seen == expected, output[-3000:]
    assert run.returncode == ExitCode.TESTS_FAILED, output[-3000:]
    assert launches.is_file() and launches.read_text().split(), "Le Chromium du serveur n'a jamais été lancé"
    evidence = sorted(path.name for path in (tmp_path / "artifacts").rglob("*") if path.is_file())
    assert evidence == ["test-failed-1.png", "trace.zip"], (
        f"Preuves attendues de l'échec (capture et trace, via le navigateur distant) ; vues : {evidence}")


def test_a_server_that_cannot_be_reached_stops_the_run_at_its_start(tmp_path):
    unreachable = f"ws://127.0.0.1:{free_port()}/"
    run = run_suite([node_id(PASSING[0]), "--browser-server", unreachable], tmp_path)
    assert run.returncode == USAGE_ERROR, run.stdout + run.stderr
    assert f"Serveur de navigateurs injoignable à {unreachable}" in run.stderr, run.stderr
    assert not (tmp_path / "junit.xml").exists(), "Aucun scénario ne devait commencer"


def test_a_server_of_another_playwright_version_is_refused_at_the_start(tmp_path):
    port = free_port()
    server = f"ws://127.0.0.1:{port}/"
    # PW_VERSION_OVERRIDE: the version Playwright's server claims to be (Playwright's own switch).
    with running(browser_server_command("127.0.0.1", port), "127.0.0.1", port, PW_VERSION_OVERRIDE="1.64.0"):
        run = run_suite([node_id(PASSING[0]), "--browser-server", server], tmp_path)
    client = ".".join(version("playwright").split(".")[:2])
    assert run.returncode == USAGE_ERROR, run.stdout + run.stderr
    assert f"Connexion refusée par le serveur de navigateurs {server}" in run.stderr, run.stderr
    assert "doivent avoir la même version majeure.mineure" in run.stderr, run.stderr
    assert "server version: v1.64" in run.stderr and f"client version: v{client}" in run.stderr, run.stderr
    assert "Call log:" not in run.stderr, f"Le journal d'appels de Playwright est resté dans le message : {run.stderr}"
    assert not (tmp_path / "junit.xml").exists(), "Aucun scénario ne devait commencer"


def test_the_browser_server_on_another_host_reaches_the_target_and_mailpit_over_the_network(
        network_namespace, server_chromium, launches, tmp_path):
    namespace, server_host, host = network_namespace
    server_port, mail_port, smtp_port, site_port = free_port(), free_port(), free_port(), free_port()
    catcher = [sys.executable, "-m", "mock_site.mailpit", "--host", host,
               "--http-port", str(mail_port), "--smtp-port", str(smtp_port)]
    site = [sys.executable, "-m", "mock_site", "--host", host, "--port", str(site_port),
            "--smtp-host", host, "--smtp-port", str(smtp_port)]
    server = ["ip", "netns", "exec", namespace, *browser_server_command(server_host, server_port)]
    launched_before = launches.read_text().split() if launches.is_file() else []
    with running(catcher, host, mail_port), running(site, host, site_port), \
            running(server, server_host, server_port):
        run = run_suite([node_id(FAILING), "--base-url", f"http://{host}:{site_port}",
                         "--mailpit-url", f"http://{host}:{mail_port}",
                         "--browser-server", f"ws://{server_host}:{server_port}/",
                         "--browser-server-chromium", str(server_chromium)], tmp_path)
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    assert outcomes(tmp_path / "junit.xml") == {scenario_test_name(FAILING): "passed"}
    assert len(launches.read_text().split()) > len(launched_before), "Le Chromium du serveur n'a pas été lancé"


def test_expose_network_lets_the_namespaced_browser_reach_this_machine_s_loopback(
        network_namespace, server_chromium, tmp_path):
    """No --base-url nor --mailpit-url: the suite starts the mock and a Mailpit on 127.0.0.1 here, which in
    the namespace is the namespace's own loopback; only expose_network carries the browser's requests back."""
    namespace, server_host, _ = network_namespace
    server_port = free_port()
    server = ["ip", "netns", "exec", namespace, *browser_server_command(server_host, server_port)]
    on_the_server = [node_id(PASSING[1]), "--browser-server", f"ws://{server_host}:{server_port}/",
                     "--browser-server-chromium", str(server_chromium)]
    (tmp_path / "exposé").mkdir()
    (tmp_path / "non-exposé").mkdir()
    with running(server, server_host, server_port):
        exposed = run_suite([*on_the_server, "--browser-server-expose-network", "<loopback>"], tmp_path / "exposé")
        unexposed = run_suite(on_the_server, tmp_path / "non-exposé")
    output = exposed.stdout + exposed.stderr
    assert "Site cible : site simulé embarqué (http://127.0.0.1:" in exposed.stdout, output[-3000:]
    assert "réseau exposé : <loopback>" in exposed.stdout, output[-3000:]
    assert exposed.returncode == 0, output[-3000:]
    scenario = scenario_test_name(PASSING[1])
    assert outcomes(tmp_path / "exposé" / "junit.xml") == {scenario: "passed"}, output[-3000:]
    # Without it, the same run cannot reach the mock: the option is what made the difference.
    assert outcomes(tmp_path / "non-exposé" / "junit.xml") == {scenario: "failure"}, (
        f"Sans --browser-server-expose-network, attendu : le scénario échoue ; vu : {unexposed.stdout[-3000:]}")
    assert re.search(r"(ECONNREFUSED|ERR_CONNECTION_REFUSED)\S* (at )?(http://)?127\.0\.0\.1:", unexposed.stdout), (
        "Sans l'option, attendu : la boucle locale refusée dans l'espace de noms ; "
        f"vu : {unexposed.stdout[-3000:]}")
