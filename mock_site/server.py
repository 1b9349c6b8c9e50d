"""Serve the mock from a background thread (the acceptance suite's conftest) or the command line."""

import socket
import ssl
import threading
from dataclasses import dataclass

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from mock_site import create_app


@dataclass
class RunningSite:
    url: str  # origin, no trailing slash
    port: int
    app: Flask
    _server: BaseWSGIServer
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()


class QuietRequestHandler(WSGIRequestHandler):
    """No access log: a server inside the test run keeps the run's output readable."""

    def log_request(self, code="-", size="-") -> None:
        pass


def origin(host: str, port: int, scheme: str = "http") -> str:
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


def bind(config: dict | None, host: str, port: int, request_handler=None,
         tls: ssl.SSLContext | None = None) -> BaseWSGIServer:
    """Bind first (port 0: a free one), so that mail links can name the bound origin; over HTTPS with `tls`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.create_server((host, port), family=family)
    bound_port = listening.getsockname()[1]
    config = {"PUBLIC_URL": origin(host, bound_port, "https" if tls else "http"), **(config or {})}
    try:
        # werkzeug duplicates the descriptor; ours is closed below.
        return make_server(host, bound_port, create_app(config), threaded=True, fd=listening.fileno(),
                           request_handler=request_handler, ssl_context=tls)
    finally:
        listening.close()


def tls_context(certificate: str, key: str) -> ssl.SSLContext:
    """The server side of HTTPS with this certificate (PEM, its chain after it) and its key."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context


def serve_in_thread(config: dict | None = None, host: str = "127.0.0.1", port: int = 0,
                    tls: ssl.SSLContext | None = None) -> RunningSite:
    server = bind(config, host, port, request_handler=QuietRequestHandler, tls=tls)
    thread = threading.Thread(target=server.serve_forever, name="mock-site", daemon=True)
    thread.start()
    return RunningSite(origin(host, server.port, "https" if tls else "http"), server.port, server.app, server,
                       thread)
