"""The journey's pages: home, login, account, forgot password, renewal link."""

import base64
import hashlib
import json
import secrets
import threading
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta, timezone
from functools import wraps
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from mock_site import captchas, faults, mailer, rules, wording
from mock_site.invalid_fields import fields_concerned
from mock_site.session_clocks import PARIS, now, session_id, today_in_paris
from mock_site.state import Account, Captcha, RenewalThrottle, current_store, token_hash

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
    if faults.active("connexion_nir_forme_stricte") and typed_nir != nir:
        nir = None
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
    captcha = _show_new_captcha()
    forgets = faults.active("refus_efface_saisie") and bool(
        set(alert or []) & {wording.UNKNOWN_PERSON, wording.NO_VALIDATED_ADDRESS, wording.TOO_MANY_MAILS})
    page = render_template(
        "forgot_password.html",
        nir="" if forgets else _field("nir"),
        birth_date="" if forgets else _field("birth_date"),
        captcha=captcha,
        captcha_width=captchas.IMAGE_WIDTH,
        captcha_height=captchas.IMAGE_HEIGHT,
        alert=alert,
    )
    return page, status


def _show_new_captcha() -> Captcha:
    """A new captcha replaces the one the session's page showed: its own 5 minutes, its own audio."""
    captcha = Captcha.new(captchas.new_answer(), now())
    replaced = current_store().shown_captcha(session_id())
    if faults.active("refus_captcha_conserve") and g.get("captcha_taken") is not None:
        captcha = g.captcha_taken
    if replaced is not None:
        if faults.active("captcha_nouveau_sans_delai"):
            captcha = replace(captcha, shown_at=replaced.shown_at)
        if faults.active("captcha_son_ancien"):
            captcha = replace(captcha, spoken_instead=replaced.spoken_instead or replaced.answer)
        if faults.active("captcha_remplace_valide"):
            captcha = replace(captcha, also_accepted=replaced.answer)
    current_store().show_captcha(session_id(), captcha)
    return captcha


@bp.get("/mot-de-passe-oublie")
def forgot_password():
    return _forgot_password_form()


@bp.post("/mot-de-passe-oublie/nouvelle-liste")
def new_captcha():
    """The arrow: in place with JavaScript (JSON), else the form again, fields kept."""
    if faults.active("captcha_fleche_efface"):
        return redirect(url_for("journey.forgot_password"), 303)  # the script falls back to the form: fields lost
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        captcha = _show_new_captcha()
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
        "fault": faults.active,
        "fields_concerned": fields_concerned,
        "password_rules": wording.PASSWORD_RULES,
        "password_special_characters": rules.PASSWORD_SPECIAL_CHARACTERS,
    }


@bp.get("/captcha/<captcha_id>.png")
def captcha_image(captcha_id: str):
    if faults.active("captcha_image_illisible"):
        return _captcha_resource(captcha_id, lambda captcha: captcha.answer.encode(), "image/png")
    return _captcha_resource(captcha_id, lambda captcha: captchas.draw(captcha.answer), "image/png")


@bp.get("/captcha/<captcha_id>.wav")
def captcha_audio(captcha_id: str):
    return _captcha_resource(captcha_id, lambda captcha: captchas.speak(captcha.spoken_instead or captcha.answer),
                             "audio/wav")


def _captcha_resource(captcha_id: str, render, mimetype: str) -> Response:
    captcha = current_store().captcha_by_id(captcha_id)
    if captcha is None:
        abort(404)
    response = Response(render(captcha), mimetype=mimetype)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/mot-de-passe-oublie")
def request_renewal():
    moment = now()
    alerts = _judge_and_send_renewal_mail(moment)
    if alerts:
        if faults.active("limite_compte_refus"):
            _count_refused_request(moment)
        if alerts == [wording.MAIL_UNAVAILABLE] and faults.active("panne_erreur_500"):
            return _forgot_password_form(alerts, status=500)
        return _forgot_password_form(alerts)
    return render_template("mail_sent.html")


def _today(moment):
    """The day in Paris (rules.md), by the session's clock."""
    if faults.active("date_jour_utc"):
        return moment.astimezone(UTC).date()
    return today_in_paris(moment)


def _judge_and_send_renewal_mail(moment) -> list[str]:
    """Judged in stages (ui.md): the alerts of the first stage that fails, none once the mail is sent."""
    captcha = _take_captcha()
    account, alerts = _person_of_the_form(captcha, moment)
    if alerts:
        return alerts
    with account.lock:
        case_1 = _without_validated_address(account, moment)
        if case_1 is not None:
            return case_1
        return _sent_within_the_limit(account, moment, captcha)


