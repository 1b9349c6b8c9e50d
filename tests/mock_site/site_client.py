"""What the mock site's tests share: its data, a local SMTP catcher, and a
visitor-like client that reads pages the way the contract names things."""

import email
import re
import socket
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from html.parser import HTMLParser

from aiosmtpd.controller import Controller

PUBLIC_URL = "http://mock.example.test:8080"
NIR = "1850775123456"
BIRTH_DATE = "15/07/1985"
BIRTH_DATE_ISO = "1985-07-15"
PASSWORD = "Ancien-Mdp-2024"
NEW_PASSWORD = "Nouveau-Mdp-2025"
_URL = re.compile(r"https?://\S+")


# --- SMTP ---------------------------------------------------------------------

class FreePortController(Controller):
    """aiosmtpd's Controller on a port the system picks (its own wants a fixed one)."""

    def _create_server(self):
        listening = socket.create_server((self.hostname, 0))
        self.port = listening.getsockname()[1]
        return self.loop.create_server(self._factory_invoker, sock=listening)


class MailCatcher:
    """An aiosmtpd handler that keeps what it accepts, and can first refuse with planned answers."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refusals: list[str] = []  # e.g. "451 4.3.0 Réessayez", answered to the next DATA commands
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self.messages.clear()
            self.raw.clear()
            self.envelopes.clear()
            self.refusals.clear()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.refusals:
                return self.refusals.pop(0)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.raw.append(envelope.original_content)
            self.messages.append(email.message_from_bytes(envelope.original_content, policy=default_policy))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [message for message in self.messages if message["To"] == address]


@dataclass
class Smtp:
    catcher: MailCatcher
    port: int


def text_part(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_part(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message: EmailMessage) -> str:
    """The renewal URL of a mail's text part."""
    found = _URL.findall(text_part(message))
    assert len(found) == 1, f"One URL expected in the mail's text part, found {found}"
    return found[0]


# --- Pages ----------------------------------------------------------------------

@dataclass
class Page:
    """What a person (or the suite) finds on a page: roles, names, labels, values."""

    status: int
    alerts: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # name -> href
    buttons: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # label text -> field id
    fields: dict[str, dict] = field(default_factory=dict)  # id or name -> attributes
    images: dict[str, str] = field(default_factory=dict)  # alt -> src
    list_items: list[str] = field(default_factory=list)

    @property
    def alert(self) -> str:
        assert len(self.alerts) == 1, f"Exactly one alert expected, found {self.alerts}"
        return self.alerts[0]

    def field(self, label: str) -> dict:
        assert label in self.labels, f"No field labelled {label!r}; labels: {list(self.labels)}"
        return self.fields[self.labels[label]]

    def value(self, label: str) -> str:
        return self.field(label).get("value") or ""

    def hidden(self, name: str) -> str:
        return self.fields[name]["value"]


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[tuple[str, str, dict, list[str]]] = []  # (tag, kind, attrs, texts)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input":
            self.page.fields[attributes.get("id") or attributes.get("name")] = attributes
        elif tag == "img":
            self.page.images[attributes.get("alt", "")] = attributes.get("src")
        kind = {"alert": "alert", "status": "status"}.get(attributes.get("role"))
        kind = kind or ("heading" if re.fullmatch(r"h[1-6]", tag) else None)
        kind = kind or {"a": "link", "button": "button", "label": "label", "li": "li"}.get(tag)
        if tag in ("input", "img", "meta", "link", "br"):
            return
        self.open.append((tag, kind, attributes, []))

    def handle_endtag(self, tag):
        while self.open:
            open_tag, kind, attributes, texts = self.open.pop()
            text = " ".join("".join(texts).split())
            if self.open:
                self.open[-1][3].append("".join(texts))
            if kind:
                self._record(kind, attributes, text)
            if open_tag == tag:
                return

    def handle_data(self, data):
        if self.open:
            self.open[-1][3].append(data)

    def _record(self, kind, attributes, text):
        page = self.page
        name = attributes.get("aria-label") or text
        if kind == "alert" and text:
            page.alerts.append(text)
        elif kind == "status" and text:
            page.notices.append(text)
        elif kind == "heading":
            page.headings.append(text)
        elif kind == "link":
            page.links[name] = attributes.get("href")
        elif kind == "button" and "hidden" not in attributes:
            page.buttons.append(name)
        elif kind == "label":
            page.labels[text] = attributes.get("for")
        elif kind == "li":
            page.list_items.append(text)


def read_page(response) -> Page:
    page = Page(response.status_code)
    _PageParser(page).feed(response.get_data(as_text=True))
    return page


# --- A visitor ------------------------------------------------------------------

class Visitor:
    """One visitor session on the mock: pages, forms with their CSRF token, and /__test__/."""

    def __init__(self, app):
        self.client = app.test_client()

    # test-support API
    def api(self, method: str, path: str, body=None):
        return self.client.open(f"/__test__/{path}", method=method, json=body)

    def create_account(self, **fields) -> dict:
        account = {"nir": NIR, "birth_date": BIRTH_DATE_ISO, "email": "assure@example.test", "password": PASSWORD}
        account.update(fields)
        answer = self.api("POST", "accounts", account)
        assert answer.status_code == 201, f"Account not created: {answer.status_code} {answer.get_json()}"
        return answer.get_json()

    def freeze(self) -> None:
        self.advance(0)

    def advance(self, seconds: float) -> dict:
        answer = self.api("POST", "clock", {"advance_seconds": seconds})
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def captcha_answer(self) -> str:
        answer = self.api("GET", "captcha")
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()["answer"]

    # pages
    def get(self, path: str) -> Page:
        return read_page(self.client.get(path))

    def submit(self, path: str, form: Page, **values) -> Page:
        """Post a form as a visitor would: its CSRF token and hidden fields, plus `values`."""
        data = {name: attributes.get("value", "") for name, attributes in form.fields.items()
                if attributes.get("type") == "hidden"}
        data.update(values)
        return read_page(self.client.post(path, data=data))

    def open_forgot_password(self) -> Page:
        return self.get("/mot-de-passe-oublie")

    def request_renewal(self, nir: str = NIR, birth_date: str = BIRTH_DATE, captcha: str | None = None,
                        form: Page | None = None, **other_fields) -> Page:
        """Fill and send the forgot-password form; the right characters unless `captcha` is given."""
        form = form or self.open_forgot_password()
        typed = self.captcha_answer() if captcha is None else captcha
        return self.submit("/mot-de-passe-oublie", form, nir=nir, birth_date=birth_date, captcha=typed, **other_fields)

    def choose_password(self, link: str, password: str = NEW_PASSWORD, confirmation: str | None = None) -> Page:
        path = link.removeprefix(PUBLIC_URL)
        form = self.get(path)
        return self.submit(path, form, password=password,
                           confirmation=password if confirmation is None else confirmation)

    def log_in(self, nir: str, password: str) -> Page:
        form = self.get("/connexion")
        answer = self.client.post("/connexion", data={"csrf_token": form.hidden("csrf_token"), "nir": nir,
                                                       "password": password}, follow_redirects=True)
        return read_page(answer)
