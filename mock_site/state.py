"""In-memory state of one app instance, safe under concurrent requests.

Dictionaries are guarded by the store's lock; what happens to one account
(a renewal request, a password change) is guarded by that account's lock,
held across the SMTP exchange so that concurrent requests on one account
are judged one after the other. Lock order: account, then store.
"""

import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from mock_site import faults
from mock_site.rules import RateLimit

# A mock keeps no password in clear either; few iterations keep login fast.
_PASSWORD_HASH_METHOD = "pbkdf2:sha256:10000"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token_key(token: str) -> str:
    """Where the store finds a link's account: its token's hash."""
    return token_hash(token[:32] if faults.active("jeton_compare_debut") else token)


@dataclass
class RenewalThrottle:
    """The rate limit of one account's renewal mails (rules.md, "Renewal mails")."""

    sent_at: list[datetime] = field(default_factory=list)
    blocked_until: datetime | None = None

    def admits(self, now: datetime, rate_limit: RateLimit) -> bool:
        """Judge a request at `now`; a refusal past the limit starts the block."""
        if self.blocked_until is not None:
            if now < self.blocked_until:
                if faults.active("blocage_prolonge"):
                    self.blocked_until = now + _block(rate_limit)
                return False  # refused, and the block is not extended
            self.blocked_until = None
            if not faults.active("blocage_compte_conserve"):
                self.sent_at.clear()  # when the block ends, the count starts again from zero
        window = timedelta(seconds=rate_limit.window_seconds)
        if not faults.active("fenetre_fixe"):
            self.sent_at = [moment for moment in self.sent_at if now - moment < window]
        if len(self.sent_at) >= _limit(rate_limit):
            self.blocked_until = now + _block(rate_limit)
            return False
        return True

    def record_sent(self, now: datetime) -> None:
        self.sent_at.append(now)


def _limit(rate_limit: RateLimit) -> int:
    if faults.active("limite_plus_un"):
        return rate_limit.limit + 1
    if faults.active("limite_moins_un"):
        return rate_limit.limit - 1
    return rate_limit.limit


def _block(rate_limit: RateLimit) -> timedelta:
    block = timedelta(seconds=rate_limit.block_seconds)
    if faults.active("blocage_court"):
        return block - timedelta(seconds=2)
    if faults.active("blocage_long"):
        return block + timedelta(seconds=2)
    return block


@dataclass
class Account:
    nir: str
    birth_date: date
    email: str | None
    email_validated: bool
    password_hash: str
    password_changed_at: datetime | None = None
    throttle: RenewalThrottle = field(default_factory=RenewalThrottle)
    renewal_token_hash: str | None = None
    renewal_requested_at: datetime | None = None
    former_password_hash: str | None = None  # kept only under the fault ancien_mdp_valide
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def has_validated_address(self) -> bool:
        return self.email is not None and self.email_validated

    def password_matches(self, password: str) -> bool:
        if check_password_hash(self.password_hash, password):
            return True
        return (faults.active("ancien_mdp_valide") and self.former_password_hash is not None
                and check_password_hash(self.former_password_hash, password))


@dataclass(frozen=True)
class Captcha:
    id: str
    answer: str
    shown_at: datetime
    # Set only under faults: what the audio speaks instead, what is accepted besides the answer.
    spoken_instead: str | None = None
    also_accepted: str | None = None

    @classmethod
    def new(cls, answer: str, shown_at: datetime) -> "Captcha":
        return cls(secrets.token_urlsafe(16), answer, shown_at)


class AccountExists(Exception):
    pass


