"""The suite's plumbing, as pytest plugin modules registered by name from conftest.py
(the way pytest's own `_pytest/` modules are): the bundled servers, xdist's hand-over, capability
skips, evidence of failures, the browser, the run's verdict. Each declares its own options, in one group."""

OPTIONS_GROUP = ("mot-de-passe-oublie", "Parcours « Mot de passe oublié »")
