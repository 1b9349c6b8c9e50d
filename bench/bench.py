"""Speed of the acceptance suite on this machine, printed as ratios from one run of this script
(the machine is noisy: its absolute times hold for nothing, the ratios of one run do).

    python bench/bench.py                   # every measure below
    python bench/bench.py --floor           # one happy path ÷ the same clicks in a bare Playwright script
    python bench/bench.py --mail            # from a mail's sending to the suite seeing it
    python bench/bench.py --workers         # the full run: -n 2 ÷ -n 1, CPU seconds per scenario, with and
                                            # without tracing
    python bench/bench.py --browser-server  # -n 2 ÷ -n 1 again, the browsers on a Playwright browser server
    python bench/bench.py --profile         # where the CPU goes, on steps 5 and 6 (py-spy)
"""

import argparse
import collections
import contextlib
import os
import platform
import random
import re
import signal
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from xml.etree import ElementTree

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contract import wording
from harness.browser import chromium_launch_args
from mails.mailbox import Mailbox
from mails.mailpit_choice import PROJECT_MAILPIT, free_port, start_binary
from mock_site.mailpit import start_catcher
from mock_site.server import serve_in_thread
from pages.mail_view import MailInBrowser
from site_under_test.accounts import random_identity, unique_address

SCENARIOS = "steps/test_guide_mot_de_passe_oublie.py::test_"
# Step 6's first scenario: the whole journey, from the home page to the confirmation mail. It is timed
# between two others: the first starts the run's browser (the floor's browser is running too), the last
# closes it (pytest counts a session's teardown in its last test's time).
HAPPY_PATH = SCENARIOS + "lassuré_est_informé_à_lécran_et_par_mail_que_son_mot_de_passe_a_été_modifié"
BEFORE_AND_AFTER = (SCENARIOS + "lassuré_rejoint_lespace_de_connexion_depuis_la_page_daccueil",
                    SCENARIOS + "lassuré_qui_a_oublié_son_mot_de_passe_clique_sur__mot_de_passe_oublié__")
# Each measure of the happy path is taken this many times, suite and floor in turn; the medians are compared.
ROUNDS = 5
MAILS_TIMED = 20
# The part of the suite profiled: 34 scenarios, every kind of step, one process.
PROFILED = ["-m", "etape-5 or etape-6", "-p", "no:xdist"]
PROFILE_RATE = 100  # py-spy's samples per second
PROCESS_SAMPLE_SECONDS = 0.2
SERVER_START_SECONDS = 30
NEW_PASSWORD = "Nouveau-Mdp-2026"


def busy_cpu_seconds() -> float:
    """The machine's CPU seconds spent so far, all processes and cores (Linux's /proc/stat). Chromium's
    helper processes leave the run's process tree, so the run's own rusage would miss most of them."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq = map(int, fields[:7])  # not steal: other VMs' time
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class ProcessCpu(threading.Thread):
    """Samples every process's CPU seconds (/proc/PID/stat) while a run goes on, by kind: Chromium's
    processes by --type, Playwright's Node driver, the run's Python. A process's last moments before it
    ends (at most one pause) are missed: the kinds add up to a little less than the machine's total."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopping = threading.Event()
        self.seconds: dict[str, dict[str, float]] = collections.defaultdict(dict)

    def run(self) -> None:
        while not self.stopping.is_set():
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    self._sample(entry)
            self.stopping.wait(PROCESS_SAMPLE_SECONDS)  # the bench's own pace between two looks

    def _sample(self, process: Path) -> None:
        try:
            command = (process / "cmdline").read_bytes().split(b"\0")
            stat = (process / "stat").read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            return
        # Chromium rewrites its helpers' command line into one string: split it on spaces as well.
        kind = process_kind(b" ".join(command).decode(errors="replace").split())
        if kind:
            self.seconds[kind][process.name] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")

    def totals(self) -> dict[str, float]:
        self.stopping.set()
        self.join()
        return {kind: sum(by_process.values()) for kind, by_process in self.seconds.items()}


