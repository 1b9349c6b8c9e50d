"""Only a 404 on /__test__/capabilities means "no test-support API"; anything else that is
not the contract's answer stops the run with a French message (URL, status, what was expected)."""

import json
import socket
import string
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from site_under_test import capabilities as capabilities_module
from site_under_test.capabilities import CapabilitiesUnreadable, offered_capabilities

GOOD = {"contract": 1, "accounts": True, "captcha": False, "clock": True,
        "rate_limit": {"limit": 3, "window_seconds": 3600, "block_seconds": 900},
        "password_special_characters": "!#-_"}


class _Answers(BaseHTTPRequestHandler):
    status = 200
    body = b""

    def do_GET(self):
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def target():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def answering(server, status: int, body) -> str:
    server.status = status
    server.body = body if isinstance(body, bytes) else json.dumps(body).encode()
    return f"http://127.0.0.1:{server.server_port}"


def test_the_contract_s_answer_is_read_as_given(target):
    assert offered_capabilities(answering(target, 200, GOOD)) == GOOD
    assert offered_capabilities(answering(target, 200, {**GOOD, "rate_limit": None}))["rate_limit"] is None
    every = {**GOOD, "password_special_characters": string.punctuation}
    assert offered_capabilities(answering(target, 200, every)) == every


def test_a_404_means_no_test_support_api(target):
    assert offered_capabilities(answering(target, 404, b"not found")) == {}


@pytest.mark.parametrize("status", [500, 502, 401, 403, 301])
def test_any_other_status_stops_the_run_naming_url_status_and_what_was_expected(target, status):
    base_url = answering(target, status, b"panne")
    with pytest.raises(CapabilitiesUnreadable) as failure:
        offered_capabilities(base_url)
    message = str(failure.value)
    assert f"{base_url}/__test__/capabilities a répondu {status}" in message
    assert "attendu : 200" in message and "404 sans API de test" in message


@pytest.mark.parametrize("body, problem", [
    (b"<html>proxy</html>", "sans JSON"),
    ([1, 2], "pas un objet JSON"),
    ({**GOOD, "contract": 2}, "contrat 2"),
    ({k: v for k, v in GOOD.items() if k != "contract"}, "contrat None"),
    ({**GOOD, "accounts": "true"}, "« accounts » n'est pas un booléen"),
    ({**GOOD, "clock": 1}, "« clock » n'est pas un booléen"),
    ({k: v for k, v in GOOD.items() if k != "captcha"}, "« captcha » n'est pas un booléen"),
    ({**GOOD, "rate_limit": {"limit": 3, "window_seconds": 3600}}, "« rate_limit »"),
    ({**GOOD, "rate_limit": {"limit": 0, "window_seconds": 3600, "block_seconds": 900}}, "« rate_limit »"),
    ({**GOOD, "rate_limit": {"limit": "3", "window_seconds": 3600, "block_seconds": 900}}, "« rate_limit »"),
    ({**GOOD, "rate_limit": {"limit": True, "window_seconds": 3600, "block_seconds": 900}}, "« rate_limit »"),
    ({**GOOD, "rate_limit": 3}, "« rate_limit »"),
    ({**GOOD, "password_special_characters": "!é"}, "« password_special_characters »"),
    ({**GOOD, "password_special_characters": "! "}, "« password_special_characters »"),
    ({**GOOD, "password_special_characters": ["!"]}, "« password_special_characters »"),
])
def test_an_answer_not_of_the_contract_s_shape_stops_the_run(target, body, problem):
    base_url = answering(target, 200, body)
    with pytest.raises(CapabilitiesUnreadable) as failure:
        offered_capabilities(base_url)
    message = str(failure.value)
    assert f"{base_url}/__test__/capabilities a répondu 200" in message and problem in message and "attendu" in message


def test_no_answer_at_all_stops_the_run(unused_port_url):
    with pytest.raises(CapabilitiesUnreadable, match="pas de réponse"):
        offered_capabilities(unused_port_url)


def test_a_target_too_slow_to_answer_stops_the_run(monkeypatch):
    # A server that accepts and never answers, read with a short timeout.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    monkeypatch.setattr(capabilities_module, "HTTP_TIMEOUT_SECONDS", 0.3)
    try:
        with pytest.raises(CapabilitiesUnreadable, match="pas de réponse .*[Tt]imed? ?out"):
            offered_capabilities(f"http://127.0.0.1:{listener.getsockname()[1]}")
    finally:
        listener.close()


@pytest.fixture
def unused_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
