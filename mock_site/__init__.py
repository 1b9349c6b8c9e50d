"""The bundled mock of ameli's "Mot de passe oublié" journey (shared/contract/)."""

import secrets

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, InternalServerError

from mock_site import faults, support_api, views, wording
from mock_site.rules import RateLimit
from mock_site.session_clocks import SessionClocks, ensure_session
from mock_site.state import Store

DEFAULTS = {
    "SMTP_HOST": "127.0.0.1",
    "SMTP_PORT": 1025,
    "SMTP_TIMEOUT": 10,
    # A CA file: the mail is handed over after STARTTLS, the SMTP server's certificate checked against it; None: plain.
    "SMTP_STARTTLS_CA_FILE": None,
    "PUBLIC_URL": "http://127.0.0.1:5000",
    "TEST_API": True,
    "MAIL_FROM": "ne-pas-repondre@assurance-maladie.example",
    # How late the fault envoi_differe_adresse_non_validee sends its mail.
    "FAULT_LATE_MAIL_SECONDS": 3,
    "RATE_LIMIT": {"limit": 3, "window_seconds": 3600, "block_seconds": 900},
    # Lax: the mail's link, opened from the mail catcher's page, keeps the session.
    "SESSION_COOKIE_SAMESITE": "Lax",
    # A CSRF token lives as long as its session: a session's clock may be moved far.
    "WTF_CSRF_TIME_LIMIT": None,
    # The renewal page sends no Referer (no-referrer), which strict mode would refuse over HTTPS.
    "WTF_CSRF_SSL_STRICT": False,
    # A fence around the whole site, as staging has one: (user, password) for HTTP basic auth; None: open.
    "BASIC_AUTH": None,
}

_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
}


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config["PUBLIC_URL"] = app.config["PUBLIC_URL"].rstrip("/")
    # Test-only switches (faults.py); refused without the test-support API.
    app.config["FAULTS"] = faults.configured(app.config.get("FAULTS"), app.config["TEST_API"])

    # Per app instance: two apps in one process never share state.
    app.extensions["mock_site.state"] = Store(RateLimit(**app.config["RATE_LIMIT"]))
    app.extensions["mock_site.clocks"] = SessionClocks()

    if app.config["BASIC_AUTH"]:
        app.before_request(_fence(*app.config["BASIC_AUTH"]))  # before anything, as a proxy in front would
    app.before_request(ensure_session)  # first, so that even a refused request gets its session
    csrf = CSRFProtect(app)
    app.register_blueprint(views.bp)
    if app.config["TEST_API"]:
        csrf.exempt(support_api.bp)  # a JSON API for the suite, not a form
        app.register_blueprint(support_api.bp)
    _register_error_pages(app)

    @app.after_request
    def _security_headers(response):
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def _fence(user: str, password: str):
    """HTTP basic auth on every page and call: a 401 with its challenge unless these credentials come."""
    def check():
        given = request.authorization
        if given is None or given.type != "basic" or not (
                secrets.compare_digest(given.username or "", user)
                and secrets.compare_digest(given.password or "", password)):
            return Response(wording.FENCE_REFUSED, 401, {"WWW-Authenticate": 'Basic realm="recette"'},
                            mimetype="text/plain")
        return None

    return check


def _register_error_pages(app: Flask) -> None:
    def error_page(status: int, message: str):
        if app.config["TEST_API"] and request.path.startswith(support_api.bp.url_prefix + "/"):
            return jsonify(error=message), status
        return render_template("error.html", alert=[message]), status

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        return error_page(400, wording.FORM_EXPIRED)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        return error_page(error.code, wording.HTTP_ERRORS.get(error.code, wording.HTTP_ERROR_DEFAULT))

    @app.errorhandler(InternalServerError)
    def _server_error(error: InternalServerError):
        return error_page(500, wording.HTTP_ERRORS[500])