def process_kind(command: list[str]) -> str | None:
    if not command:
        return None
    program = Path(command[0]).name
    if "chrom" in program:
        kind = next((part.removeprefix("--type=") for part in command if part.startswith("--type=")), "browser")
        service = next((part.rpartition(".")[2]
                        for part in command if part.startswith("--utility-sub-type=")), "")
        return f"Chromium, {CHROMIUM_PROCESSES.get(kind, kind)}" + (f" ({service})" if service else "")
    if program == "node":
        return "pilote Playwright (Node)"
    if program != "py-spy" and "pytest" in command:
        return "Python (pytest, le site simulé, le capteur)"
    return None


CHROMIUM_PROCESSES = {"browser": "processus principal", "renderer": "rendu des pages", "gpu-process": "GPU (logiciel)",
                      "utility": "service", "zygote": "zygote"}


def run_suite(extra: list[str], prefix: tuple[str, ...] = (), **environment: str) -> tuple[float, float, dict[str, float]]:
    """Wall time, the machine's CPU seconds meanwhile (nothing else should run), and each scenario's time (JUnit)."""
    with tempfile.TemporaryDirectory() as folder:
        cpu_before = busy_cpu_seconds()
        started = time.perf_counter()
        subprocess.run([*prefix, sys.executable, "-m", "pytest", "-q", f"--reports-dir={folder}", *extra],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **environment})
        wall = time.perf_counter() - started
        cpu = busy_cpu_seconds() - cpu_before
        times = {case.get("name"): float(case.get("time"))
                 for case in ElementTree.parse(Path(folder, "junit.xml")).getroot().iter("testcase")}
    return wall, cpu, times


def suite_happy_path() -> float:
    """The happy path's own time (setup, steps and teardown) in a run of the suite, its browser started."""
    first, last = BEFORE_AND_AFTER
    _, _, times = run_suite(["--no-mail-window", "0", first, HAPPY_PATH, last])
    return times[HAPPY_PATH.split("::")[1]]


def bare_journey(browser, site_url: str, mailpit_url: str) -> float:
    """The happy path as plain Playwright clicks in a new context of a running browser, timed."""
    started = time.perf_counter()
    context = browser.new_context(base_url=site_url)
    nir, birth = random_identity()
    address = unique_address()
    context.request.post("/__test__/accounts", data={"nir": nir, "birth_date": birth.isoformat(), "email": address})
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name=wording.HOME_LOGIN_LINK).click()
    page.get_by_role("link", name=wording.FORGOT_PASSWORD_LINK).click()
    page.get_by_label(wording.NIR_FIELD, exact=True).fill(nir)
    page.get_by_label(wording.BIRTH_DATE_FIELD, exact=True).fill(birth.strftime("%d/%m/%Y"))
    answer = context.request.get("/__test__/captcha").json()["answer"]
    page.get_by_label(wording.CAPTCHA_FIELD, exact=True).fill(answer)
    page.get_by_role("button", name=wording.SEND_MAIL_BUTTON).click()
    mailbox = Mailbox(mailpit_url)
    MailInBrowser(mailbox.url).open_link(page, mailbox.wait_for_mail(to=address).id, wording.RENEWAL_LINK)
    page.get_by_label(wording.NEW_PASSWORD_FIELD, exact=True).fill(NEW_PASSWORD)
    page.get_by_label(wording.CONFIRM_PASSWORD_FIELD, exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name=wording.VALIDATE_PASSWORD_BUTTON).click()
    expect(page.get_by_role("heading", name=wording.DONE_HEADING)).to_be_visible()
    mailbox.wait_for_mail(to=address, subject=wording.CHANGED_SUBJECT)
    context.close()
    return time.perf_counter() - started


