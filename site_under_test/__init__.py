"""The target side: what the target offers (capabilities), the scenario's account on it,
its test-support API, and the scenario's clock on it."""

# How long one HTTP call of the suite's own to the target may take (capabilities, start-up probes, scripted
# requests; the latter scaled by the run's slowness): long enough for a slow staging site, short enough to
# stop a run that cannot start.
HTTP_TIMEOUT_SECONDS = 10
