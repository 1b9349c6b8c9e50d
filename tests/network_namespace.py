"""The browser-server tests' network namespace, joined to this machine by a veth pair: made once, before any
browser of the run starts, and removed once the last one has closed. Chromium fails the loads it has in flight
with ERR_NETWORK_CHANGED when an interface of this machine comes or goes; a namespace made by a test, while the
other workers' browsers ran (the fault matrix, the staging proof), failed their scenarios."""

import contextlib
import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from reporting.workers import is_worker

BROWSER_SERVER_TESTS = Path(__file__).resolve().parent / "suite" / "test_browser_server.py"
# Made by the controller, read by its workers (they inherit its environment when xdist starts them).
NAMESPACE_VARIABLE = "SUITE_TEST_NAMESPACE"


NAME_PREFIX, HOST_SIDE_PREFIX = "suite", "vs"


def ip(*arguments: str) -> subprocess.CompletedProcess:
    """One `ip` command; where it is missing, a refusal that says so."""
    try:
        return subprocess.run(["ip", *arguments], capture_output=True, text=True, timeout=10, check=False)
    except FileNotFoundError:
        return subprocess.CompletedProcess(["ip", *arguments], 127, "", "commande ip absente (paquet iproute2)")


def names_of(run: int) -> tuple[str, str]:
    """The run's namespace and its host-side interface, named after the run's process."""
    return f"{NAME_PREFIX}{run}", f"{HOST_SIDE_PREFIX}{run}"


def make_namespace() -> dict:
    """The namespace (its name, its address, this machine's), or why it could not be made."""
    run = os.getpid()
    name, host_side = names_of(run)
    host, inside = f"10.231.{run % 250}.1", f"10.231.{run % 250}.2"
    commands = [
        ["netns", "add", name],
        ["link", "add", host_side, "type", "veth", "peer", "name", "vn", "netns", name],
        # No IPv6 link-local address: the kernel would add it seconds later, once browsers run.
        ["link", "set", host_side, "addrgenmode", "none"],
        ["addr", "add", f"{host}/30", "dev", host_side],
        ["link", "set", host_side, "up"],
        ["netns", "exec", name, "ip", "addr", "add", f"{inside}/30", "dev", "vn"],
        ["netns", "exec", name, "ip", "link", "set", "vn", "up"],
        ["netns", "exec", name, "ip", "link", "set", "lo", "up"],
    ]
    for command in commands:
        made = ip(*command)
        if made.returncode != 0:
            remove_namespace(run)
            return {"refused": f"Espace de noms réseau impossible ici (ip {' '.join(command)} : {made.stderr.strip()})"}
    return {"name": name, "inside": inside, "host": host}


def remove_namespace(run: int) -> None:
    """The veth pair first: `ip link del` is done when it returns, where `ip netns del` leaves the kernel to
    remove the pair later, when the next run's browsers may be loading. Then what still runs there."""
    name, host_side = names_of(run)
    ip("link", "del", host_side)
    for process in ip("netns", "pids", name).stdout.split():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(process), signal.SIGKILL)
    ip("netns", "del", name)


def remove_namespaces_of_ended_runs() -> None:
    """A run killed before its clean-up (SIGKILL, a cancelled CI job) left its namespace and its address on this
    machine: removed here, before any browser of this run starts."""
    for line in ip("netns", "list").stdout.splitlines():
        run = line.split(" ")[0].removeprefix(NAME_PREFIX)
        if line.startswith(NAME_PREFIX) and run.isdigit() and not Path(f"/proc/{run}").exists():
            remove_namespace(int(run))


def selects_browser_server_tests(config: pytest.Config) -> bool:
    """Whether the run's paths hold the browser-server tests (a -k may still leave them out: a namespace for
    nothing costs a few milliseconds)."""
    for argument in config.args:
        path = (config.invocation_params.dir / argument.split("::")[0]).resolve()
        if path == BROWSER_SERVER_TESTS or path in BROWSER_SERVER_TESTS.parents:
            return True
    return False


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    # tryfirst: before xdist starts the workers, which take this environment with them.
    config = session.config
    # A collection alone runs no test: it must not change this machine's interfaces under another run's browsers.
    if (is_worker(config) or config.option.collectonly or NAMESPACE_VARIABLE in os.environ
            or not selects_browser_server_tests(config)):
        return
    remove_namespaces_of_ended_runs()
    made = make_namespace()
    os.environ[NAMESPACE_VARIABLE] = json.dumps(made)
    if "name" in made:
        config.add_cleanup(lambda: remove_namespace(os.getpid()))


@pytest.fixture
def network_namespace():
    """(the namespace's name, its address, this machine's address on the pair). Where namespaces cannot be made
    the test is skipped, but never in CI, which makes them."""
    made = json.loads(os.environ.get(NAMESPACE_VARIABLE, "{}"))
    assert made, (f"Espace de noms réseau attendu, fait au début de la session quand ses chemins comptent "
                  f"{BROWSER_SERVER_TESTS.name} ; vu : {NAMESPACE_VARIABLE} absente de l'environnement")
    if "refused" in made:
        # .ci/run requires it (root on this project's machine); a CI runner without root may not have it.
        if os.environ.get("NETNS_REQUIRED") == "true":
            pytest.fail(made["refused"] + " ; NETNS_REQUIRED=true l'exige.")
        pytest.skip(made["refused"])
    return made["name"], made["inside"], made["host"]
