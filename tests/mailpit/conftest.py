"""Fixtures for the embedded catcher's tests: a catcher on free ports, mail sending, swagger checks."""

import copy
import json
import smtplib
import uuid
from email.message import EmailMessage
from typing import ClassVar

import jsonschema
import pytest

from tests.conftest import PROJECT_ROOT

# Mailpit's API description, from the Go module of the pinned release (mailpit.version).
SWAGGER = PROJECT_ROOT / "mock_site" / "mailpit" / "swagger.json"


def _strict(schema):
    """Swagger lists properties without `required`: Mailpit's Go structs always send them all, and no other."""
    if isinstance(schema, dict):
        schema = {key: _strict(value) for key, value in schema.items()}
        if isinstance(schema.get("properties"), dict):
            schema.setdefault("required", sorted(schema["properties"]))
            schema.setdefault("additionalProperties", False)
        return schema
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


class Swagger:
    # Mailpit still sends `count`, removed from its documentation in 2023 but kept for older clients.
    LEGACY_FIELDS: ClassVar[dict] = {"MessagesSummary": {"count": {"type": "integer"}}}

    # swagger.json says DELETE /api/v1/search produces JSON, but Mailpit answers "ok" as text/plain
    # (server/apiv1/messages.go, DeleteSearch), as its OKResponse schema (a string) says.
    PRODUCES_AS_MAILPIT: ClassVar[dict] = {("/api/v1/search", "DELETE"): ["text/plain"]}

    # In summaries Mailpit sends null for an empty address list (stored with `omitempty`), which its swagger omits.
    NULL_AS_MAILPIT: ClassVar[dict] = {"MessageSummary": ("To", "Cc", "Bcc", "ReplyTo")}

    def __init__(self, document: dict):
        self.document = document
        definitions = _strict(copy.deepcopy(document["definitions"]))
        for name, extra in self.LEGACY_FIELDS.items():
            definitions[name]["properties"].update(extra)
        for name, fields in self.NULL_AS_MAILPIT.items():
            for field in fields:
                definitions[name]["properties"][field] = {"anyOf": [definitions[name]["properties"][field], {"type": "null"}]}
        self.definitions = definitions

    def operation(self, path: str, method: str) -> dict:
        return self.document["paths"][path][method.lower()]

    def response_schema(self, path: str, method: str, status: int) -> dict:
        response = self.operation(path, method)["responses"][str(status)]
        if "$ref" in response:
            response = self.document["responses"][response["$ref"].rsplit("/", 1)[1]]
        return response["schema"]

    def check(self, response, path: str, method: str = "GET") -> None:
        """The response's status is documented, its type is one the operation produces, its body fits the schema."""
        operation = self.operation(path, method)
        assert str(response.status_code) in operation["responses"], (
            f"{method} {path}: status {response.status_code} not documented ({sorted(operation['responses'])})"
        )
        produces = self.PRODUCES_AS_MAILPIT.get((path, method)) or operation.get("produces", self.document["produces"])
        mimetype = response.headers.get("Content-Type", "").split(";")[0].strip()
        schema = self.response_schema(path, method, response.status_code)
        if response.status_code == 200:
            assert mimetype in produces, f"{method} {path}: Content-Type {mimetype!r}, swagger says {produces}"
        else:
            assert mimetype == "text/plain", f"{method} {path}: error as {mimetype!r}, Mailpit answers text/plain"
        body = response.json() if mimetype == "application/json" else response.text
        document = {"definitions": self.definitions, **_strict(copy.deepcopy(schema))}
        validator = jsonschema.Draft4Validator(document, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
        assert not errors, f"{method} {path}: body does not fit swagger: " + "; ".join(
            f"{list(e.path)}: {e.message}" for e in errors
        )


@pytest.fixture(scope="session")
def swagger() -> Swagger:
    return Swagger(json.loads(SWAGGER.read_text(encoding="utf-8")))


@pytest.fixture
def unique():
    """A fresh token, so that tests sharing a catcher never see each other's mail."""
    return lambda prefix="t": f"{prefix}{uuid.uuid4().hex[:10]}"


def _make_mail(to="a@x.test", subject="Sujet", text="Bonjour", html=None, sender="Expéditeur <from@x.test>", **headers):
    message = EmailMessage()
    message["From"] = sender
    if to:
        message["To"] = to
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def _send(catcher, message, to_addrs=None) -> None:
    with smtplib.SMTP(catcher.smtp_host, catcher.smtp_port, timeout=5) as smtp:
        smtp.send_message(message, to_addrs=to_addrs)


def _send_raw(catcher, raw: bytes, rcpt=("a@x.test",), mail_from="from@x.test") -> None:
    with smtplib.SMTP(catcher.smtp_host, catcher.smtp_port, timeout=5) as smtp:
        smtp.sendmail(mail_from, list(rcpt), raw)


@pytest.fixture
def make_mail():
    """An EmailMessage: From, To, Subject, text (and HTML when given), extra headers as keywords."""
    return _make_mail


@pytest.fixture
def send(catcher):
    """Send an EmailMessage to the module's catcher by SMTP (envelope recipients optional)."""
    return lambda message, to_addrs=None: _send(catcher, message, to_addrs)


@pytest.fixture
def send_raw(catcher):
    """Send bytes as they are, through SMTP DATA."""
    return lambda raw, rcpt=("a@x.test",), mail_from="from@x.test": _send_raw(catcher, raw, rcpt, mail_from)
