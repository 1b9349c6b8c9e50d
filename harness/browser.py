"""Which Chromium the scenarios use: Playwright's own build where installed, else the system's;
or, with --browser-server, the one a Playwright browser server launches on its own host."""

import json
import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness import xdist

# Debian's package; Playwright 1.65 drives it through executable_path.
SYSTEM_CHROMIUM_NAMES = ("chromium", "chromium-browser")

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


def system_chromium_path() -> Path | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return Path(explicit)
    for name in SYSTEM_CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def chromium_launch_args(bundled_chromium: str) -> dict:
    """Launch options: Playwright's own Chromium (`bundled_chromium`, where
    `playwright install chromium` puts it) if it is there, else the system one."""
    if Path(bundled_chromium).exists():
        return {}
    system = system_chromium_path()
    if system is None:
        raise RuntimeError(
            "Aucun Chromium trouvé : ni celui de Playwright (`python -m playwright install chromium`), "
            "ni celui du système (`apt-get install -y chromium`, ou la variable CHROMIUM_PATH)."
        )
    return {"executable_path": str(system), "args": SYSTEM_CHROMIUM_ARGS}


def remote_launch_header(server_chromium: str) -> dict:
    """Asks the browser server to launch a Chromium of its host's (it must run with --unsafe to accept it).
    The server reads the options in Playwright's own camelCase: pytest-playwright's header, in Python's
    snake_case, would name no executable it knows."""
    options = {"executablePath": server_chromium, "args": SYSTEM_CHROMIUM_ARGS}
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


def pytest_configure(config: pytest.Config) -> None:
    server = config.getoption("--browser-server", None)
    if server and not xdist.is_worker(config):
        check_server_reachable(server)


def pytest_report_header(config: pytest.Config):
    server = config.getoption("--browser-server", None)
    if not server:
        return None
    chromium = config.getoption("--browser-server-chromium", None) or "celui du serveur"
    exposed = config.getoption("--browser-server-expose-network", None)
    return f"Navigateur : serveur Playwright {server} (Chromium : {chromium})" + (
        f", réseau exposé : {exposed}" if exposed else "")


@pytest.fixture(scope="session")
def connect_options(pytestconfig) -> dict | None:
    """pytest-playwright connects to this server instead of launching a browser, when one is given."""
    server = pytestconfig.getoption("--browser-server", None)
    if not server:
        return None
    options = {"endpoint": server}
    exposed = pytestconfig.getoption("--browser-server-expose-network", None)
    if exposed:
        options["expose_network"] = exposed
    chromium = pytestconfig.getoption("--browser-server-chromium", None)
    if chromium:
        options["headers"] = remote_launch_header(chromium)
    return options


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright, pytestconfig):
    """pytest-playwright's launch options, with the Chromium found here (a browser server finds its own)."""
    if pytestconfig.getoption("--browser-server", None):
        return browser_type_launch_args
    return {**browser_type_launch_args, **chromium_launch_args(playwright.chromium.executable_path)}
