"""Requests sent to the site as a script writes them, the Host header included (the forged-header scenarios).

Neither a browser nor Playwright's own client can send another site's name in Host over HTTPS: Chromium keeps
the real one, and Playwright's client checks the certificate against the name in Host. This client checks the
certificate against the URL's own name (with the run's CA), passes the site's fence, and sends every header as
given.
"""

from dataclasses import dataclass

import requests

# Computed again from the body sent or received; a decoded body under its old encoding would be garbled.
_RECOMPUTED_HEADERS = {"content-length", "content-encoding", "transfer-encoding"}


@dataclass(frozen=True)
class SiteReply:
    """The site's answer, as a browser's route can be fulfilled with it."""

    status: int
    headers: dict[str, str]
    body: bytes


class ScriptedRequests:
    def __init__(self, session: requests.Session, timeout: float):
        self._session = session
        self._timeout = timeout

    def send(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> SiteReply:
        """One request with exactly these headers; a redirection is answered, not followed (the browser follows
        it, as it would the site's own)."""
        sent = {name: value for name, value in headers.items()
                if not name.startswith(":") and name.lower() not in _RECOMPUTED_HEADERS}
        answer = self._session.request(method, url, headers=sent, data=body, allow_redirects=False,
                                       timeout=self._timeout)
        received = {name: value for name, value in answer.headers.items()
                    if name.lower() not in _RECOMPUTED_HEADERS | {"set-cookie"}}
        cookies = answer.raw.headers.getlist("Set-Cookie")
        if cookies:
            # Several cookies, one per line: how Playwright's fulfill takes them.
            received["set-cookie"] = "\n".join(cookies)
        return SiteReply(answer.status_code, received, answer.content)

    def close(self) -> None:
        self._session.close()
