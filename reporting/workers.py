"""Whether this pytest process is a pytest-xdist worker: the one test, for the harness and the report."""

import pytest


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")
