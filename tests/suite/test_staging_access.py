"""Staging as it really is, on real servers: the bundled mock over HTTPS with a private CA (trustme) and
behind a fence (HTTP basic auth), the real Mailpit behind its own --ui-auth-file and TLS, and Toxiproxy
in front of both (300 ms ± 100 ms on every exchange with the site, about 5 s per mail on the site's SMTP,
which Mailpit takes only after STARTTLS).
The suite runs through all of it with nothing but its options, writes no credential anywhere, and stops
at its start, in one French line, when a credential or the certificate is wrong."""

import base64
import hashlib
import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import requests
import trustme

from connection.endpoint import Endpoint
from harness.access import redact_archive
from harness.browser import SYSTEM_CHROMIUM_ARGS, remote_launch_header, with_certificate_pins
from harness.contexts import ScenarioContexts
from harness.waits import PageWaits
from mails.mailpit_choice import MailpitUnreachable, check_reachable, free_port, mailpit_binary
from mock_site.server import serve_in_thread, tls_context
from reporting.verdict import ExitCode
from tests.conftest import PROJECT_ROOT, suite_environment
from tests.suite.conftest import browser_server_command, real_chromium, running

SITE_USER, SITE_PASSWORD = "recette", "Barriere-Secrete-7"
MAILPIT_USER, MAILPIT_PASSWORD = "qa", "Mailpit-Secret-9"
# The journey's run waits on Toxiproxy's latency for most of its minute.
pytestmark = pytest.mark.waits_first

SERVER_START_SECONDS = 15
TOXIPROXY = PROJECT_ROOT / ".tools" / "bin" / "toxiproxy-server"  # ./run.sh tests builds it (pinned)
# Per exchange with the site; on SMTP, per answer of the server: a mail's ten answers (STARTTLS and the TLS
# handshake among them) make about 5 s (measured), more than the 3 s per mail asked of the suite.
SITE_LATENCY = {"latency": 300, "jitter": 100}
SMTP_LATENCY = {"latency": 500, "jitter": 0}
SLOWNESS = "3"
# Through every server the journey touches: the pages, the test API's clock, the mail and its link, the renewal,
# the login with the new password; and the attacker's request with a forged Host, which checks the certificate
# against the site's real name. The whole suite, run after run: bench/staging_runs.py (bench/README.md).
JOURNEY = "validé_à_29_minutes_et_59_secondes_est_enregistré or le_lien_ne_sert_quune_fois or (falsifié and not Forwarded)"


