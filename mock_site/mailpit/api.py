"""HTTP side of the catcher: the part of Mailpit's REST API that the suite reads (see README.md)."""

import json
import os
import time

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from mock_site.mailpit.chaos import Chaos, ChaosError
from mock_site.mailpit.messages import MessageStore, StoredMessage

# The Mailpit release whose API this copies (mailpit.version); tests/mailpit checks they agree.
VERSION = "v1.33.1 (mock_site.mailpit)"

bp = Blueprint("mailpit", __name__)


def create_app(store: MessageStore, chaos: Chaos | None = None) -> Flask:
    app = Flask(__name__)
    app.config["STORE"] = store
    app.config["CHAOS"] = chaos or Chaos()
    app.json.sort_keys = False
    app.register_blueprint(bp)
    return app


def _store() -> MessageStore:
    return current_app.config["STORE"]


def _text(body: str, status: int = 200, mimetype: str = "text/plain") -> Response:
    return Response(body, status=status, mimetype=mimetype)


def _go_text(body: str, status: int = 200) -> Response:
    # Mailpit's fourOFour, httpError and "ok" answers: "text/plain" with no charset.
    return Response(body, status=status, content_type="text/plain")


def _not_found() -> Response:
    return _go_text("404 page not found", 404)


def _bad_request(message: str) -> Response:
    return _go_text(message, 400)


def _start_limit() -> tuple[int, int]:
    """As Mailpit's getStartLimit: unreadable or negative values fall back to 0 and 50."""

    def number(name: str, default: int) -> int:
        try:
            value = int(request.args.get(name, default))
        except ValueError:
            return default
        return value if value >= 0 else default

    return number("start", 0), number("limit", 50)


def _summaries(messages: list[StoredMessage], matching: int, unread_matching: int) -> Response:
    start, limit = _start_limit()
    total, unread = _store().counts()
    page = messages[start : start + limit]
    return jsonify(
        {
            "total": total,
            "unread": unread,
            "count": len(page),  # legacy field that Mailpit still sends
            "messages_count": matching,
            "messages_unread": unread_matching,
            "start": start,
            "tags": [],
            "messages": [message.summary() for message in page],
        }
    )


@bp.get("/api/v1/info")
def info():
    store = _store()
    total, unread = store.counts()
    return jsonify(
        {
            "Version": VERSION,
            "LatestVersion": "",
            "Database": "",
            "DatabaseSize": 0,
            "Messages": total,
            "Unread": unread,
            "Tags": {},
            "RuntimeStats": {
                "Uptime": int(time.monotonic() - store.started),
                "Memory": _memory(),
                "MessagesDeleted": store.deleted,
                "SMTPAccepted": store.accepted,
                "SMTPAcceptedSize": store.accepted_size,
                "SMTPRejected": 0,
                "SMTPIgnored": 0,
            },
        }
    )


def _memory() -> int:
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@bp.get("/api/v1/messages")
def list_messages():
    messages = _store().newest_first()
    return _summaries(messages, len(messages), sum(1 for m in messages if not m.read))


@bp.delete("/api/v1/messages")
def delete_messages():
    # As Mailpit: a body that is absent, not JSON, or without IDs deletes every message.
    try:
        ids = json.loads(request.get_data() or b"null")
        ids = ids.get("IDs") if isinstance(ids, dict) else None
    except ValueError:
        ids = None
    if ids:
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return _bad_request("json: cannot unmarshal IDs into Go struct field .IDs of type []string")
        _store().delete(ids)
    else:
        _store().delete_all()
    return _go_text("ok")


def _query() -> str | None:
    query = request.args.get("query", "").strip()
    return query or None


@bp.get("/api/v1/search")
def search():
    query = _query()
    if query is None:
        return _bad_request("Error: no search query")
    messages = _store().search(query)
    return _summaries(messages, len(messages), sum(1 for m in messages if not m.read))


@bp.delete("/api/v1/search")
def delete_search():
    query = _query()
    if query is None:
        return _bad_request("Error: no search query")
    store = _store()
    store.delete([message.id for message in store.search(query)])
    return _go_text("ok")


@bp.get("/api/v1/message/<message_id>")
def message(message_id: str):
    store = _store()
    found = store.get(message_id)
    if found is None:
        return _not_found()
    store.mark_read(found)
    return jsonify(found.details())


@bp.get("/api/v1/message/<message_id>/headers")
def headers(message_id: str):
    found = _store().get(message_id)
    return _not_found() if found is None else jsonify(found.headers)


@bp.get("/api/v1/message/<message_id>/raw")
def raw(message_id: str):
    found = _store().get(message_id)
    if found is None:
        return _not_found()
    return Response(found.raw, mimetype="text/plain")


@bp.get("/view/<message_id>.html")
def view_html(message_id: str):
    found = _store().get(message_id)
    if found is None:
        return _text("Message not found", 404)
    if not found.html:
        return _text("This message does not contain a HTML part", 404)
    return _text(found.html, mimetype="text/html")


@bp.get("/view/<message_id>.txt")
def view_text(message_id: str):
    found = _store().get(message_id)
    return _text("Message not found", 404) if found is None else _text(found.text)


@bp.get("/api/v1/chaos")
def get_chaos():
    chaos = current_app.config["CHAOS"]
    return jsonify(chaos.as_json()) if chaos.enabled else _bad_request("Chaos is not enabled")


@bp.put("/api/v1/chaos")
def set_chaos():
    chaos = current_app.config["CHAOS"]
    if not chaos.enabled:
        return _bad_request("Chaos is not enabled")
    body = request.get_data()
    if not body.strip():
        return _bad_request("EOF")  # Go's JSON decoder on an empty body
    try:
        document = json.loads(body)
        chaos.set_from({} if document is None else document)
    except ChaosError as refused:
        return _bad_request(str(refused))
    except ValueError as unreadable:  # not JSON: Go words this its own way
        return _bad_request(f"invalid JSON: {unreadable}")
    return jsonify(chaos.as_json())