class Store:
    def __init__(self, rate_limit: RateLimit):
        self.rate_limit = rate_limit
        self._lock = threading.Lock()
        self._accounts: dict[str, Account] = {}
        self._accounts_by_token: dict[str, Account] = {}
        self._captcha_of_session: dict[str, Captcha] = {}
        self._captchas: dict[str, Captcha] = {}
        # Logins are kept here, not in the cookie: the NIR never leaves the server.
        self._logged_in: dict[str, str] = {}
        self._throttle_of_session: dict[str, RenewalThrottle] = {}  # only under the fault limite_par_session

    # Accounts

    def add_account(self, nir: str, birth_date: date, email: str | None, email_validated: bool, password: str) -> Account:
        account = Account(nir, birth_date, email, email_validated, hash_password(password))
        with self._lock:
            if nir in self._accounts:
                raise AccountExists(nir)
            self._accounts[nir] = account
        return account

    def account(self, nir: str) -> Account | None:
        with self._lock:
            return self._accounts.get(nir)

    def renewal_request(self, token: str) -> tuple[Account, datetime] | None:
        """The account whose newest, unused link carries this token, and when that link was requested."""
        with self._lock:
            account = self._accounts_by_token.get(_token_key(token))
            return None if account is None else (account, account.renewal_requested_at)

    def issue_renewal_token(self, account: Account, token: str, requested_at: datetime) -> None:
        """Make `token` the account's one valid link; older links die. Hold account.lock."""
        with self._lock:
            if not faults.active("lien_ancien_valide"):
                self._accounts_by_token.pop(account.renewal_token_hash, None)
            account.renewal_token_hash = _token_key(token)
            account.renewal_requested_at = requested_at
            self._accounts_by_token[account.renewal_token_hash] = account

    def change_password(self, account: Account, password: str, changed_at: datetime) -> None:
        """Set the new password and spend the link that allowed it. Hold account.lock."""
        if not faults.active("lien_reutilisable"):
            self.spend_link(account)
        if faults.active("ancien_mdp_valide"):
            account.former_password_hash = account.password_hash
        account.password_hash = hash_password(password[:40] if faults.active("mdp_enregistre_tronque") else password)
        account.password_changed_at = changed_at

    def spend_link(self, account: Account) -> None:
        """The account's link no longer works. Hold account.lock."""
        with self._lock:
            self._accounts_by_token.pop(account.renewal_token_hash, None)
            account.renewal_token_hash = None
            account.renewal_requested_at = None

    def throttle_of_session(self, session_id: str) -> RenewalThrottle:
        """The faults limite_par_session and limite_par_nir_ecrit count mails per browser session, or per NIR
        as typed (their keys never meet: a session id has no space, a typed NIR is prefixed)."""
        with self._lock:
            return self._throttle_of_session.setdefault(session_id, RenewalThrottle())

    def log_in(self, session_id: str, nir: str) -> None:
        with self._lock:
            self._logged_in[session_id] = nir

    def log_out(self, session_id: str) -> None:
        with self._lock:
            self._logged_in.pop(session_id, None)

    def logged_in_account(self, session_id: str) -> Account | None:
        with self._lock:
            return self._accounts.get(self._logged_in.get(session_id, ""))

    # Captchas: one per session, the one its forgot-password page shows now.

    def show_captcha(self, session_id: str, captcha: Captcha) -> None:
        """`captcha` replaces the one that the session's page showed."""
        with self._lock:
            replaced = self._captcha_of_session.get(session_id)
            if replaced is not None:
                del self._captchas[replaced.id]
            self._captcha_of_session[session_id] = captcha
            self._captchas[captcha.id] = captcha

    def shown_captcha(self, session_id: str) -> Captcha | None:
        with self._lock:
            return self._captcha_of_session.get(session_id)

    def take_captcha(self, session_id: str, captcha_id: str) -> Captcha | None:
        """Spend the session's captcha on a submission; None if the form carried another one."""
        with self._lock:
            captcha = self._captcha_of_session.pop(session_id, None)
            if captcha is not None:
                del self._captchas[captcha.id]
        return captcha if captcha is not None and captcha.id == captcha_id else None

    def peek_captcha(self, session_id: str, captcha_id: str) -> Captcha | None:
        """The faults captcha_reutilisable and double_clic_deux_mails: judged, but not spent."""
        with self._lock:
            captcha = self._captcha_of_session.get(session_id)
        return captcha if captcha is not None and captcha.id == captcha_id else None

    def captcha_by_id(self, captcha_id: str) -> Captcha | None:
        with self._lock:
            return self._captchas.get(captcha_id)


def hash_password(password: str) -> str:
    return generate_password_hash(password, _PASSWORD_HASH_METHOD)


def current_store() -> Store:
    return current_app.extensions["mock_site.state"]