def wait_until_it_answers(process: subprocess.Popen, look, not_yet: type[Exception]) -> None:
    """A bounded wait for a server just started: `look` (itself bounded by its timeout) raises `not_yet` until
    the server answers; the process ending or the deadline passing ends the wait, and the process."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            look()
            return
        except not_yet:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise


class StagingServers:
    """A fenced HTTPS mock and a guarded Mailpit (the real one), both with certificates of a private CA."""

    def __init__(self, folder: Path):
        self.ca = trustme.CA()
        self.ca_file = folder / "ca.pem"
        self.ca.cert_pem.write_to_path(self.ca_file)
        certificate = self.ca.issue_cert("127.0.0.1", "localhost")
        self.certificate, self.key = folder / "cert.pem", folder / "key.pem"
        self.certificate.write_bytes(b"".join(blob.bytes() for blob in certificate.cert_chain_pems))
        certificate.private_key_pem.write_to_path(self.key)
        self.mailpit_url, smtp_port, self._mailpit = self._start_mailpit(folder)
        self.network = SlowNetwork()
        # The site is reached through the proxy only: its mails' links name the proxy's address.
        self.site_port, smtp_through_proxy = free_port(), free_port()
        self.site_url = f"https://127.0.0.1:{self.site_port}"
        self._site = serve_in_thread({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp_through_proxy,
                                      "SMTP_STARTTLS_CA_FILE": str(self.ca_file),
                                      "BASIC_AUTH": (SITE_USER, SITE_PASSWORD), "PUBLIC_URL": self.site_url},
                                     tls=tls_context(str(self.certificate), str(self.key)))
        self.network.slow("site", self.site_port, self._site.port, SITE_LATENCY)
        self.network.slow("smtp", smtp_through_proxy, smtp_port, SMTP_LATENCY)

    def _start_mailpit(self, folder: Path) -> tuple[str, int, subprocess.Popen]:
        executable = mailpit_binary()
        assert executable, "Mailpit introuvable (PATH ou .tools/bin) : ./run.sh tests le construit."
        # Mailpit reads htpasswd files; {SHA} is one of the forms it accepts.
        digest = base64.b64encode(hashlib.sha1(MAILPIT_PASSWORD.encode()).digest()).decode()
        (folder / "mailpit-auth").write_text(f"{MAILPIT_USER}:{{SHA}}{digest}\n", encoding="utf-8")
        http_port, smtp_port = free_port(), free_port()
        process = subprocess.Popen([executable, "--listen", f"127.0.0.1:{http_port}", "--smtp", f"127.0.0.1:{smtp_port}",
                                    "--disable-version-check", "--ui-auth-file", str(folder / "mailpit-auth"),
                                    "--ui-tls-cert", str(self.certificate), "--ui-tls-key", str(self.key),
                                    "--smtp-tls-cert", str(self.certificate), "--smtp-tls-key", str(self.key),
                                    "--smtp-require-starttls"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"https://127.0.0.1:{http_port}"
        guarded = Endpoint.parse(url, user=MAILPIT_USER, password=MAILPIT_PASSWORD, ca_file=str(self.ca_file))
        wait_until_it_answers(process, lambda: check_reachable(guarded, timeout=1), MailpitUnreachable)
        return url, smtp_port, process

    def stop(self) -> None:
        self.network.stop()
        self._site.stop()
        self._mailpit.terminate()
        self._mailpit.wait(timeout=10)


class SlowNetwork:
    """Toxiproxy's server and its HTTP API: a proxy per link, each with a latency toxic."""

    def __init__(self):
        assert TOXIPROXY.is_file(), f"Toxiproxy introuvable ({TOXIPROXY}) : ./run.sh tests le construit (Go)."
        self.api = f"http://127.0.0.1:{free_port()}"
        self._process = subprocess.Popen([str(TOXIPROXY), "-host", "127.0.0.1", "-port", self.api.rsplit(":", 1)[1]],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_it_answers(self._process, lambda: requests.get(f"{self.api}/version", timeout=1).raise_for_status(),
                              requests.RequestException)

    def slow(self, name: str, listen: int, upstream: int, latency: dict) -> None:
        """Every byte from `upstream` back to its client waits `latency` ms (± jitter)."""
        requests.post(f"{self.api}/proxies", timeout=5, json={
            "name": name, "listen": f"127.0.0.1:{listen}", "upstream": f"127.0.0.1:{upstream}", "enabled": True,
        }).raise_for_status()
        requests.post(f"{self.api}/proxies/{name}/toxics", timeout=5, json={
            "name": f"{name}-latence", "type": "latency", "stream": "downstream", "attributes": latency,
        }).raise_for_status()

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


@pytest.fixture(scope="module")
def staging(tmp_path_factory):
    servers = StagingServers(tmp_path_factory.mktemp("recette"))
    yield servers
    servers.stop()


CREDENTIALS_BY_OPTION = ("--site-user", SITE_USER, "--mailpit-user", MAILPIT_USER)


def run_suite(staging: StagingServers, reports: Path, *options: str, site_password: str = SITE_PASSWORD,
              mailpit_password: str = MAILPIT_PASSWORD, timeout: float = 900,
              **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "--base-url", staging.site_url, "--mailpit-url", staging.mailpit_url,
         f"--reports-dir={reports}", *options],
        cwd=PROJECT_ROOT, env=suite_environment(SITE_PASSWORD=site_password, MAILPIT_PASSWORD=mailpit_password, **variables),
        capture_output=True, text=True, timeout=timeout, check=False)


def secrets_in(folder: Path, said: str) -> list[str]:
    """Where a password or a fence's Authorization token shows: the run's output, any file, any trace's member."""
    secrets = [SITE_PASSWORD, MAILPIT_PASSWORD, *(base64.b64encode(f"{user}:{password}".encode()).decode()
                                                  for user, password in ((SITE_USER, SITE_PASSWORD),
                                                                         (MAILPIT_USER, MAILPIT_PASSWORD)))]
    found = [f"sortie de la recette : {secret}" for secret in secrets if secret in said]
    for path in folder.rglob("*"):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                contents = [(f"{path}:{name}", archive.read(name)) for name in archive.namelist()]
        elif path.is_file():
            contents = [(str(path), path.read_bytes())]
        else:
            continue
        found += [f"{where} : {secret}" for where, data in contents for secret in secrets if secret.encode() in data]
    return found


