"""Serve the mock from a background thread (the acceptance suite's conftest) or the command line."""

import socket
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


def origin(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def bind(config: dict | None, host: str, port: int, request_handler=None) -> BaseWSGIServer:
    """Bind first (port 0: a free one), so that mail links can name the bound origin."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.create_server((host, port), family=family)
    bound_port = listening.getsockname()[1]
    config = {"PUBLIC_URL": origin(host, bound_port), **(config or {})}
    try:
        # werkzeug duplicates the descriptor; ours is closed below.
        return make_server(host, bound_port, create_app(config), threaded=True, fd=listening.fileno(),
                           request_handler=request_handler)
    finally:
        listening.close()


def serve_in_thread(config: dict | None = None, host: str = "127.0.0.1", port: int = 0) -> RunningSite:
    server = bind(config, host, port, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="mock-site", daemon=True)
    thread.start()
    return RunningSite(origin(host, server.port), server.port, server.app, server, thread)