def print_floor() -> None:
    catcher = start_catcher()
    site = serve_in_thread({"SMTP_HOST": catcher.smtp_host, "SMTP_PORT": catcher.smtp_port})
    suite, floor = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium_launch_args(playwright.chromium.executable_path))
            bare_journey(browser, site.url, catcher.url)  # its first context, as the suite's warm-up
            for _ in range(ROUNDS):
                suite.append(suite_happy_path())
                floor.append(bare_journey(browser, site.url, catcher.url))
            browser.close()
    finally:
        site.stop()
        catcher.stop()
    scenario, bare = statistics.median(suite), statistics.median(floor)
    print(f"Un parcours complet (étape 6), scénario de la suite : médiane {scenario:.2f} s sur {ROUNDS} "
          f"({', '.join(f'{t:.2f}' for t in suite)})")
    print(f"Les mêmes clics, script Playwright nu (plancher) : médiane {bare:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in floor)})")
    print(f"Scénario ÷ plancher : {scenario / bare:.2f}")


def mail_latencies(server) -> list[float]:
    """Seconds from the end of each SMTP sending to Mailbox.wait_for_mail returning that mail, the suite
    already waiting when the mail leaves (sent at a random moment between two of its looks)."""
    mailbox = Mailbox(server.url)
    latencies = []
    for number in range(MAILS_TIMED):
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


def print_workers(label: str, extra: list[str]) -> dict[str, float]:
    """The full run at -n 1 and -n 2: wall time, their ratio, CPU seconds per scenario."""
    walls = {}
    for workers in ("1", "2"):
        wall, cpu, times = run_suite(["steps", "-n", workers, *extra])
        walls[workers] = wall
        print(f"Suite complète{label}, -n {workers} : {len(times)} scénarios en {wall:.0f} s, "
              f"CPU de la machine {cpu / len(times):.2f} s par scénario")
    print(f"Suite complète{label}, -n 2 ÷ -n 1 : {walls['2'] / walls['1']:.2f}")
    return walls


def print_tracing_cost() -> None:
    _, cpu, times = run_suite(["steps", "-n", "2", "--tracing", "off", "--screenshot", "off"])
    print(f"Suite complète sans traces ni captures (--tracing off --screenshot off), -n 2 : "
          f"CPU de la machine {cpu / len(times):.2f} s par scénario")