def test_the_journey_runs_through_https_a_fence_and_a_guarded_mailpit_and_no_output_holds_a_credential(
        staging, tmp_path):
    # --tracing on: every scenario's trace is written, with its requests' headers, so that all are searched.
    # One worker per scenario (they wait on the latency); the end of the run looks for late mails at once.
    run = run_suite(staging, tmp_path, *CREDENTIALS_BY_OPTION, "-n", "3", "-k", JOURNEY, "--ca-file",
                    str(staging.ca_file), "--tracing", "on", "--slow-target", SLOWNESS, "--no-mail-window", "0")
    said = run.stdout + run.stderr
    assert run.returncode == ExitCode.OK, f"attendu : recette réussie ; vu : code {run.returncode}\n{said[-4000:]}"
    assert " passed" in said and "skipped" not in said, said[-2000:]
    assert list(tmp_path.rglob("*.zip")), "aucune trace écrite : la recherche des secrets n'aurait rien vu"
    assert not secrets_in(tmp_path, said), secrets_in(tmp_path, said)
    # The header and the report say what the run went through.
    for line in ("Site cible : HTTPS (certificat émis par", "Mailpit v", "avec identifiants",
                 "temps de réponse médian de sa page d'accueil"):
        assert line in said, f"en-tête sans « {line} » :\n{said[:3000]}"
    median = int(re.search(r"temps de réponse médian de sa page d'accueil au démarrage : (\d+) ms", said).group(1))
    assert median >= SITE_LATENCY["latency"] - SITE_LATENCY["jitter"], f"la latence n'était pas là : {median} ms"
    evidence = (tmp_path / "preuves.json").read_text(encoding="utf-8")
    assert "certificat émis par" in evidence and "temps de réponse médian" in evidence, evidence[:2000]
    assert f'"target": "https://***@127.0.0.1:{staging.site_port}"' in evidence, evidence[:2000]


def test_a_browser_server_s_chromium_accepts_the_run_s_certificates(staging, tmp_path, playwright):
    # Its Chromium gets the keys through the launch options the server takes from the client (--unsafe);
    # without them, the site's first page is refused (the CA is not the system's).
    port = free_port()
    with running(browser_server_command("127.0.0.1", port), "127.0.0.1", port):
        run = run_suite(staging, tmp_path, *CREDENTIALS_BY_OPTION, "-m", "etape-1", "--ca-file", str(staging.ca_file),
                        "--slow-target", SLOWNESS, "--browser-server", f"ws://127.0.0.1:{port}/",
                        "--browser-server-expose-network", "<loopback>", "--browser-server-chromium",
                        real_chromium(playwright))
    said = run.stdout + run.stderr
    assert run.returncode == ExitCode.OK and "1 passed" in said, said[-3000:]


def test_the_certificates_keys_are_the_only_ones_a_browser_accepts_here_or_on_a_server():
    pins = ["clé-du-site", "clé-de-mailpit"]
    accepted = "--ignore-certificate-errors-spki-list=clé-du-site,clé-de-mailpit"
    assert with_certificate_pins({"args": ["--x"]}, pins)["args"] == ["--x", accepted]
    assert with_certificate_pins({"args": ["--x"]}, []) == {"args": ["--x"]}
    launch = json.loads(remote_launch_header(None, pins)["x-playwright-launch-options"])
    assert launch == {"args": [accepted]}
    launch = json.loads(remote_launch_header("/usr/bin/chromium", pins)["x-playwright-launch-options"])
    assert launch == {"args": [*SYSTEM_CHROMIUM_ARGS, accepted], "executablePath": "/usr/bin/chromium"}


@pytest.mark.parametrize(("case", "options", "passwords", "expected"), [
    ("barrière refusée", ["--ca-file", "CA"], {"site_password": "faux"},
     "Site cible https://***@127.0.0.1:{site} : accès refusé (401) : identifiants de la barrière refusés."),
    ("certificat d'une autre autorité", ["--ca-file", "OTHER_CA"], {}, "Mailpit https://***@127.0.0.1:{mailpit} : certificat refusé"),
    ("Mailpit refuse la suite", ["--ca-file", "CA"], {"mailpit_password": "faux"},
     "Mailpit https://***@127.0.0.1:{mailpit} refuse la suite (401"),
])
def test_a_wrong_credential_or_certificate_stops_the_run_at_its_start_in_one_line(staging, tmp_path, case, options,
                                                                                   passwords, expected):
    other_ca = tmp_path / "autre-ca.pem"
    trustme.CA().cert_pem.write_to_path(other_ca)
    given = [{"CA": str(staging.ca_file), "OTHER_CA": str(other_ca)}.get(option, option) for option in options]
    run = run_suite(staging, tmp_path / "rapports", *CREDENTIALS_BY_OPTION, "--collect-only", "-q", *given,
                    **passwords)
    said = run.stdout + run.stderr
    line = expected.format(site=staging.site_port, mailpit=staging.mailpit_url.rsplit(":", 1)[1])
    assert run.returncode == ExitCode.USAGE_ERROR, f"{case} : attendu code 4 ; vu : {run.returncode}\n{said[-3000:]}"
    errors = [text for text in said.splitlines() if text.startswith("ERROR: ")]
    assert len(errors) == 1 and errors[0].removeprefix("ERROR: ").startswith(line), f"{case} :\n{said[-3000:]}"
    assert "Traceback" not in said and "collected" not in said, said[-3000:]
    assert not secrets_in(tmp_path, said), secrets_in(tmp_path, said)


