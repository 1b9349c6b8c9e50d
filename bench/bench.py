"""Speed of the acceptance suite on this machine.

Prints the number of scenarios and the wall time of the full run at -n 1 and
-n 2, then the time of one happy-path scenario beside a bare Playwright script
doing the same clicks against the same kind of target (the floor), then the time
from a mail's sending to the suite seeing it, with the embedded catcher and
with the project's Mailpit (.tools/bin/mailpit) where it is built.

    python bench/bench.py            # all the measures
    python bench/bench.py --floor    # only the happy path and its floor
    python bench/bench.py --mail     # only the mail's latency
"""

import argparse
import os
import platform
import random
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree
from email.message import EmailMessage
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.browser import chromium_launch_args  # noqa: E402
from mails.mailbox import Mailbox  # noqa: E402
from mails.server import PROJECT_MAILPIT, start_binary  # noqa: E402
from mock_site.mailpit import start_catcher  # noqa: E402
from mock_site.server import serve_in_thread  # noqa: E402

# Step 6's first scenario: the whole journey, from the home page to the confirmation mail.
HAPPY_PATH = ["-m", "etape-6", "-k", "informé"]


def run_suite(extra: list[str]) -> tuple[float, int, dict[str, float]]:
    """Wall time, scenarios run, and each scenario's own time from the JUnit file."""
    with tempfile.TemporaryDirectory() as folder:
        junit = Path(folder) / "junit.xml"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "steps", "-q", "--junitxml", str(junit), *extra],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        cases = ElementTree.parse(junit).getroot().iter("testcase")
        times = {case.get("name"): float(case.get("time")) for case in cases}
    return wall, len(times), times


def bare_playwright_journey() -> float:
    """The happy path as plain Playwright clicks, timed like one scenario (browser already running)."""
    catcher = start_catcher()
    site = serve_in_thread({"SMTP_HOST": catcher.smtp_host, "SMTP_PORT": catcher.smtp_port})
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium_launch_args(playwright.chromium.executable_path))
            started = time.perf_counter()
            context = browser.new_context(base_url=site.url)
            account = context.request.post("/__test__/accounts", data={
                "nir": "1850775123456", "birth_date": "1985-07-15", "email": "bench@example.test"}).json()
            page = context.new_page()
            page.goto("/")
            page.get_by_role("link", name="Connectez-vous").click()
            page.get_by_role("link", name="Mot de passe oublié ?").click()
            page.get_by_label("Numéro de sécurité sociale", exact=True).fill(account["nir"])
            page.get_by_label("Date de naissance", exact=True).fill("15/07/1985")
            answer = context.request.get("/__test__/captcha").json()["answer"]
            page.get_by_label("Recopiez les caractères", exact=True).fill(answer)
            page.get_by_role("button", name="Recevoir le mail").click()
            mail = Mailbox(catcher.url).wait_for_mail(to="bench@example.test")
            Mailbox(catcher.url).open_link(page, mail, "Renouveler mon mot de passe")
            page.get_by_label("Nouveau mot de passe", exact=True).fill("Nouveau-Mdp-2026")
            page.get_by_label("Confirmation du nouveau mot de passe", exact=True).fill("Nouveau-Mdp-2026")
            page.get_by_role("button", name="Valider le nouveau mot de passe").click()
            expect(page.get_by_role("heading", name="Votre nouveau mot de passe a bien été enregistré")).to_be_visible()
            context.close()
            elapsed = time.perf_counter() - started
            browser.close()
    finally:
        site.stop()
        catcher.stop()
    return elapsed


def mail_latencies(server, mails: int = 20) -> list[float]:
    """Seconds from the end of each SMTP sending to Mailbox.wait_for_mail returning that mail, the suite
    already waiting when the mail leaves (sent at a random moment between two of its looks)."""
    mailbox = Mailbox(server.url)
    latencies = []
    for number in range(mails):
        address = f"latence-{number}-{time.time_ns()}@bench.test"
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "site@bench.test", address, "Latence"
        message.set_content("Bonjour")
        seen = []
        waiting = threading.Thread(target=lambda address=address, seen=seen: (
            mailbox.wait_for_mail(to=address), seen.append(time.perf_counter())))
        waiting.start()
        time.sleep(random.uniform(0.1, 0.2))  # the bench's own pause: the suite is polling meanwhile
        with smtplib.SMTP(server.smtp_host, server.smtp_port, timeout=5) as smtp:
            smtp.send_message(message)
            sent = time.perf_counter()
        waiting.join()
        latencies.append(seen[0] - sent)
    return latencies


def print_mail_latency(name: str, start) -> None:
    server = start()
    try:
        latencies = mail_latencies(server)
    finally:
        server.stop()
    print(f"Du mail envoyé au mail vu, {name} : médiane {statistics.median(latencies) * 1000:.0f} ms, "
          f"maximum {max(latencies) * 1000:.0f} ms ({len(latencies)} mails)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", action="store_true", help="only the happy path and its floor")
    parser.add_argument("--mail", action="store_true", help="only the mail's latency")
    args = parser.parse_args()
    print(f"Machine : {platform.platform()}, {os.cpu_count()} cœurs, Python {platform.python_version()}")
    if not args.floor:
        print_mail_latency("capteur embarqué", start_catcher)
        if PROJECT_MAILPIT.is_file():
            print_mail_latency("Mailpit du projet", lambda: start_binary(str(PROJECT_MAILPIT)))
    if args.mail:
        return
    if not args.floor:
        for workers in ("1", "2"):
            wall, count, _ = run_suite(["-n", workers])
            print(f"Suite complète, -n {workers} : {count} scénarios en {wall:.1f} s")
    _, _, times = run_suite(HAPPY_PATH)
    scenario = sum(times.values())
    print(f"Un parcours complet (étape 6), scénario pytest-bdd : {scenario:.2f} s")
    print(f"Le même parcours, script Playwright nu (plancher) : {bare_playwright_journey():.2f} s")


if __name__ == "__main__":
    main()
