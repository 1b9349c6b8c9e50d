"""The whole acceptance suite, run after run, through staging as it is: the bundled mock over HTTPS with a
private CA behind a fence, the real Mailpit behind its own auth and TLS, Toxiproxy's latency in front of
the site and of its SMTP (the servers of tests/suite/test_staging_access.py). Prints each run's exit code,
counts and wall time; the mail outage scenarios are left out (they need a chaos Mailpit of their own).

    python bench/staging_runs.py --runs 5 -n 3
"""

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.suite.test_staging_access import (  # after: the project's root first, as pytest puts it
    CREDENTIALS_BY_OPTION,
    SLOWNESS,
    StagingServers,
    run_suite,
)

# The whole suite through the latency takes several times its usual 8 minutes on 2 cores.
RUN_TIMEOUT_SECONDS = 3600


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-n", default="3", help="pytest-xdist's workers (waiting on the network, not the CPU)")
    arguments = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        staging = StagingServers(Path(folder))
        try:
            for number in range(1, arguments.runs + 1):
                started = time.monotonic()
                run = run_suite(staging, Path(folder) / f"run-{number}", *CREDENTIALS_BY_OPTION, "-n", arguments.n,
                                "-m", "not panne-messagerie", "--ca-file", str(staging.ca_file),
                                "--slow-target", SLOWNESS, timeout=RUN_TIMEOUT_SECONDS)
                summary = re.findall(r"=+ (.*) in [\d.]+s", run.stdout)
                print(f"run {number}: exit {run.returncode}, {summary[-1] if summary else '?'}, "
                      f"{time.monotonic() - started:.0f} s", flush=True)
                failed += run.returncode != 0
                if run.returncode != 0:
                    print(run.stdout[-4000:], flush=True)
        finally:
            staging.stop()
    print(f"{arguments.runs - failed} runs green out of {arguments.runs}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
