"""Mailpit's chaos (`--enable-chaos`): its SMTP server refuses mails on demand.

`PUT /api/v1/chaos` sets the triggers, given as the body itself (`{"Recipient": {"ErrorCode":
451, "Probability": 100}}`; Mailpit ignores a `{"Triggers": …}` wrapper and sets nothing), and
answers the triggers now set; a trigger left out is reset, so `{}` is Mailpit accepting mail
again. Chaos acts on every mail that Mailpit receives: only scenarios that have a Mailpit
of their own may use it.
"""

from __future__ import annotations

import requests

from connection.endpoint import Endpoint

HTTP_TIMEOUT_SECONDS = 5.0


class ChaosUnavailable(RuntimeError):
    """The Mailpit does not answer its chaos API (not started with --enable-chaos, or down)."""


class MailpitChaos:
    def __init__(self, mailpit: Endpoint | str):
        endpoint = Endpoint.of(mailpit)
        self.url = f"{endpoint.url}/api/v1/chaos"
        self._http = endpoint.session()

    def refuse_recipients(self, error_code: int) -> None:
        """Every RCPT TO is answered `error_code` (a 4xx: try later; a 5xx: for good)."""
        self._put({"Recipient": {"ErrorCode": error_code, "Probability": 100}})

    def accept_all(self) -> None:
        self._put({})

    def triggers(self) -> dict:
        return self._answer(self._http.get(self.url, timeout=HTTP_TIMEOUT_SECONDS), "GET")

    def _put(self, setting: dict) -> None:
        answer = self._answer(self._http.put(self.url, json=setting, timeout=HTTP_TIMEOUT_SECONDS), "PUT")
        # What Mailpit answers is what it will do: a trigger not taken would make the scenario test nothing.
        for name in ("Sender", "Recipient", "Authentication"):
            wanted = setting.get(name, {"Probability": 0})
            got = {key: (answer.get(name) or {}).get(key) for key in wanted}
            if wanted != got:
                raise ChaosUnavailable(f"Mailpit ({self.url}) n'a pas pris le déclencheur {name} {wanted} : il renvoie {answer}")

    def _answer(self, response: requests.Response, method: str) -> dict:
        if response.status_code != 200:
            raise ChaosUnavailable(
                f"{method} {self.url} : {response.status_code} {response.text.strip()[:200]!r} "
                "(Mailpit doit être démarré avec --enable-chaos ou MP_ENABLE_CHAOS=true)"
            )
        try:
            return response.json()
        except ValueError:
            raise ChaosUnavailable(f"{method} {self.url} : réponse qui n'est pas du JSON : {response.text[:200]!r}") from None
