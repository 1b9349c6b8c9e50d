"""Which Chromium the scenarios use: Playwright's own build where installed, else the system's;
or, with --browser-server, the one a Playwright browser server launches on its own host."""

import json
import os
import shutil
import socket
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from harness import OPTIONS_GROUP
from harness.servers import runs_acceptance
from reporting.workers import is_worker


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup(*OPTIONS_GROUP)
    group.addoption("--browser-server", default=os.environ.get("BROWSER_SERVER"), metavar="ws://HÔTE:PORT/",
                    help="Lancer les navigateurs des scénarios sur ce serveur Playwright (`playwright run-server`) "
                         "plutôt qu'ici (défaut : $BROWSER_SERVER ; client et serveur de même version).")
    group.addoption("--browser-server-chromium", default=os.environ.get("BROWSER_SERVER_CHROMIUM"), metavar="CHEMIN",
                    help="Avec --browser-server : le Chromium à lancer sur l'hôte du serveur "
                         "(défaut : $BROWSER_SERVER_CHROMIUM, sinon celui du serveur Playwright).")
    group.addoption("--browser-server-expose-network", default=os.environ.get("BROWSER_SERVER_EXPOSE_NETWORK"),
                    metavar="RÈGLES",
                    help="Avec --browser-server : les adresses que le navigateur distant joint à travers cette machine, "
                         "par exemple « <loopback> » pour une cible sur sa boucle locale (expose_network de Playwright).")


# Debian's packages, in the order tried; Playwright 1.65 drives them through executable_path. The old
# headless shell comes first, as with Playwright's own browsers: it takes half the CPU of the whole
# browser (bench/README.md), but cannot draw the windows --headed needs.
HEADLESS_SHELL_NAME = "chromium-headless-shell"
SYSTEM_CHROMIUM_NAMES = (HEADLESS_SHELL_NAME, "chromium", "chromium-browser")
# PWDEBUG's values that leave `headless` as asked: any other opens Playwright's inspector, in a window.
PWDEBUG_WITHOUT_INSPECTOR = ("", "0", "false", "console")

# Without these, the system Chromium keeps calling home at start, which a
# closed CI network refuses, many times over.
SYSTEM_CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# How long the start of the run waits for the browser server to take a connection.
SERVER_REACH_SECONDS = 5.0
# How long it waits for Playwright's connection to it, which launches a Chromium there.
SERVER_CONNECT_MS = 30_000


def system_chromium_path(headless: bool = True) -> Path | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return Path(explicit)
    for name in SYSTEM_CHROMIUM_NAMES if headless else SYSTEM_CHROMIUM_NAMES[1:]:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def chromium_launch_args(bundled_chromium: str, headless: bool = True) -> dict:
    """Launch options: Playwright's own Chromium (`bundled_chromium`, where
    `playwright install chromium` puts it) if it is there, else the system one."""
    if Path(bundled_chromium).exists():
        return {}
    system = system_chromium_path(headless)
    if system is None:
        raise RuntimeError(
            "Aucun Chromium trouvé : ni celui de Playwright (`python -m playwright install chromium`), "
            "ni celui du système (`apt-get install -y chromium chromium-headless-shell`, ou la variable CHROMIUM_PATH)."
        )
    return {"executable_path": str(system), "args": SYSTEM_CHROMIUM_ARGS}


def remote_launch_header(server_chromium: str | None, pins: list[str]) -> dict:
    """Asks the browser server to launch a Chromium of its host's, and to accept the keys of the run's
    certificates (it must run with --unsafe to take either). The server reads the options in Playwright's
    own camelCase: pytest-playwright's header, in Python's snake_case, would name no executable it knows."""
    options = with_certificate_pins({"args": SYSTEM_CHROMIUM_ARGS if server_chromium else []}, pins)
    if server_chromium:
        options = {**options, "executablePath": server_chromium}
    return {"x-playwright-launch-options": json.dumps(options)}


def check_server_reachable(ws_endpoint: str) -> None:
    """A server that cannot be reached stops the run at its start, rather than failing every scenario."""
    parts = urlsplit(ws_endpoint)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise pytest.UsageError(f"--browser-server {ws_endpoint} : une adresse ws://HÔTE:PORT/ est attendue.")
    port = parts.port or (443 if parts.scheme == "wss" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=SERVER_REACH_SECONDS).close()
    except OSError as error:
        raise pytest.UsageError(
            f"Serveur de navigateurs injoignable à {ws_endpoint} ({error}). Démarrez-le "
            "(`python -m playwright run-server --port PORT --host HÔTE`, de la version de Playwright de la suite), "
            "ou retirez --browser-server / BROWSER_SERVER pour lancer le navigateur ici."
        ) from None


