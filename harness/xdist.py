"""xdist: every worker uses the one target and the one Mailpit that the main process started."""

import pytest

from reporting.workers import is_worker

# What the main process tells each xdist worker about the shared target.
WORKER_TARGET = "acceptance_target"
_FOR_WORKERS = pytest.StashKey[dict]()


def hand_over(config: pytest.Config, target: dict) -> None:
    """Kept for the workers that xdist starts after this (pytest_configure_node)."""
    config.stash[_FOR_WORKERS] = target


def handed_over(config: pytest.Config) -> dict:
    return config.workerinput[WORKER_TARGET]


def worker_count(config: pytest.Config) -> int:
    """How many workers this run asks for (-n N; xdist has made `auto` a number by then; none: 0)."""
    if is_worker(config):  # a worker's own options do not say; xdist tells it
        return config.workerinput["workercount"]
    asked = getattr(config.option, "numprocesses", None)
    if not asked:
        return 0
    return 2 if asked in ("auto", "logical") else int(asked)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: the suite also runs without xdist
def pytest_configure_node(node):
    target = node.config.stash.get(_FOR_WORKERS, None)
    if target:
        node.workerinput[WORKER_TARGET] = target
