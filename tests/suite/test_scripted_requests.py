"""The attacker's request of the forged-header scenarios: sent as written, Host included."""

import http.server
import threading
from typing import ClassVar

import pytest
import requests

from site_under_test.scripted_requests import ScriptedRequests


class Site(http.server.BaseHTTPRequestHandler):
    """Answers a POST with a redirection and two cookies, and keeps what it was sent."""

    seen: ClassVar[list[tuple[str, bytes]]] = []

    def do_POST(self):
        Site.seen.append((self.headers["Host"], self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(303)
        self.send_header("Location", "/envoye")
        self.send_header("Set-Cookie", "session=abc; Path=/")
        self.send_header("Set-Cookie", "jeton=def; Path=/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *arguments):
        pass


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Site.seen.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_the_host_is_sent_as_written_and_the_answer_kept_for_the_browser(site):
    client = ScriptedRequests(requests.Session(), timeout=5)
    headers = {"host": "site-pirate.example", "content-type": "application/x-www-form-urlencoded",
               "content-length": "999", ":method": "POST"}  # recomputed, and a pseudo-header: not sent
    reply = client.send("POST", f"{site}/mot-de-passe-oublie", headers, b"nir=1")
    assert Site.seen == [("site-pirate.example", b"nir=1")]
    assert reply.status == 303 and reply.headers["Location"] == "/envoye"  # answered, not followed
    assert reply.headers["set-cookie"] == "session=abc; Path=/\njeton=def; Path=/"
    assert "Content-Length" not in reply.headers and reply.body == b""