def server_connect_options(config: pytest.Config, pins: list[str] = ()) -> dict | None:
    """What pytest-playwright's connect_options and the check at the run's start give Playwright's connect
    (the check, before the run's servers are known, without their certificates' keys)."""
    server = config.getoption("--browser-server", None)
    if not server:
        return None
    options = {"endpoint": server}
    exposed = config.getoption("--browser-server-expose-network", None)
    if exposed:
        options["expose_network"] = exposed
    chromium = config.getoption("--browser-server-chromium", None)
    if chromium or pins:
        options["headers"] = remote_launch_header(chromium, pins)
    return options


def connection_refused(ws_endpoint: str, error: PlaywrightError) -> str:
    """Playwright's reason without the call log it appends (on a version mismatch it names both versions)."""
    said = error.message.split("\nCall log:")[0].strip()
    if "version mismatch" in said:
        advice = (f"le client (Playwright {version('playwright')}) et le serveur doivent avoir la même version "
                  "majeure.mineure ; démarrez le serveur de la version de pyproject.toml (`playwright==`)")
    else:
        advice = "vérifiez son adresse, et qu'il sait lancer Chromium sur son hôte (--browser-server-chromium)"
    return f"Connexion refusée par le serveur de navigateurs {ws_endpoint} : {advice}.\nPlaywright : {said}"


def server_browser_version(options: dict) -> str:
    """Connects as the scenarios will: a server that refuses (another Playwright version, a Chromium it cannot
    launch) stops the run at its start. Its browser's version, for the report's header."""
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.connect(**options, timeout=SERVER_CONNECT_MS)
        except PlaywrightError as error:
            raise pytest.UsageError(connection_refused(options["endpoint"], error)) from None
        try:
            return browser.version
        finally:
            browser.close()


SERVER_BROWSER_VERSION = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    options = server_connect_options(config)
    if not options or is_worker(config):
        return
    check_server_reachable(options["endpoint"])
    if runs_acceptance(config):
        config.stash[SERVER_BROWSER_VERSION] = server_browser_version(options)


def pytest_report_header(config: pytest.Config):
    server = config.getoption("--browser-server", None)
    if not server:
        return None
    browser_version = config.stash.get(SERVER_BROWSER_VERSION, None)
    chromium = config.getoption("--browser-server-chromium", None) or "celui du serveur"
    browser = f"Chromium {browser_version} : {chromium}" if browser_version else f"Chromium : {chromium}"
    exposed = config.getoption("--browser-server-expose-network", None)
    return f"Navigateur : serveur Playwright {server} ({browser})" + (
        f", réseau exposé : {exposed}" if exposed else "")


@pytest.fixture(scope="session")
def connect_options(pytestconfig, certificate_pins) -> dict | None:
    """pytest-playwright connects to this server instead of launching a browser, when one is given."""
    return server_connect_options(pytestconfig, certificate_pins)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright, pytestconfig, certificate_pins):
    """pytest-playwright's launch options, with the Chromium found here (a browser server finds its own),
    and the keys of the run's servers' certificates (`certificate_pins`: harness/access.py's in a run of the
    suite)."""
    arguments = with_certificate_pins(dict(browser_type_launch_args), certificate_pins)
    if pytestconfig.getoption("--browser-server", None):
        return arguments
    chromium = chromium_launch_args(playwright.chromium.executable_path, launches_headless(arguments))
    return {**arguments, **chromium, "args": [*arguments.get("args", []), *chromium.get("args", [])]}


def launches_headless(arguments: dict) -> bool:
    """Whether Playwright will launch without a window: not under --headed, nor under PWDEBUG's inspector."""
    return arguments.get("headless", True) and os.environ.get("PWDEBUG", "") in PWDEBUG_WITHOUT_INSPECTOR


def with_certificate_pins(arguments: dict, pins: list[str]) -> dict:
    """Chromium accepts a certificate whose key is pinned here, and no other certificate error: the keys of
    the certificates the suite checked against the given CA (the narrowest way: Chromium cannot be given
    a CA file, and ignore_https_errors would accept any certificate)."""
    if not pins:
        return arguments
    return {**arguments, "args": [*arguments.get("args", []), f"--ignore-certificate-errors-spki-list={','.join(pins)}"]}
