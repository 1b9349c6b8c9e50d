"""Mailpit's chaos (internal/smtpd/chaos): SMTP errors on purpose, set through GET/PUT /api/v1/chaos."""

import secrets
import threading

TRIGGERS = ("Sender", "Recipient", "Authentication")
_DEFAULT_CODES = {"Sender": 451, "Recipient": 451, "Authentication": 535}


class ChaosError(ValueError):
    pass


class Chaos:
    """Off unless enabled at start (--enable-chaos); then each trigger fails its SMTP step with ErrorCode,
    Probability times in a hundred. Authentication is kept but never fires: the catcher has no SMTP AUTH."""

    def __init__(self, enabled: bool = False):
        self.enabled = enabled
        self._lock = threading.Lock()
        self._triggers = {name: {"ErrorCode": code, "Probability": 0} for name, code in _DEFAULT_CODES.items()}

    def as_json(self) -> dict:
        with self._lock:
            return {name: dict(trigger) for name, trigger in self._triggers.items()}

    def set_from(self, document) -> None:
        """As Mailpit's SetFromStruct: missing codes take their defaults, triggers set in order, the first bad
        value stops (those before it stay set)."""
        if not isinstance(document, dict):
            raise ChaosError("json: cannot unmarshal into Go value of type chaos.Triggers")
        for name in TRIGGERS:
            trigger = document.get(name) or {}
            if not isinstance(trigger, dict):
                raise ChaosError(f"json: cannot unmarshal into Go struct field Triggers.{name} of type chaos.Trigger")
            code, probability = trigger.get("ErrorCode") or 0, trigger.get("Probability") or 0
            if not all(isinstance(value, int) and not isinstance(value, bool) for value in (code, probability)):
                raise ChaosError(f"json: cannot unmarshal into Go struct field Triggers.{name} of type int")
            code = code or _DEFAULT_CODES[name]
            if not 400 <= code <= 599:
                raise ChaosError("error code must be between 400 and 599")
            if not 0 <= probability <= 100:
                raise ChaosError("probability must be between 0 and 100")
            with self._lock:
                self._triggers[name] = {"ErrorCode": code, "Probability": probability}

    def fires(self, name: str) -> int | None:
        """The error code when the trigger fires this time, else None."""
        with self._lock:
            trigger = dict(self._triggers[name])
        if not self.enabled or trigger["Probability"] == 0:
            return None
        return trigger["ErrorCode"] if secrets.randbelow(100) < trigger["Probability"] else None
