"""The bench (bench/bench.py --profile): each py-spy sample counts for the part of the code it is in, each process
for its kind."""

import pytest

from bench.bench import process_kind, profile_part

RUNPY = "_run_module_as_main (<frozen runpy>:198);_run_code (<frozen runpy>:88)"


@pytest.mark.parametrize(("innermost", "part"), [
    ("dispatch_request (flask/app.py:902);render (jinja2/environment.py:1295)", "site simulé (Flask, Werkzeug, captcha)"),
    ("forgot_password (mock_site/views.py:120)", "site simulé (Flask, Werkzeug, captcha)"),
    ("handle_DATA (mock_site/mailpit/smtp.py:40)", "capteur de mails embarqué (aiosmtpd)"),
    ("click (playwright/sync_api/_generated.py:15000);_sync (playwright/_impl/_sync_base.py:111)",
     "client Playwright (Python, greenlet)"),
    ("wait_for_mail (mails/mailbox.py:80);get (requests/api.py:73)", "requêtes HTTP vers Mailpit (requests, urllib3)"),
    # The standard library's frames count for their caller.
    ("fill_identity (pages/forgot_password_page.py:50);dumps (json/__init__.py:231);encode (json/encoder.py:200)",
     "code de la suite (steps, pages, mails, target, harness)"),
    ("pytest_runtest_logreport (reporting/plugin.py:120)", "rapports (cucumber JSON, JUnit, HTML)"),
    ("pytest_runtest_call (_pytest/runner.py:174)", "pytest, pytest-bdd, pluggy, plugins (et les imports du démarrage)"),
    ("highlight (pygments/__init__.py:80)", "autre"),
    ("run (threading.py:982)", "bibliothèque standard seule (démarrage, threads)"),
])
def test_a_sample_counts_for_its_innermost_frame_outside_the_standard_library(innermost, part):
    seen = profile_part(f"{RUNPY};{innermost}")
    assert seen == part, f"Échantillon {innermost} : attendu dans « {part} », vu dans « {seen} »"


@pytest.mark.parametrize(("command", "kind"), [
    ("/usr/lib/chromium/chromium --type=renderer --enable-automation --lang=fr", "Chromium, rendu des pages"),
    ("/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService --lang=fr",
     "Chromium, service (NetworkService)"),
    ("/usr/bin/chromium --disable-field-trial-config --headless --remote-debugging-pipe", "Chromium, processus principal"),
    ("/site-packages/playwright/driver/node /site-packages/playwright/driver/package/cli.js run-driver",
     "pilote Playwright (Node)"),
    ("/usr/bin/python3 -m pytest -q steps", "Python (pytest, le site simulé, le capteur)"),
    ("/usr/bin/python3 bench/bench.py", None),
    # py-spy's own sampling is not the suite's.
    ("/usr/local/bin/py-spy record --format raw -- /usr/bin/python3 -m pytest -q steps", None),
])
def test_a_process_counts_for_its_kind(command, kind):
    seen = process_kind(command.split())
    assert seen == kind, f"Processus {command} : attendu « {kind} », vu « {seen} »"