def test_credentials_written_in_a_url_are_taken_out_of_it():
    endpoint = Endpoint.parse("https://qa:p%40ss@mailpit.example.test:8025/", ca_file="ca.pem")
    assert (endpoint.url, endpoint.user, endpoint.password) == ("https://mailpit.example.test:8025", "qa", "p@ss")
    assert endpoint.shown == "https://***@mailpit.example.test:8025" and "p@ss" not in repr(endpoint)
    assert endpoint.secrets() == ["p@ss", base64.b64encode(b"qa:p@ss").decode()]
    assert Endpoint.parse("http://127.0.0.1:8025").shown == "http://127.0.0.1:8025"
    assert Endpoint.of(endpoint) is endpoint and Endpoint.of("https://qa:x@h.test/").password == "x"


def test_the_ca_file_wins_over_the_environment_s_bundle(monkeypatch, tmp_path):
    # requests lets $REQUESTS_CA_BUNDLE replace a session's CA file; the endpoint's must stay.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "autre.pem"))
    session = Endpoint.parse("https://127.0.0.1:1", ca_file="ca.pem").session()
    settings = session.merge_environment_settings("https://127.0.0.1:1/", {}, None, None, None)
    assert settings["verify"] == "ca.pem"


def test_a_trace_is_rewritten_without_the_secrets_and_stays_a_zip(tmp_path):
    trace = tmp_path / "trace.zip"
    with zipfile.ZipFile(trace, "w") as archive:
        archive.writestr("trace.network", '{"name": "Authorization", "value": "Basic c2VjcmV0"}')
        archive.writestr("resources/page.jpeg", b"c2VjcmV0")
    redact_archive(trace, ["c2VjcmV0"])
    with zipfile.ZipFile(trace) as archive:
        assert archive.read("trace.network") == b'{"name": "Authorization", "value": "Basic ***"}'
        assert archive.read("resources/page.jpeg") == b"c2VjcmV0"  # images are not text: left as they are


def test_the_example_staging_file_holds_the_ca_the_fence_mailpit_s_credentials_and_the_slowness(staging, tmp_path):
    # The shipped example, its CA beside it as its ca_file says, its passwords in the variables it names.
    config = tmp_path / "staging.json"
    config.write_text((PROJECT_ROOT / "staging.example.json").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / json.loads(config.read_text(encoding="utf-8"))["ca_file"]).write_bytes(staging.ca_file.read_bytes())
    run = run_suite(staging, tmp_path / "rapports", "--staging-config", str(config), "--collect-only",
                    site_password="", mailpit_password="", STAGING_SITE_PASSWORD=SITE_PASSWORD,
                    STAGING_MAILPIT_PASSWORD=MAILPIT_PASSWORD, STAGING_COMPTE_1_PASSWORD="Ancien-Mdp-2024")
    said = run.stdout + run.stderr
    assert run.returncode == ExitCode.OK and "collected" in said, said[-3000:]
    assert "Cible lente : délais d'attente multipliés par 3" in said and "avec identifiants" in said, said[:3000]
    assert not secrets_in(tmp_path / "rapports", said), secrets_in(tmp_path / "rapports", said)


@pytest.mark.parametrize(("factor", "expected"), [
    ("2.5", ("Cible lente : délais d'attente multipliés par 2.5 (assertions de page 12.5 s, actions et navigations "
            "75 s, mails 25 s)")),
    ("0.5", "ERROR: Facteur de lenteur 0.5 : un nombre au moins égal à 1 est attendu"),
])
def test_one_factor_scales_every_wait(tmp_path, factor, expected):
    run = subprocess.run([sys.executable, "-m", "pytest", "steps", "--collect-only", "--slow-target", factor,
                          "--mail-timeout", "10", f"--reports-dir={tmp_path}"],
                         cwd=PROJECT_ROOT, env=suite_environment(), capture_output=True, text=True, timeout=300, check=False)
    said = run.stdout + run.stderr
    assert expected in said, said[-3000:]
    assert run.returncode == (ExitCode.OK if expected.startswith("Cible") else ExitCode.USAGE_ERROR), said[-3000:]


def test_every_context_waits_as_long_as_the_factor_says():
    class Context:
        timeout_ms = None

        def set_default_timeout(self, timeout_ms):
            self.timeout_ms = timeout_ms

        def on(self, event, handler):
            assert event in ("requestfailed", "response")

    contexts = ScenarioContexts()
    context = contexts.track(Context(), PageWaits.scaled(2.5).action_ms)
    assert context.timeout_ms == 75_000 and contexts.opened == [context]
