"""Shared by the suite's tests: the fixed ports that the docs and the CI templates name, held by one test at a
time whatever its worker; servers started in processes of their own (a browser server among them)."""

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from harness.browser import chromium_launch_args
from tests.conftest import PROJECT_ROOT, suite_environment

# Where the docs and the CI templates put the mock and Mailpit.
MOCK_PORT, MAILPIT_HTTP_PORT, MAILPIT_SMTP_PORT = 5000, 8025, 1025
FIXED_PORTS = (MOCK_PORT, MAILPIT_HTTP_PORT, MAILPIT_SMTP_PORT)


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class FixedPortServices:
    """Processes started on the fixed ports, each in its own session (a shell's `nohup … &` child included),
    all stopped at the end."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, command: str, port: int | None = None, **variables: str) -> subprocess.Popen:
        process = subprocess.Popen(shlex.split(command.replace("python ", f"{sys.executable} ", 1)), cwd=PROJECT_ROOT,
                                   env=suite_environment(**variables), start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.started.append(process)
        if port is not None:
            self.wait_for(port, command)
        return process

    def run_shell(self, script: str, **variables: str) -> subprocess.CompletedProcess:
        """A CI step's shell script; what it leaves running in the background is stopped with the rest."""
        # The templates call `python` and `pytest`: this environment's, first on PATH.
        path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
        process = subprocess.Popen(["bash", "-e", "-c", script], cwd=PROJECT_ROOT, env=suite_environment(PATH=path, **variables),
                                   start_new_session=True, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.started.append(process)
        said, _ = process.communicate(timeout=600)
        return subprocess.CompletedProcess(script, process.returncode, said)

    def wait_for(self, port: int, what: str) -> None:
        deadline = time.monotonic() + 60
        while not listening(port):
            assert time.monotonic() < deadline, f"« {what} » n'écoute pas sur le port {port} après 60 s"
            time.sleep(0.2)  # a project test waiting for a server of its own: not the suite

    def stop(self) -> None:
        for process in self.started:
            try:
                subprocess.run(["kill", "--", f"-{process.pid}"], check=False, capture_output=True)
            finally:
                process.wait(timeout=30)
        # A shell's background child dies on its own time: the ports are free again before the next test.
        deadline = time.monotonic() + 30
        while any(listening(port) for port in FIXED_PORTS):
            assert time.monotonic() < deadline, f"Ports encore pris 30 s après l'arrêt des services : {FIXED_PORTS}"
            time.sleep(0.2)  # a project test waiting for servers of its own to stop: not the suite


@pytest.fixture
def fixed_ports(tmp_path_factory, worker_id) -> Iterator[FixedPortServices]:
    run_folder = tmp_path_factory.getbasetemp()
    shared = run_folder if worker_id == "master" else run_folder.parent
    with FileLock(shared / "ports-des-docs-et-gabarits.lock"):
        busy = [port for port in FIXED_PORTS if listening(port)]
        assert not busy, f"Ports déjà pris sur cette machine : {busy} ; les docs et les gabarits de CI les nomment."
        services = FixedPortServices()
        try:
            yield services
        finally:
            services.stop()


# How long a server of its own may take to listen.
SERVER_START_SECONDS = 30


def real_chromium(playwright) -> str:
    """The Chromium the suite would launch here: Playwright's own, else the system's (`playwright`:
    pytest-playwright's, which holds the worker's one event loop)."""
    bundled = playwright.chromium.executable_path
    return chromium_launch_args(bundled).get("executable_path", bundled)


@contextlib.contextmanager
def running(command: list[str], host: str, port: int, **environment):
    """A server process of its own, until it listens on host:port (bounded), stopped afterwards with its
    children (`python -m playwright run-server` leaves its Node driver running when only it is stopped)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               env={**os.environ, **environment})
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                socket.create_connection((host, port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, f"{command[:4]} s'est arrêté (code {process.returncode})"
                assert time.monotonic() < deadline, f"{command[:4]} n'écoute pas sur {host}:{port}"
                time.sleep(0.1)  # a test waiting for a process to listen, not the suite
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def browser_server_command(host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "playwright", "run-server", "--host", host, "--port", str(port), "--unsafe"]
