"""The target side: what the target offers (capabilities), the scenario's account on it,
its test-support API, and the scenario's clock on it."""
