"""The suite's plumbing, as pytest plugin modules registered by name from conftest.py
(the way pytest's own `_pytest/` modules are): options, the bundled servers, xdist's
hand-over, capability skips, evidence of failures, the browser, the run's verdict."""
