"""The fixed ports that the docs and the CI templates name: held by one test at a time, whatever its worker."""

import os
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import suite_environment

ROOT = Path(__file__).resolve().parents[2]
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
        process = subprocess.Popen(shlex.split(command.replace("python ", f"{sys.executable} ", 1)), cwd=ROOT,
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
        process = subprocess.Popen(["bash", "-e", "-c", script], cwd=ROOT, env=suite_environment(PATH=path, **variables),
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
