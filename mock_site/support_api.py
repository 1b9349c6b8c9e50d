"""The /__test__/ JSON API of test-support-api.md; registered only in test mode."""

import re
import secrets
from dataclasses import asdict

from flask import Blueprint, jsonify, request

from mock_site import rules
from mock_site.session_clocks import clocks, iso_paris, session_id
from mock_site.state import Account, AccountExists, current_store

bp = Blueprint("test_support", __name__, url_prefix="/__test__")

# ASCII only, no spaces, quotes or line breaks: the address goes into a mail header.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_ACCOUNT_FIELDS = {"nir", "birth_date", "email", "email_validated", "password"}


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@bp.errorhandler(ApiError)
def _api_error(error: ApiError):
    return jsonify(error=error.message), error.status


def _json_object() -> dict:
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "Le corps de la requête doit être un objet JSON.")
    return body


def _text(body: dict, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise ApiError(400, f"Le champ « {name} » doit être une chaîne de caractères.")
    try:
        value.encode()
    except UnicodeEncodeError:  # JSON can carry lone surrogates
        raise ApiError(400, f"Le champ « {name} » contient des caractères invalides.") from None
    return value


@bp.get("/capabilities")
def capabilities():
    return {
        "contract": 1,
        "accounts": True,
        "captcha": True,
        "clock": True,
        "rate_limit": asdict(current_store().rate_limit),
        "password_special_characters": rules.PASSWORD_SPECIAL_CHARACTERS,
    }


@bp.post("/accounts")
def create_account():
    body = _json_object()
    unknown = sorted(set(body) - _ACCOUNT_FIELDS)
    if unknown:
        raise ApiError(400, f"Champ inconnu : {', '.join(unknown)}.")
    nir = rules.compact_nir(_text(body, "nir"))
    if nir is None:
        raise ApiError(400, "Le champ « nir » doit contenir 13 caractères : des chiffres, 2A ou 2B en positions 6-7.")
    birth_date = rules.date_from_iso(_text(body, "birth_date"))
    if birth_date is None:
        raise ApiError(400, "Le champ « birth_date » doit être une date réelle au format AAAA-MM-JJ.")
    email = None if body.get("email") is None else _text(body, "email")
    if email is not None and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        raise ApiError(400, "Le champ « email » doit être une adresse mail (ASCII) ou null.")
    email_validated = body.get("email_validated", email is not None)
    if not isinstance(email_validated, bool):
        raise ApiError(400, "Le champ « email_validated » doit être true ou false.")
    if email_validated and email is None:
        raise ApiError(400, "Une adresse validée suppose une adresse : « email » est null.")
    password = _text(body, "password") if "password" in body else _valid_password(nir, birth_date)
    if not password:
        raise ApiError(400, "Le champ « password » ne doit pas être vide.")
    try:
        current_store().add_account(nir, birth_date, email, email_validated, password)
    except AccountExists:
        raise ApiError(409, f"Un compte existe déjà pour le NIR {nir}.") from None
    account = {"nir": nir, "birth_date": birth_date.isoformat(), "email": email,
               "email_validated": email_validated, "password": password}
    return account, 201


def _valid_password(nir: str, birth_date) -> str:
    """A password that the renewal page's rules would accept."""
    while True:
        password = f"Mdp-{secrets.token_urlsafe(12)}-9a"
        if not rules.broken_password_rules(password, nir, birth_date):
            return password


@bp.get("/accounts/<path:typed_nir>")
def read_account(typed_nir: str):
    nir = rules.compact_nir(typed_nir)
    account = current_store().account(nir) if nir else None
    if account is None:
        raise ApiError(404, f"Aucun compte pour le NIR « {typed_nir} ».")
    with account.lock:
        return _account_view(account)


def _account_view(account: Account) -> dict:
    return {
        "nir": account.nir,
        "birth_date": account.birth_date.isoformat(),
        "email": account.email,
        "email_validated": account.email_validated,
        "password_changed_at": iso_paris(account.password_changed_at) if account.password_changed_at else None,
    }


@bp.get("/captcha")
def shown_captcha():
    captcha = current_store().shown_captcha(session_id())
    if captcha is None:
        raise ApiError(404, "Aucune liste de caractères n'est affichée pour cette session.")
    return {"answer": captcha.answer, "shown_at": iso_paris(captcha.shown_at)}


@bp.get("/clock")
def read_clock():
    return _clock_view()


@bp.post("/clock")
def advance_clock():
    seconds = _json_object().get("advance_seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise ApiError(400, "Le champ « advance_seconds » doit être un nombre de secondes.")
    if seconds < 0:
        raise ApiError(400, "L'horloge n'avance que vers l'avant : « advance_seconds » ne peut être négatif.")
    try:
        clocks().advance(session_id(), float(seconds))
    except (OverflowError, ValueError):  # too far for the calendar, or NaN / infinity
        raise ApiError(400, "« advance_seconds » doit être un nombre fini de secondes, dans le calendrier.") from None
    return _clock_view()


def _clock_view() -> dict:
    now, offset = clocks().reading(session_id())
    return {"now": iso_paris(now), "offset_seconds": round(offset, 3)}
