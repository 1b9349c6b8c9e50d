"""The target's /__test__/ API, called with the scenario's own browser cookies.

Calls go through the browser context's request client so that they belong to
the same target session (and so the same clock) as the scenario's pages.
"""

from datetime import datetime

from playwright.sync_api import APIRequestContext, APIResponse


class SupportApiClient:
    __test__ = False  # a page object, not a pytest test class

    def __init__(self, request: APIRequestContext, base_url: str):
        self._request = request
        self._base_url = base_url

    def try_create_account(self, **fields) -> dict | None:
        """The account as stored, or None when its NIR already exists (409)."""
        answer = self._request.post(self._url("accounts"), data=fields)
        return None if answer.status == 409 else self._json(answer, 201)

    def captcha_answer(self) -> str:
        return self._json(self._request.get(self._url("captcha")), 200)["answer"]

    def now(self) -> datetime:
        return datetime.fromisoformat(self._json(self._request.get(self._url("clock")), 200)["now"])

    def advance_clock(self, seconds: float) -> datetime:
        """Freeze this session's clock (if not yet) and move it forward."""
        answer = self._request.post(self._url("clock"), data={"advance_seconds": seconds})
        return datetime.fromisoformat(self._json(answer, 200)["now"])

    def _url(self, path: str) -> str:
        return f"{self._base_url}/__test__/{path}"

    @staticmethod
    def _json(answer: APIResponse, expected_status: int) -> dict:
        if answer.status != expected_status:
            raise AssertionError(
                f"API de test : {answer.url} devait répondre {expected_status}, "
                f"a répondu {answer.status} : {answer.text()[:500]}"
            )
        return answer.json()
