"""Which Mailpit the suite reads: the one given, else a `mailpit` binary (PATH, then the project's
.tools/bin, where ./run.sh builds it), else the embedded catcher (started by the caller: the suite
imports the bundled mock in one place only, harness/servers.py)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import requests

from connection.endpoint import Endpoint, certificate_refused, failure_reason

CHECK_TIMEOUT_SECONDS = 3.0
BINARY_START_TIMEOUT_SECONDS = 15.0
# While the binary starts: how long one look at its port waits, and how long we wait for it to exit between looks.
BINARY_LOOK_TIMEOUT_SECONDS = 1.0
BINARY_EXIT_WAIT_SECONDS = 0.1
BINARY_STOP_TIMEOUT_SECONDS = 5
MAILPIT_HTTP_PORT, MAILPIT_SMTP_PORT = 8025, 1025
# Where ./run.sh builds the pinned Mailpit (see mailpit.version).
PROJECT_MAILPIT = Path(__file__).resolve().parents[1] / ".tools" / "bin" / "mailpit"


class MailpitUnreachable(RuntimeError):
    pass


def check_reachable(mailpit: Endpoint | str, timeout: float = CHECK_TIMEOUT_SECONDS) -> dict:
    """Mailpit's /api/v1/info, or an error that names the URL and the cause: its fence refusing the suite,
    a certificate its CA does not sign, or no Mailpit there (then how to start one)."""
    endpoint = Endpoint.of(mailpit)
    info_url = f"{endpoint.url}/api/v1/info"
    try:
        response = endpoint.session().get(info_url, timeout=timeout)
    except requests.exceptions.SSLError as error:
        raise MailpitUnreachable(f"Mailpit {certificate_refused(endpoint, error)}") from None
    except requests.RequestException as error:
        raise _unreachable(endpoint, info_url, error) from None
    if response.status_code in (401, 403):
        raise MailpitUnreachable(f"Mailpit {endpoint.shown} refuse la suite ({response.status_code} sur {info_url}) : "
                                 + ("identifiants refusés." if endpoint.fenced else
                                    "il demande des identifiants (https://utilisateur:mot-de-passe@hôte, "
                                    "ou dans la configuration de recette)."))
    try:
        response.raise_for_status()
        try:
            info = response.json()
        except ValueError:  # a page, not JSON: what Mailpit serves outside its API
            info = None
        if not isinstance(info, dict) or "Version" not in info:
            raise ValueError(f"pas une réponse de Mailpit : {response.text[:200]!r}")
        return info
    except (requests.RequestException, ValueError) as error:
        raise _unreachable(endpoint, info_url, error) from None


def _unreachable(endpoint: Endpoint, info_url: str, error: Exception) -> MailpitUnreachable:
    return MailpitUnreachable(
        f"Mailpit injoignable à {endpoint.shown} ({info_url} : {failure_reason(error)}). "
        "Démarrez-en un : `docker compose up -d mailpit`, ou lancez `mailpit` "
        f"(SMTP {MAILPIT_SMTP_PORT}, HTTP {MAILPIT_HTTP_PORT}), ou n'indiquez pas --mailpit-url / MAILPIT_URL "
        "pour que la suite démarre son catcher embarqué."
    )


@dataclass
class MailpitService:
    url: str  # without credentials (see endpoint)
    smtp_host: str | None
    smtp_port: int | None
    kind: str
    version: str
    executable: str | None = None
    _stop: Callable[[], None] = field(default=lambda: None, repr=False)
    given: Endpoint | None = None  # how a given Mailpit is reached (its fence, its CA)

    @property
    def endpoint(self) -> Endpoint:
        return self.given or Endpoint(self.url)

    def describe(self) -> str:
        label = {"url": "donné", "binary": f"binaire {self.executable} démarré", "embedded": "embarqué"}[self.kind]
        smtp = f"SMTP {self.smtp_host}:{self.smtp_port}" if self.smtp_host else "SMTP non indiqué"
        return f"Mailpit {self.version} : {label} ({self.endpoint.shown}, {smtp})"

    def stop(self) -> None:
        self._stop()


class RunningCatcher(Protocol):
    """What starting the embedded catcher gives back."""

    url: str
    smtp_host: str
    smtp_port: int

    def stop(self) -> None: ...


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _parse_smtp(smtp: str) -> tuple[str, int]:
    host, _, port = smtp.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"SMTP attendu sous la forme hôte:port, reçu {smtp!r}")
    return host, int(port)


def start_binary(executable: str, *options: str) -> MailpitService:
    """Mailpit on free loopback ports; `options` are more of its flags (e.g. --enable-chaos)."""
    http_port, smtp_port = free_port(), free_port()
    url = f"http://127.0.0.1:{http_port}"
    # Its log goes to a file, not a pipe: a pipe nobody reads would block Mailpit once full.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - open while Mailpit runs, closed by stop()
    process = subprocess.Popen(
        # Loopback only; no release check (it would reach GitHub from /api/v1/info).
        [executable, "--listen", f"127.0.0.1:{http_port}", "--smtp", f"127.0.0.1:{smtp_port}",
         "--disable-version-check", *options],
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=BINARY_STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

    # Started means its API answers on its port; a binary that exits meanwhile has failed.
    deadline = time.monotonic() + BINARY_START_TIMEOUT_SECONDS
    while True:
        try:
            process.wait(timeout=BINARY_EXIT_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            pass  # still running: look at its port
        else:
            log.seek(0)
            errors = log.read().decode(errors="replace").strip()
            log.close()
            raise MailpitUnreachable(f"{executable} s'est arrêté au démarrage (code {process.returncode}) : {errors}")
        try:
            info = check_reachable(url, timeout=BINARY_LOOK_TIMEOUT_SECONDS)
            break
        except MailpitUnreachable:
            if time.monotonic() > deadline:
                stop()
                raise MailpitUnreachable(
                    f"{executable} n'a pas répondu sur {url}/api/v1/info en {BINARY_START_TIMEOUT_SECONDS:g} s"
                ) from None
    return MailpitService(url, "127.0.0.1", smtp_port, "binary", info["Version"], executable, stop)


def provide_mailpit(given: Endpoint | str | None, start_embedded: Callable[[], RunningCatcher],
                    smtp: str | None = None) -> MailpitService:
    """The Mailpit for this session, checked reachable; the caller passes --mailpit-url or MAILPIT_URL.

    `smtp` ("host:port") tells where a given Mailpit listens for SMTP, when the caller knows it;
    `start_embedded` starts the embedded catcher, the last choice.
    """
    if given:
        endpoint = Endpoint.of(given)
        info = check_reachable(endpoint)
        host, port = _parse_smtp(smtp) if smtp else (None, None)
        return MailpitService(endpoint.url, host, port, "url", info["Version"], given=endpoint)
    executable = mailpit_binary()
    if executable:
        return start_binary(executable)
    return _embedded(start_embedded())


def start_chaos_mailpit(start_embedded: Callable[[], RunningCatcher]) -> MailpitService:
    """A Mailpit of its own with chaos enabled, for the scenarios that make its SMTP refuse mail:
    the binary when there is one, else the embedded catcher (`start_embedded` starts it with chaos)."""
    executable = mailpit_binary()
    return start_binary(executable, "--enable-chaos") if executable else _embedded(start_embedded())


def mailpit_binary() -> str | None:
    return shutil.which("mailpit") or shutil.which(str(PROJECT_MAILPIT))


def _embedded(catcher: RunningCatcher) -> MailpitService:
    version = check_reachable(catcher.url)["Version"]
    return MailpitService(catcher.url, catcher.smtp_host, catcher.smtp_port, "embedded", version, None, catcher.stop)
