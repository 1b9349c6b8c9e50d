"""The command lines the README and the docs show run as written: each run of the suite they show is given to
pytest with its own arguments and environment (plus --collect-only: its options, its target, its Mailpit and its
browser server are all checked before collection), with the services the docs start by hand running as the docs
start them."""

import re
import shlex
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT, suite_environment
from tests.suite.test_docs_paths import DOCUMENTS

_CODE_BLOCK = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_SUITE_RUN = re.compile(r"^(?:- run: )?((?:[A-Z_]+=\S* )*)(\./run\.sh acceptance|pytest|python3? -m pytest)(?: |$)(.*)$")
# The services the docs start by hand (docs/staging.md, docs/several-machines.md), on the ports they name.
SERVICES = {
    "python -m mock_site.mailpit --smtp-port 1025 --http-port 8025": 8025,
    "python -m mock_site --port 5000 --smtp-host 127.0.0.1 --smtp-port 1025": 5000,
}
# Shown, not run here, and why.
_BROWSER_SERVER = ("it needs a browser server with Playwright's own Chromium on its host; "
                   "tests/suite/test_browser_server.py runs the suite through one")
NOT_RUN = {
    '- run: ./run.sh acceptance --browser-server ws://127.0.0.1:3000/ --browser-server-expose-network "<loopback>"':
        _BROWSER_SERVER,
    'pytest steps --browser-server ws://localhost:3000/ --browser-server-expose-network "<loopback>"': _BROWSER_SERVER,
    "pytest tests -n 3": "the project's tests: this very run",
    "pytest steps --fault-matrix matrice.json --fault-matrix-results pannes.json": "tests/faults/ runs it",
    "python3 -m pytest steps -n 2 --store-durations --clean-durations": "it rewrites .test_durations; "
                                                                        "tests/reporting checks that file",
    "python3 -m pytest tests -n 2 --store-durations --clean-durations --durations-path tests/.test_durations":
        "it runs the project's tests and rewrites tests/.test_durations; tests/suite/test_ci_commands.py splits with it",
}


def shown_commands() -> list[str]:
    """Every run of the suite a document shows, in a code block or in backquotes, placeholders (…) aside."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        lines = [line.strip() for block in _CODE_BLOCK.findall(text) for line in block.splitlines()]
        lines += _INLINE.findall(_CODE_BLOCK.sub("", text))
        found += [line for line in lines if _SUITE_RUN.match(line) and "…" not in line and line not in NOT_RUN]
    return sorted(set(found))


def as_pytest(command: str) -> tuple[dict[str, str], list[str]]:
    """The environment and pytest's arguments a command line gives (./run.sh acceptance runs `pytest steps`)."""
    assignments, program, rest = _SUITE_RUN.match(command).groups()
    variables = dict(word.split("=", 1) for word in shlex.split(assignments))
    arguments = (["steps"] if program == "./run.sh acceptance" else []) + shlex.split(rest)
    return variables, arguments


@pytest.fixture
def services_of_the_docs(fixed_ports):
    for command, port in SERVICES.items():
        fixed_ports.start(command, port)


def test_the_documents_show_runs_of_the_suite():
    commands = shown_commands()
    assert "./run.sh acceptance" in commands and len(commands) >= 5, commands


def test_every_command_line_the_documents_show_runs_as_written(services_of_the_docs, tmp_path):
    # One test: the services listen on the ports the docs name, so one xdist worker only may start them.
    # The runs go at once, each waiting mostly on its start, so each writes its reports in a folder of its own
    # (all in reports/ would read one another's half-written cucumber.json); the project's tests write none.
    runs = {}
    for number, command in enumerate(shown_commands()):
        variables, arguments = as_pytest(command)
        of_the_suite = not (arguments and arguments[0].startswith("tests"))
        if of_the_suite and "--reports-dir" not in arguments:
            arguments += ["--reports-dir", str(tmp_path / f"rapports-{number}")]
        runs[command] = subprocess.Popen([sys.executable, "-m", "pytest", *arguments, "--collect-only", "-q"],
                                         cwd=PROJECT_ROOT, env=suite_environment(**variables), text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    failed = []
    for command, run in runs.items():
        said, _ = run.communicate(timeout=300)
        if run.returncode != 0:
            failed.append(f"« {command} » : code {run.returncode}\n{said[-2000:]}")
    assert not failed, "Ces commandes des docs ne passent pas telles qu'écrites (--collect-only) :\n" + "\n".join(failed)