@contextlib.contextmanager
def local_browser_server():
    """`playwright run-server` in a process group of its own on a free loopback port; the suite's options for it
    (with the Chromium found here, which a server run with --unsafe accepts)."""
    port = free_port()
    with sync_playwright() as playwright:
        chromium = chromium_launch_args(playwright.chromium.executable_path).get("executable_path")
    process = subprocess.Popen([sys.executable, "-m", "playwright", "run-server", "--host", "127.0.0.1",
                                "--port", str(port), "--unsafe"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Le serveur de navigateurs n'écoute pas sur 127.0.0.1:{port}")
            time.sleep(0.1)  # the bench waiting for a server to listen
        yield [f"--browser-server=ws://127.0.0.1:{port}/", *([f"--browser-server-chromium={chromium}"] if chromium else [])]
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and its Node driver
        process.wait(timeout=10)


# Where a sample's time goes: the file of its innermost frame outside the standard library (py-spy names
# files from their folder on sys.path), in the first of these parts that matches.
PROFILE_PARTS = [
    ("capteur de mails embarqué (aiosmtpd)", re.compile(r"^(mock_site/mailpit|aiosmtpd)/")),
    ("site simulé (Flask, Werkzeug, captcha)", re.compile(r"^(mock_site|flask|werkzeug|flask_wtf|wtforms|jinja2|captcha|PIL)/")),
    ("client Playwright (Python, greenlet)", re.compile(r"^(playwright|greenlet|pyee)/")),
    ("rapports (cucumber JSON, JUnit, HTML)", re.compile(r"^(reporting/|pytest_bdd/reporting|_pytest/junitxml)")),
    ("pytest, pytest-bdd, pluggy, plugins (et les imports du démarrage)", re.compile(r"^(_pytest|pytest_bdd|gherkin|parse|parse_type|pluggy|pytest_playwright|pytest_split|xdist|execnet|anyio)/")),
    ("code de la suite (steps, pages, mails, target, harness)", re.compile(r"^(steps|pages|mails|target|harness|accessibility)/|^conftest")),
    ("requêtes HTTP vers Mailpit (requests, urllib3)", re.compile(r"^(requests|urllib3|charset_normalizer|idna|certifi|mailpit)/")),
]
FRAME_FILE = re.compile(r"\((.+):\d+\)$")


def in_standard_library(file: str) -> bool:
    return file.startswith("<") or re.split(r"[/.]", file)[0] in sys.stdlib_module_names


def profile_part(stack: str) -> str:
    """The part a py-spy sample (`function (file:line);…`, outermost first) spends its time in."""
    for frame in reversed(stack.split(";")):
        found = FRAME_FILE.search(frame)
        if found and not in_standard_library(found.group(1)):
            return next((name for name, where in PROFILE_PARTS if where.search(found.group(1))), "autre")
    return "bibliothèque standard seule (démarrage, threads)"


def print_profile() -> None:
    """Steps 5 and 6 in one process: the CPU seconds of each kind of process, then where Python's go (py-spy
    samples the process and its threads: the mock, the catcher)."""
    with tempfile.TemporaryDirectory() as folder:
        samples = Path(folder) / "profil.txt"
        processes = ProcessCpu()
        processes.start()
        wall, cpu, times = run_suite(
            ["steps", *PROFILED, "--no-mail-window", "0"],
            prefix=("py-spy", "record", "--format", "raw", "--rate", str(PROFILE_RATE), "--nonblocking",
                    "--output", str(samples), "--"))
        by_kind = processes.totals()
        parts = collections.Counter()
        for line in samples.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            parts[profile_part(stack)] += int(count)
    scenarios = len(times)
    print(f"Profil, étapes 5 et 6 en un processus : {scenarios} scénarios en {wall:.0f} s, "
          f"CPU de la machine {cpu / scenarios:.2f} s par scénario, dont :")
    for kind, seconds in sorted(by_kind.items(), key=lambda item: -item[1]):
        print(f"  {seconds / scenarios:.2f} s {kind}")
    total = sum(parts.values())
    print("Le CPU de Python, par partie du code :")
    for name, count in parts.most_common():
        print(f"  {count * 100 / total:4.0f} % {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    measures = ("floor", "mail", "workers", "browser_server", "profile")
    for measure in measures:
        parser.add_argument("--" + measure.replace("_", "-"), action="store_true")
    args = parser.parse_args()
    chosen = [measure for measure in measures if getattr(args, measure)] or measures
    print(f"Machine : {platform.platform()}, {os.cpu_count()} cœurs, Python {platform.python_version()}, "
          f"le {date.today():%d/%m/%Y}")
    if "floor" in chosen:
        print_floor()
    if "mail" in chosen:
        print_mail_latency("capteur embarqué", start_catcher)
        if PROJECT_MAILPIT.is_file():
            print_mail_latency("Mailpit du projet", lambda: start_binary(str(PROJECT_MAILPIT)))
    local = None
    if "workers" in chosen:
        local = print_workers("", [])
        print_tracing_cost()
    if "browser_server" in chosen:
        with local_browser_server() as options:
            remote = print_workers(" via un serveur de navigateurs local", options)
        if local:
            print(f"Suite complète, serveur de navigateurs ÷ local : -n 1 {remote['1'] / local['1']:.2f}, "
                  f"-n 2 {remote['2'] / local['2']:.2f}")
    if "profile" in chosen:
        print_profile()


if __name__ == "__main__":
    main()