def _take_captcha() -> Captcha | None:
    """The form's captcha, spent by this request (two faults leave it usable)."""
    store = current_store()
    kept = faults.active("captcha_reutilisable") or faults.active("double_clic_deux_mails")
    captcha = (store.peek_captcha if kept else store.take_captcha)(session_id(), _field("captcha_id"))
    g.captcha_taken = captcha
    return captcha


def _person_of_the_form(captcha: Captcha | None, moment) -> tuple[Account | None, list[str]]:
    """The stages before the account (fields, captcha, person): the person's account, or the first failing
    stage's alerts."""
    characters_wrong = captcha is None or not _captcha_typed_right(captcha)
    if faults.active("ordre_caracteres_avant_date") and characters_wrong:
        return None, [wording.CAPTCHA_WRONG]
    errors = rules.identity_errors(_field("nir"), _field("birth_date"), _today(moment))
    if errors:
        return None, errors
    account = current_store().account(rules.nir_from_typed(_field("nir")))
    birth_date_matches = account is not None and account.birth_date == rules.birth_date_from_typed(_field("birth_date"))
    person_unknown = account is None or not (birth_date_matches or faults.active("identite_sans_date"))
    if faults.active("ordre_personne_avant_caracteres") and person_unknown:
        return None, [wording.UNKNOWN_PERSON]
    if faults.active("ordre_expiration_apres_caracteres") and characters_wrong:
        return None, [wording.CAPTCHA_WRONG]
    if captcha is not None and rules.captcha_expired(captcha.shown_at, moment):
        return None, [wording.CAPTCHA_EXPIRED]
    if characters_wrong:
        return None, [wording.CAPTCHA_WRONG]
    early = _judged_before_the_person(account, moment, person_unknown) if account is not None else []
    if early:
        return None, early
    if person_unknown:
        return None, [wording.UNKNOWN_PERSON]
    return account, []


def _without_validated_address(account: Account, moment) -> list[str] | None:
    """Case 1 (no validated address): what the person is shown; None when the mail may be sent."""
    if account.has_validated_address:
        return None
    if account.email is None and faults.active("envoi_sans_adresse_succes"):
        return []  # the success page, and nothing sent
    if account.email is not None and faults.active("envoi_differe_adresse_non_validee"):
        _mail_later(account.email, moment)
    if account.email is None or not faults.active("envoi_adresse_non_validee"):
        return [wording.NO_VALIDATED_ADDRESS]
    return None


def _throttle_of(account: Account) -> RenewalThrottle:
    """The count the rate limit judges this request on: the account's (two faults count otherwise)."""
    if faults.active("limite_par_nir_ecrit"):
        return current_store().throttle_of_session("NIR tapé : " + _field("nir"))
    if faults.active("limite_par_session"):
        return current_store().throttle_of_session(session_id())
    return account.throttle


def _sent_within_the_limit(account: Account, moment, captcha: Captcha | None) -> list[str]:
    """Case 2 (the rate limit), then the mail: the alert of a refusal or of a mail not sent, none once sent."""
    throttle = _throttle_of(account)
    if not throttle.admits(moment, current_store().rate_limit):
        if faults.active("limite_envoi_en_trop"):
            with suppress(mailer.MailNotSent):
                _mail_new_link(account, moment)
        return [wording.TOO_MANY_MAILS]
    try:
        _mail_new_link(account, moment)
    except mailer.MailNotSent:
        if faults.active("panne_remplace_lien"):
            current_store().issue_renewal_token(account, secrets.token_urlsafe(32), moment)
        return [wording.MAIL_UNAVAILABLE]
    throttle.record_sent(moment)  # only a mail handed to SMTP counts
    if faults.active("captcha_reutilisable") and captcha is not None:
        session["spent_answers"] = [*session.get("spent_answers", []), captcha.answer]
    return []


def _judged_before_the_person(account: Account, moment, person_unknown: bool) -> list[str]:
    """Faults that judge the account named by the NIR before checking the birth date goes with it."""
    if faults.active("ordre_adresse_avant_personne") and not account.has_validated_address:
        return [wording.NO_VALIDATED_ADDRESS]
    if faults.active("ordre_bloque_avant_personne") and not account.throttle.admits(moment, current_store().rate_limit):
        return [wording.TOO_MANY_MAILS]
    if faults.active("limite_compte_date_erronee") and person_unknown and account.has_validated_address:
        with account.lock:
            account.throttle.record_sent(moment)
    return []


