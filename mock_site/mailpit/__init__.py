"""An embedded, Mailpit-compatible mail catcher, for machines without Mailpit.

`start_catcher()` runs an aiosmtpd SMTP server and a threaded HTTP server that
answers the part of Mailpit's REST API (v1.33, see mailpit.version) that the suite reads.
"""

import socket
import threading
from dataclasses import dataclass

from werkzeug.serving import BaseWSGIServer, make_server

from mock_site.mailpit.api import create_app
from mock_site.mailpit.chaos import Chaos
from mock_site.mailpit.messages import MessageStore
from mock_site.mailpit.smtp import CatchAll, MailpitController
from mock_site.server import QuietRequestHandler

__all__ = ["MessageStore", "RunningCatcher", "create_app", "start_catcher"]

_SMTP_START_ATTEMPTS = 5


@dataclass
class RunningCatcher:
    url: str
    smtp_host: str
    smtp_port: int
    store: MessageStore
    chaos: Chaos
    _smtp: MailpitController
    _http: BaseWSGIServer
    _http_thread: threading.Thread

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._http_thread.join(timeout=5)
        self._smtp.stop()


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _start_smtp(store: MessageStore, chaos: Chaos, host: str, port: int) -> MailpitController:
    # aiosmtpd's Controller checks that it is up by connecting to its own port,
    # so it needs a real port number: port 0 is resolved here, retried on a race.
    for attempt in range(_SMTP_START_ATTEMPTS):
        controller = MailpitController(
            CatchAll(store, chaos), hostname=host, port=port or _free_port(host), enable_SMTPUTF8=True
        )
        try:
            controller.start()
            return controller
        except OSError:
            if port or attempt == _SMTP_START_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def start_catcher(
    host: str = "127.0.0.1", smtp_port: int = 0, http_port: int = 0, max_messages: int = 500, enable_chaos: bool = False
) -> RunningCatcher:
    """Start SMTP and HTTP on `host`; port 0 picks a free port, reported on the result. `enable_chaos`: as
    Mailpit's --enable-chaos, SMTP errors on demand through /api/v1/chaos."""
    store, chaos = MessageStore(max_messages=max_messages), Chaos(enabled=enable_chaos)
    smtp = _start_smtp(store, chaos, host, smtp_port)
    try:
        http = make_server(host, http_port, create_app(store, chaos), threaded=True, request_handler=QuietRequestHandler)
    except BaseException:
        smtp.stop()
        raise
    thread = threading.Thread(target=http.serve_forever, name="mailpit-catcher-http", daemon=True)
    thread.start()
    return RunningCatcher(
        url=f"http://{host}:{http.server_port}",
        smtp_host=host,
        smtp_port=smtp.port,
        store=store,
        chaos=chaos,
        _smtp=smtp,
        _http=http,
        _http_thread=thread,
    )
