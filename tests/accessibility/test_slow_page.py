"""A page reached through a link has only begun to load when the click returns: on a slow target its
document can still be empty. Each whole-page check audits the page once it has loaded."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from accessibility.axe import expect_no_axe_violation
from accessibility.rendering import DESKTOP, expect_usable_without_horizontal_scroll
from accessibility.structure import expect_page_structure
from tests.accessibility.conftest import CORRECT_PAGE
from tests.accessibility.test_axe import CORRECT_BODY

# Between the headers and the body, as a staging site behind 300 ms of latency per exchange sends them.
BODY_DELAY_SECONDS = 0.5


class SlowBody(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.flush()
        time.sleep(BODY_DELAY_SECONDS)  # the slow server the test is about, not a wait of the suite
        self.wfile.write(CORRECT_PAGE.format(body=CORRECT_BODY, head="", title="Essai").encode())

    def log_message(self, *arguments):
        """Quiet: the test's output is its assertions."""


@pytest.fixture
def slow_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowBody)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("check", [
    lambda page: expect_no_axe_violation(page, (DESKTOP,)),
    expect_page_structure,
    lambda page: expect_usable_without_horizontal_scroll(page, DESKTOP),
], ids=["axe-core", "structure", "sans défilement horizontal"])
def test_a_check_of_a_page_that_has_only_begun_to_load_waits_for_it(page, slow_site, check):
    page.goto(slow_site, wait_until="commit")
    check(page)