def _captcha_typed_right(captcha: Captcha) -> bool:
    typed = _field("captcha")
    if captcha.also_accepted and rules.captcha_matches(typed, captcha.also_accepted):
        return True  # the fault captcha_remplace_valide
    if faults.active("captcha_reutilisable") and any(
            rules.captcha_matches(typed, spent) for spent in session.get("spent_answers", [])):
        return True
    return rules.captcha_matches(typed, captcha.answer)


def _mail_new_link(account: Account, moment) -> None:
    """Mail a new link; once SMTP took it, it is the account's one valid link. Hold account.lock."""
    token = secrets.token_urlsafe(32)
    if faults.active("jeton_court"):
        token = secrets.token_hex(4)
    if faults.active("jeton_peu_aleatoire"):
        # Looks long: a fixed part for the account, then 24 bits of chance.
        token = hashlib.sha256(account.nir.encode()).hexdigest()[:40] + secrets.token_hex(3)
    if faults.active("jeton_identite_encodee"):
        identity = json.dumps({"nir": account.nir, "naissance": account.birth_date.isoformat()})
        token = base64.urlsafe_b64encode(identity.encode()).decode().rstrip("=") + "." + token
    if faults.active("jeton_nir"):
        token = f"{account.nir}-{token}"
    link = _link_origin() + url_for("journey.renewal", token=token)
    subject = wording.RENEWAL_SUBJECT
    if faults.active("mail_objet_confirmation"):
        subject = "Votre compte ameli \u2013 confirmation de renouvellement"
    mailer.send(account.email, subject, "renewal", moment, link=link)
    if faults.active("mail_en_double"):
        mailer.send(account.email, subject, "renewal", moment, link=link)
    current_store().issue_renewal_token(account, token, moment)
    if faults.active("lien_lie_session"):
        session["renewal_links"] = [*session.get("renewal_links", []), token_hash(token)]


def _mail_later(email: str, moment) -> None:
    """The fault envoi_differe_adresse_non_validee: a renewal mail that leaves after the answer."""
    link = _link_origin() + url_for("journey.renewal", token=secrets.token_urlsafe(32))
    app = current_app._get_current_object()

    def send() -> None:
        with app.app_context():
            try:
                mailer.send(email, wording.RENEWAL_SUBJECT, "renewal", moment, link=link)
            except mailer.MailNotSent:
                pass

    late = threading.Timer(app.config["FAULT_LATE_MAIL_SECONDS"], send)
    late.daemon = True
    late.start()


def _link_origin() -> str:
    """The target's own origin, as configured; never taken from the request's Host or X-Forwarded-Host."""
    origin = current_app.config["PUBLIC_URL"]
    if faults.active("mail_lien_entete_host"):
        return f"{request.scheme}://{request.headers.get('X-Forwarded-Host') or request.host}"
    if faults.active("mail_lien_autre_origine"):
        parts = urlsplit(origin)
        other_host = "127.0.0.1" if parts.hostname == "localhost" else "localhost"
        return parts._replace(netloc=other_host + (f":{parts.port}" if parts.port else "")).geturl()
    return origin


def _count_refused_request(moment) -> None:
    """The fault limite_compte_refus: a refused request counts as a mail sent, if it names an account."""
    account = current_store().account(rules.nir_from_typed(_field("nir")))
    if account is not None:
        with account.lock:
            account.throttle.record_sent(moment)


# Renewal link (guide steps 4 to 6)

