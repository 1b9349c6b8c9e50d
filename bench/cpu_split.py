"""pytest plugin of the bench (`-p bench.cpu_split`): at the end of the run, the CPU seconds of pytest's own
process (with the bundled mock's and catcher's threads) and of its children (Playwright's Node driver and
Chromium, ended by then), written as JSON to the file $BENCH_CPU_SPLIT names."""

import json
import os
import resource
from pathlib import Path


def pytest_unconfigure(config):
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    split = {"python": own.ru_utime + own.ru_stime, "children": children.ru_utime + children.ru_stime}
    Path(os.environ["BENCH_CPU_SPLIT"]).write_text(json.dumps(split))
