"""The outage site's way to its mail server: a TCP relay that can be cut.

Cut, nothing listens on its port any more, so the site's SMTP connection is refused, exactly
as with a mail server that is down; restored, it listens again on the same port. The site keeps
the one SMTP address it was started with, so a scenario can receive a mail first, then lose
its mail server.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class SmtpRelay:
    """Forwards every connection made to 127.0.0.1:`port` to `upstream` (the chaos Mailpit's SMTP)."""

    def __init__(self, port: int, upstream: tuple[str, int]):
        self.port = port
        self._upstream = upstream
        self._listener: socket.socket | None = None

    def restore(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), name="relais-smtp", daemon=True).start()

    def cut_off(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            # shutdown wakes the accept() blocked in the relay's thread; close frees the port.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # cut off
                return
            try:
                server = socket.create_connection(self._upstream, timeout=10)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=_pump, args=(source, sink), name="relais-smtp", daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    """Copies one direction until either side closes, then closes both."""
    with contextlib.suppress(OSError):
        while chunk := source.recv(65536):
            sink.sendall(chunk)
    for end in (source, sink):
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
        end.close()
