"""The journey's pages: home, login, account, forgot password, renewal link."""

import secrets
from functools import wraps

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from mock_site import captchas, mailer, rules, wording
from mock_site.clock import PARIS, now, session_id, today_in_paris
from mock_site.invalid_fields import fields_concerned
from mock_site.store import Account, current_store

bp = Blueprint("journey", __name__)


def _field(name: str) -> str:
    return request.form.get(name, "")


# Home, login, account

@bp.get("/")
def home():
    return render_template("home.html")


@bp.get("/connexion")
def login_page():
    return render_template("login.html", nir="")


@bp.post("/connexion")
def log_in():
    typed_nir = _field("nir")
    nir = rules.nir_from_typed(typed_nir)
    if nir is None:
        return render_template("login.html", nir=typed_nir, alert=[wording.NIR_FORMAT])
    account = current_store().account(nir)
    if account is None or not account.password_matches(_field("password")):
        return render_template("login.html", nir=typed_nir, alert=[wording.LOGIN_REFUSED])
    current_store().log_in(session_id(), nir)  # the session, and so its clock, survives login
    return redirect(url_for("journey.account_page"), 303)


@bp.get("/mon-compte")
def account_page():
    account = current_store().logged_in_account(session_id())
    if account is None:
        return redirect(url_for("journey.login_page"))
    return render_template("account.html")


@bp.post("/deconnexion")
def log_out():
    current_store().log_out(session_id())
    return redirect(url_for("journey.home"), 303)


# Forgot password (guide steps 2 and 3)

def _forgot_password_form(alert: list[str] | None = None, status: int = 200) -> tuple[str, int]:
    """The form with a new captcha; NIR and birth date keep what was typed, the captcha field is empty."""
    captcha = current_store().show_new_captcha(session_id(), captchas.new_answer(), now())
    page = render_template(
        "forgot_password.html",
        nir=_field("nir"),
        birth_date=_field("birth_date"),
        captcha=captcha,
        captcha_width=captchas.IMAGE_WIDTH,
        captcha_height=captchas.IMAGE_HEIGHT,
        alert=alert,
    )
    return page, status


@bp.get("/mot-de-passe-oublie")
def forgot_password():
    return _forgot_password_form()


@bp.post("/mot-de-passe-oublie/nouvelle-liste")
def new_captcha():
    """The arrow: in place with JavaScript (JSON), else the form again, fields kept."""
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        captcha = current_store().show_new_captcha(session_id(), captchas.new_answer(), now())
        return {"id": captcha.id, **_captcha_urls(captcha.id)}
    return _forgot_password_form()


def _captcha_urls(captcha_id: str) -> dict:
    # Each captcha has its own URLs, so no browser cache ever serves an older one.
    return {
        "image_url": url_for("journey.captcha_image", captcha_id=captcha_id),
        "audio_url": url_for("journey.captcha_audio", captcha_id=captcha_id),
    }


@bp.app_context_processor
def _template_helpers():
    return {
        "captcha_urls": _captcha_urls,
        "fields_concerned": fields_concerned,
        "password_rules": wording.PASSWORD_RULES,
        "password_special_characters": rules.PASSWORD_SPECIAL_CHARACTERS,
    }


@bp.get("/captcha/<captcha_id>.png")
def captcha_image(captcha_id: str):
    return _captcha_resource(captcha_id, captchas.draw, "image/png")


@bp.get("/captcha/<captcha_id>.wav")
def captcha_audio(captcha_id: str):
    return _captcha_resource(captcha_id, captchas.speak, "audio/wav")


def _captcha_resource(captcha_id: str, render, mimetype: str) -> Response:
    captcha = current_store().captcha_by_id(captcha_id)
    if captcha is None:
        abort(404)
    response = Response(render(captcha.answer), mimetype=mimetype)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/mot-de-passe-oublie")
def request_renewal():
    """Judged in stages; only the first stage that fails is reported (ui.md)."""
    moment = now()
    captcha = current_store().take_captcha(session_id(), _field("captcha_id"))
    errors = rules.identity_errors(_field("nir"), _field("birth_date"), today_in_paris(moment))
    if errors:
        return _forgot_password_form(errors)
    if captcha is not None and rules.captcha_expired(captcha.shown_at, moment):
        return _forgot_password_form([wording.CAPTCHA_EXPIRED])
    if captcha is None or not rules.captcha_matches(_field("captcha"), captcha.answer):
        return _forgot_password_form([wording.CAPTCHA_WRONG])
    account = current_store().account(rules.nir_from_typed(_field("nir")))
    if account is None or account.birth_date != rules.birth_date_from_typed(_field("birth_date")):
        return _forgot_password_form([wording.UNKNOWN_PERSON])
    with account.lock:
        if not account.has_validated_address:
            return _forgot_password_form([wording.NO_VALIDATED_ADDRESS])
        if not account.throttle.admits(moment, current_store().rate_limit):
            return _forgot_password_form([wording.TOO_MANY_MAILS])
        token = secrets.token_urlsafe(32)
        link = current_app.config["PUBLIC_URL"] + url_for("journey.renewal", token=token)
        try:
            mailer.send(account.email, wording.RENEWAL_SUBJECT, "renewal", moment, link=link)
        except mailer.MailNotSent:
            return _forgot_password_form([wording.MAIL_UNAVAILABLE])
        # Only a mail handed to SMTP counts, and makes older links invalid.
        account.throttle.record_sent(moment)
        current_store().issue_renewal_token(account, token, moment)
    return render_template("mail_sent.html")


# Renewal link (guide steps 4 to 6)

def _private_page(view):
    """The renewal URL carries the token: never leak it as a referrer, never cache it."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    return wrapper


def _live_account(token: str) -> tuple[Account | None, str | None]:
    """The account that the link renews, or the alert saying why the link is dead."""
    renewal = current_store().renewal_request(token)
    if renewal is None:
        return None, wording.LINK_INVALID
    account, requested_at = renewal
    if rules.link_expired(requested_at, now()):
        return None, wording.LINK_EXPIRED
    return account, None


@bp.get("/mot-de-passe/renouveler/<path:token>")
@_private_page
def renewal(token: str):
    # GET and HEAD only look: mail scanners open links, and must not spend them.
    account, dead = _live_account(token)
    if account is None:
        return render_template("link_dead.html", alert=[dead])
    return render_template("renewal.html")


@bp.post("/mot-de-passe/renouveler/<path:token>")
@_private_page
def choose_password(token: str):
    account, dead = _live_account(token)
    if account is None:
        return render_template("link_dead.html", alert=[dead])
    with account.lock:
        # Judged again under the lock: a concurrent submission may have spent the link.
        account, dead = _live_account(token)
        if account is None:
            return render_template("link_dead.html", alert=[dead])
        password = _field("password")
        broken = rules.broken_password_rules(password, account.nir, account.birth_date)
        if broken:
            return render_template("renewal.html", alert=[wording.PASSWORD_REFUSED_INTRO, *broken])
        if _field("confirmation") != password:
            return render_template("renewal.html", alert=[wording.PASSWORDS_DIFFER])
        changed_at = now()
        try:
            mailer.send(account.email, wording.CHANGED_SUBJECT, "password_changed", changed_at,
                        changed_at=changed_at.astimezone(PARIS))
        except mailer.MailNotSent:
            # Nothing changes: the person can submit again with the same link.
            return render_template("renewal.html", alert=[wording.MAIL_UNAVAILABLE])
        current_store().change_password(account, password, changed_at)
    return render_template("password_changed.html")