def _private_page(view):
    """The renewal URL carries the token: never leak it as a referrer, never cache it."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        if not faults.active("sans_referrer_policy"):
            response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if faults.active("jeton_fuite_tiers"):
            # The page's counter pixel, on another origin, allowed by the page's own policy.
            response.headers["Content-Security-Policy"] = "default-src 'self'; img-src *"
        return response

    return wrapper


def _live_account(token: str) -> tuple[Account | None, str | None]:
    """The account that the link renews, or the alert saying why the link is dead."""
    renewal = current_store().renewal_request(token)
    if renewal is None:
        if faults.active("lien_inconnu_erreur_500"):
            abort(500)
        return None, wording.LINK_INVALID
    account, requested_at = renewal
    if rules.link_expired(requested_at, now()):
        return None, wording.LINK_EXPIRED
    if faults.active("lien_lie_session") and token_hash(token) not in session.get("renewal_links", []):
        return None, wording.LINK_INVALID
    return account, None


def _submitted_account(token: str) -> tuple[Account | None, str | None]:
    """The link judged again when the renewal page is submitted."""
    account, dead = _live_account(token)
    if dead == wording.LINK_INVALID and faults.active("page_ancienne_acceptee"):
        opened_for = session.get("opened_renewal_pages", {}).get(token_hash(token))
        if opened_for is not None:
            return current_store().account(opened_for), None
    return account, dead


@bp.get("/mot-de-passe/renouveler/<path:token>")
@_private_page
def renewal(token: str):
    # GET and HEAD only look: mail scanners open links, and must not spend them.
    account, dead = _live_account(token)
    if account is None:
        return render_template("link_dead.html", alert=[dead])
    if faults.active("lien_use_par_ouverture"):
        with account.lock:
            current_store().spend_link(account)
    if faults.active("page_ancienne_acceptee"):
        session["opened_renewal_pages"] = {**session.get("opened_renewal_pages", {}), token_hash(token): account.nir}
    return render_template("renewal.html")


@bp.post("/mot-de-passe/renouveler/<path:token>")
@_private_page
def choose_password(token: str):
    account, dead = _submitted_account(token)
    if account is None:
        return render_template("link_dead.html", alert=[dead])
    if faults.active("double_changement"):
        _meet_a_concurrent_submission(token)
        return _change_password(account)  # not judged again under the lock
    with account.lock:
        # Judged again under the lock: a concurrent submission may have spent the link.
        account, dead = _submitted_account(token)
        if account is None:
            return render_template("link_dead.html", alert=[dead])
        return _change_password(account)


def _change_password(account: Account) -> str:
    """Judge the new password and change it. Hold account.lock."""
    password = _field("password")
    broken = rules.broken_password_rules(password, account.nir, account.birth_date)
    if broken:
        return _password_refused(account, [wording.PASSWORD_REFUSED_INTRO, *broken])
    if _field("confirmation") != password and not faults.active("mdp_confirmation_ignoree"):
        return _password_refused(account, [wording.PASSWORDS_DIFFER])
    changed_at = now()
    try:
        if not faults.active("mail_confirmation_absent"):
            mailer.send(account.email, wording.CHANGED_SUBJECT, "password_changed", changed_at,
                        changed_at=_moment_written(changed_at))
    except mailer.MailNotSent:
        # Nothing changes: the person can submit again with the same link.
        return render_template("renewal.html", alert=[wording.MAIL_UNAVAILABLE])
    current_store().change_password(account, password, changed_at)
    if faults.active("connexion_automatique"):
        current_store().log_in(session_id(), account.nir)
    return render_template("password_changed.html")


def _password_refused(account: Account, alert: list[str]) -> str:
    """The renewal page again, with the alert; the password is not changed. Hold account.lock."""
    if faults.active("refus_enregistre_quand_meme"):
        current_store().change_password(account, _field("password"), now())
    if faults.active("connexion_apres_refus"):
        current_store().log_in(session_id(), account.nir)
    return render_template("renewal.html", alert=alert)


def _moment_written(changed_at):
    """Europe/Paris; the mail writes the minute truncated."""
    written = changed_at.astimezone(PARIS)
    if faults.active("moment_utc"):
        written = changed_at.astimezone(UTC)
    if faults.active("moment_heure_hiver"):
        written = changed_at.astimezone(timezone(timedelta(hours=1)))
    if faults.active("moment_decalage_du_jour"):
        midnight = datetime.combine(written.date(), time(0), PARIS)
        written = changed_at.astimezone(timezone(midnight.utcoffset()))
    if faults.active("moment_arrondi"):
        written += timedelta(seconds=30)  # truncating then rounds to the nearest minute
    return written


_meeting_lock = threading.Lock()


def _meet_a_concurrent_submission(token: str) -> None:
    """The fault double_changement: wait (1 s at most) for another submission of the link, so both pass."""
    with _meeting_lock:
        meetings = current_app.extensions.setdefault("mock_site.double_changement", {})
        meeting = meetings.setdefault(token, threading.Barrier(2))
    try:
        meeting.wait(timeout=1)
    except threading.BrokenBarrierError:
        pass  # alone: the submission goes on
    with _meeting_lock:
        if meetings.get(token) is meeting:
            del meetings[token]
