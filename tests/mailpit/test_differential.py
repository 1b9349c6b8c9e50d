"""The embedded catcher against the real Mailpit (the pinned release, built by ./run.sh): the same mails in
over SMTP, the same requests, the answers compared. What must differ is normalised here, and only that:
message IDs, receive times, the Message-IDs that each one makes up, and the Received header's host, program
and date. Sizes differ by the program's name in that header (`mock_site.mailpit`, not `Mailpit`), and by
nothing else: each must also be the length of that server's own raw message."""

import difflib
import json
import re
import smtplib
import socket
import uuid
from email.message import EmailMessage
from email.utils import getaddresses

import pytest
import requests

from mails.mailpit_choice import start_binary
from mock_site.mailpit import start_catcher
from tests.conftest import PINNED_MAILPIT

TIMEOUT = 5


@pytest.fixture(scope="module")
def mailpit(project_mailpit):
    """One real Mailpit for the module, loopback only, on free ports."""
    service = start_binary(str(project_mailpit))
    yield service
    service.stop()


@pytest.fixture(scope="module")
def servers(mailpit, catcher):
    return {"Mailpit": mailpit, "catcher": catcher}


@pytest.fixture
def token():
    """A word of this test's own, in every subject, so that tests sharing both servers never mix their mails."""
    return f"jeton{uuid.uuid4().hex[:10]}"


def send_raw(servers, raw: bytes, rcpt=("a@x.test",), mail_from="from@x.test") -> dict:
    """The same bytes to both; each one's answer to DATA (code), or the exception's code."""
    codes = {}
    for name, server in servers.items():
        try:
            with smtplib.SMTP(server.smtp_host, server.smtp_port, timeout=TIMEOUT) as smtp:
                smtp.sendmail(mail_from, list(rcpt), raw)
            codes[name] = 250
        except smtplib.SMTPResponseException as refused:
            codes[name] = refused.smtp_code
        except smtplib.SMTPRecipientsRefused as refused:
            codes[name] = sorted({code for code, _ in refused.recipients.values()})
    return codes


def get(server, path, **params):
    return requests.get(f"{server.url}{path}", params=params, timeout=TIMEOUT)


def search(server, query, **params) -> dict:
    response = get(server, "/api/v1/search", query=query, **params)
    assert response.status_code == 200, f"{server.url} : recherche {query!r} -> {response.status_code} {response.text}"
    return response.json()


_GENERATED_MESSAGE_ID = re.compile(r"[0-9A-Za-z]{22}@mailpit")
_RECEIVED_BY = re.compile(r"by \S+ \((?:Mailpit|mock_site\.mailpit)\) with SMTP")
_RECEIVED_DATE = re.compile(r"(for <[^>]*>); [^\r\n]+")


# The catcher names itself in the Received header it adds, where Mailpit writes "Mailpit".
CATCHER_SIZE_OFFSET = len("mock_site.mailpit") - len("Mailpit")


def normalised(value, ids: dict, created: set, size_offset: int = 0):
    """IDs named by role, receive times and made-up Message-IDs replaced, the Received header's host, program
    and date replaced, sizes less the program's name; everything else, key order included, kept as it is."""
    if isinstance(value, dict):
        return {key: item - size_offset if key in ("Size", "SMTPAcceptedSize") and isinstance(item, int)
                else normalised(item, ids, created, size_offset) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normalised(item, ids, created, size_offset) for item in value]
    if isinstance(value, str):
        if value in ids:
            return ids[value]
        if value in created:
            return "<réception>"
        value = _GENERATED_MESSAGE_ID.sub("<inventé>@mailpit", value)
        value = _RECEIVED_BY.sub("by <hôte> (<programme>) with SMTP", value)
        return _RECEIVED_DATE.sub(r"\1; <date>", value)
    return value


def shape(value):
    """Field names, their order and the types of the values."""
    if isinstance(value, dict):
        return [(key, shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [shape(item) for item in value[:1]]
    return type(value).__name__


class Both:
    """The answers of both servers for the mails of one token, normalised for comparison."""

    def __init__(self, servers, token):
        self.servers, self.token = servers, token
        self._mails = {}

    def mails(self, name) -> list[dict]:
        """The server's summaries of this token's mails, oldest first (read once, until forget())."""
        if name not in self._mails:
            self._mails[name] = list(reversed(search(self.servers[name], self.token, limit=100)["messages"]))
        return self._mails[name]

    def forget(self):
        self._mails = {}

    def ids(self) -> dict:
        return {name: [mail["ID"] for mail in self.mails(name)] for name in self.servers}

    def listing(self, query: str = "", **params) -> dict:
        answers = {name: search(server, f"{self.token} {query}".strip(), **params) for name, server in self.servers.items()}
        return {name: self._normalised(answer, name) for name, answer in answers.items()}

    def _normalised(self, answer, name):
        mails = self.mails(name)
        ids = {mail["ID"]: f"<mail {index}>" for index, mail in enumerate(mails)}
        offset = CATCHER_SIZE_OFFSET if name == "catcher" else 0
        return normalised(answer, ids, {mail["Created"] for mail in mails}, offset)

    def each(self, path_of_id, index=0, as_json=True) -> dict:
        """GET path_of_id(ID) for the index-th mail (oldest first) on both: (status, type, body) normalised."""
        answers = {}
        for name, server in self.servers.items():
            response = get(server, path_of_id(self.ids()[name][index]))
            body = response.json() if as_json and response.status_code == 200 else response.text
            answers[name] = self._normalised((response.status_code, response.headers.get("Content-Type"), body), name)
        return answers


def assert_same(answers: dict, what: str):
    mailpit, catcher = answers["Mailpit"], answers["catcher"]
    if catcher != mailpit:
        lines = {name: json.dumps(answer, ensure_ascii=False, indent=1).splitlines() for name, answer in answers.items()}
        difference = "\n".join(difflib.unified_diff(lines["Mailpit"], lines["catcher"], "Mailpit", "capteur", lineterm=""))
        pytest.fail(f"{what} : le capteur embarqué ne répond pas comme Mailpit {PINNED_MAILPIT} :\n{difference}")


def renewal_mail(token: str) -> bytes:
    """The kind of mail the suite reads: multipart/alternative, French text in quoted-printable, accents
    in display names, Cc, a Reply-To, a Bcc recipient known only to the envelope."""
    message = EmailMessage()
    message["From"] = "Assurance Maladie – Équipe <ne-pas-repondre@ameli.test>"
    message["To"] = "Zoé Lefèvre <zoe@x.test>, bob@x.test"
    message["Cc"] = "Élodie Castaño <elodie@x.test>"
    message["Reply-To"] = "Support <support@ameli.test>"
    message["Subject"] = f"Réinitialisez votre mot de passe – été {token}"
    message["Date"] = "Fri, 27 Nov 2026 09:15:00 +0100"
    message["Message-ID"] = f"<{token}@ameli.test>"
    message.set_content(
        "Bonjour Zoé,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 30 minutes) :\n"
        "https://ameli.test/reinitialiser?jeton=é\n\nÀ bientôt, l'équipe de l'Assurance Maladie.\n",
        cte="quoted-printable",
    )
    message.add_alternative(
        "<html><head><title>Titre caché</title><style>p { color: red }</style></head><body>"
        "<p>Bonjour Zoé,</p><p>Pour choisir un <b>nouveau</b> mot de passe, "
        '<a href="https://ameli.test/reinitialiser?jeton=%C3%A9">cliquez ici</a>.</p>'
        "<p>À bientôt,<br>l'équipe&nbsp;de l'Assurance Maladie.</p></body></html>\n",
        subtype="html",
        cte="quoted-printable",
    )
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


RECIPIENTS = ["zoe@x.test", "bob@x.test", "elodie@x.test", "cache@x.test"]


def test_a_renewal_mail_reads_the_same(servers, token):
    assert send_raw(servers, renewal_mail(token), rcpt=RECIPIENTS) == {"Mailpit": 250, "catcher": 250}
    both = Both(servers, token)
    assert_same(both.listing(), "GET /api/v1/search (résumés)")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}"), "GET /api/v1/message/{ID}")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}/headers"), "GET /api/v1/message/{ID}/headers")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}/raw", as_json=False), "GET /api/v1/message/{ID}/raw")
    assert_same(both.each(lambda i: f"/view/{i}.html", as_json=False), "GET /view/{ID}.html")
    assert_same(both.each(lambda i: f"/view/{i}.txt", as_json=False), "GET /view/{ID}.txt")
    assert_same(both.listing(), "GET /api/v1/search après lecture (Read)")
    assert_same(both.listing("is:read"), "GET /api/v1/search?query=<jeton> is:read après lecture")


def test_sizes_are_the_length_of_the_raw_message(servers, token):
    send_raw(servers, renewal_mail(token), rcpt=RECIPIENTS)
    for name, server in servers.items():
        [summary] = search(server, token)["messages"]
        raw = get(server, f"/api/v1/message/{summary['ID']}/raw").content
        assert summary["Size"] == len(raw), f"{name} : Size {summary['Size']}, message brut de {len(raw)} octets"


def test_a_text_only_mail_has_no_html_view(servers, token):
    send_raw(servers, f"From: a@x.test\r\nTo: b@x.test\r\nSubject: {token}\r\n\r\nTexte seul\r\n".encode(), rcpt=["b@x.test"])
    both = Both(servers, token)
    assert_same(both.each(lambda i: f"/view/{i}.html", as_json=False), "GET /view/{ID}.html sans partie HTML")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}", as_json=True), "GET /api/v1/message/{ID} (texte seul)")


def test_unknown_ids_and_missing_queries_are_refused_alike(servers):
    for path in ("/api/v1/message/inconnu", "/api/v1/message/inconnu/headers", "/api/v1/message/inconnu/raw",
                 "/view/inconnu.html", "/view/inconnu.txt", "/api/v1/search"):
        answers = {name: (r.status_code, r.headers.get("Content-Type"), r.text.strip())
                   for name, r in ((name, get(server, path)) for name, server in servers.items())}
        assert_same(answers, f"GET {path}")


def test_info_has_the_same_fields_and_the_pinned_version(servers):
    infos = {name: get(server, "/api/v1/info").json() for name, server in servers.items()}
    assert_same({name: shape(info) for name, info in infos.items()}, "GET /api/v1/info (champs et types)")
    assert infos["Mailpit"]["Version"] == PINNED_MAILPIT
    assert infos["catcher"]["Version"].startswith(f"{PINNED_MAILPIT} "), "the catcher says which Mailpit it copies"


SEARCH_CORPUS = [
    # (From, To, Cc, Subject's words, text, html)
    ("Assurance Maladie <ne-pas-repondre@ameli.test>", "Zoé Lefèvre <zoe@x.test>", "",
     "Réinitialisez votre mot de passe", "Bonjour Zoé, voici votre lien.", "<p>Bonjour <b>Zo</b>é, votre <a href='https://ameli.test/r/abc'>lien</a>.</p>"),
    ("Support <support@ameli.test>", "bob@x.test", "Élodie <elodie@x.test>",
     "Mot de passe modifié", "Votre MOT DE PASSE a été modifié. Texte seul ici.", ""),
    ("ne-pas-repondre@ameli.test", "ÉTÉ Durand <ete@x.test>, zoe@x.test", "",
     "ÉTÉ ensoleillé (été)", "un texte qui dit passe-partout", "<p>un HTML qui ne le dit pas</p>"),
]

SEARCHES = [
    "to:zoe@x.test", "to:ZOE@X.TEST", "to:Zoé", "to:zoé", "to:lefèvre", "to:LEFÈVRE", "to:<zoe@x.test>", "to:x.test",
    "to:name", "-to:zoe@x.test", "!to:zoe", "from:support", "from:ameli.test", "-from:support", "cc:élodie", "cc:x.test",
    "bcc:cache", "reply-to:x", "addressed:elodie", 'subject:"mot de passe"', "subject:MOT", "subject:été", "subject:ÉTÉ",
    "-subject:modifié", '"mot de passe"', '"passe modifié"', "mot passe", "zoé", "ZOÉ", "été", "ÉTÉ", "Zo",
    "passe-partout", "texte", "lien", "https://ameli.test/r/abc", "ameli.test/r", "-lien", "!texte", "-", "!",
    '""', "(été)", "is:unread", "-is:unread", "is:read", "has:attachment", "-has:attachment", "larger:1kb",
    "smaller:100kb", "tag:rien", "message-id:@", "%", "_", "bonjour zoé",
]


def send_search_corpus(servers, token) -> Both:
    for index, (sender, to, cc, subject, text, html) in enumerate(SEARCH_CORPUS):
        message = EmailMessage()
        message["From"], message["To"] = sender, to
        if cc:
            message["Cc"] = cc
        message["Subject"] = f"{subject} {token}"
        message["Message-ID"] = f"<{token}-{index}@ameli.test>"
        message.set_content(text, cte="quoted-printable")
        if html:
            message.add_alternative(html, subtype="html", cte="quoted-printable")
        rcpt = [address for _, address in getaddresses([to, cc]) if address]
        assert send_raw(servers, message.as_bytes(), rcpt=[*rcpt, "cache@x.test"]) == {"Mailpit": 250, "catcher": 250}
    return Both(servers, token)


@pytest.fixture(scope="module")
def search_corpus(servers):
    """Sent once for all the searches, which only read (the read flag is set by no search)."""
    return send_search_corpus(servers, f"jeton{uuid.uuid4().hex[:10]}")


@pytest.mark.parametrize("query", SEARCHES)
def test_searches_find_the_same_mails_in_the_same_order(search_corpus, query):
    assert_same(search_corpus.listing(query), f"GET /api/v1/search?query=<jeton> {query}")


def test_paging_counts_the_same(search_corpus):
    assert_same(search_corpus.listing(start=1, limit=1), "GET /api/v1/search, start=1 limit=1")
    assert_same(search_corpus.listing(start=-3, limit="x"), "GET /api/v1/search, start=-3 limit=x")


def test_deletes_by_id_and_by_search_leave_the_same_mails(servers, token):
    search_corpus = send_search_corpus(servers, token)
    answers = {}
    for name, server in servers.items():
        first = search_corpus.ids()[name][0]
        response = requests.delete(f"{server.url}/api/v1/messages", json={"IDs": [first]}, timeout=TIMEOUT)
        answers[name] = (response.status_code, response.headers.get("Content-Type"), response.text)
    assert_same(answers, "DELETE /api/v1/messages {IDs}")
    search_corpus.forget()
    assert_same(search_corpus.listing(), "après DELETE /api/v1/messages {IDs}")
    for name, server in servers.items():
        response = requests.delete(f"{server.url}/api/v1/search", params={"query": f"{token} subject:ÉTÉ"}, timeout=TIMEOUT)
        answers[name] = (response.status_code, response.headers.get("Content-Type"), response.text)
    assert_same(answers, "DELETE /api/v1/search")
    search_corpus.forget()
    assert_same(search_corpus.listing(), "après DELETE /api/v1/search")
    assert len(search_corpus.listing()["Mailpit"]["messages"]) == 1, "one mail of three is left: the deletes deleted"


MALFORMED_BODIES = {
    "no_headers": b"juste du texte sans en-tetes\r\n",
    "line_without_colon": b"From: a@x.test\r\nSubject: {token}\r\nligne sans deux-points\r\n\r\ncorps\r\n",
    "space_before_colon": b"From: a@x.test\r\nSubject : {token}\r\n\r\ncorps\r\n",
    "latin1_header": b"From: a@x.test\r\nSubject: caf\xe9 {token}\r\n\r\ncorps\r\n",
    "unclosed_multipart": b"From: a@x.test\r\nSubject: {token}\r\nContent-Type: multipart/alternative; boundary=zz\r\n\r\n"
                          b"--zz\r\nContent-Type: text/plain\r\n\r\ntexte\r\n",
    "broken_quoted_printable": b"From: a@x.test\r\nSubject: {token}\r\nContent-Type: text/plain; charset=utf-8\r\n"
                               b"Content-Transfer-Encoding: quoted-printable\r\n\r\nr=C3=A9ponse =ZZ fin=\r\n",
    "cr_cr_lf": b"From: a@x.test\r\r\nSubject: {token}\r\r\n\r\r\ncorps\r\r\n",
    "bcc_header": b"From: a@x.test\r\nTo: b@x.test\r\nBcc: c@x.test\r\nSubject: {token}\r\n\r\ncorps\r\n",
    "other_return_path": b"Return-Path: <autre@x.test>\r\nFrom: a@x.test\r\nSubject: {token}\r\n\r\ncorps\r\n",
    "folded_subject": b"From: a@x.test\r\nSubject: =?utf-8?q?R=C3=A9ponse?=\r\n =?utf-8?q?_longue?= {token}\r\n\r\ncorps\r\n",
}


@pytest.mark.parametrize("case", MALFORMED_BODIES)
def test_malformed_messages_are_refused_or_read_alike(servers, token, case):
    codes = send_raw(servers, MALFORMED_BODIES[case].replace(b"{token}", token.encode()), rcpt=["a@x.test", "Z@x.test"])
    assert_same(codes, f"réponse SMTP à DATA ({case})")
    if codes["Mailpit"] != 250 or b"{token}" not in MALFORMED_BODIES[case]:
        return
    both = Both(servers, token)
    assert_same(both.listing(), f"résumé ({case})")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}"), f"message ({case})")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}/headers"), f"en-têtes ({case})")
    assert_same(both.each(lambda i: f"/api/v1/message/{i}/raw", as_json=False), f"message brut ({case})")


SMTP_DIALOGUES = {
    "mail_before_helo": [b"MAIL FROM:<a@x.test>"],
    "helo_without_name": [b"HELO", b"MAIL FROM:<a@x.test>"],
    "ehlo_without_name": [b"EHLO", b"MAIL FROM:<a@x.test>"],
    "rcpt_before_mail": [b"EHLO essai", b"RCPT TO:<b@x.test>"],
    "unknown_command": [b"EHLO essai", b"FOO bar"],
    "sender_not_an_address": [b"EHLO essai", b"MAIL FROM:<pas une adresse>"],
    "null_sender": [b"EHLO essai", b"MAIL FROM:<>", b"RCPT TO:<b@x.test>"],
    "empty_recipient": [b"EHLO essai", b"MAIL FROM:<a@x.test>", b"RCPT TO:<>"],
    "recipient_not_an_address": [b"EHLO essai", b"MAIL FROM:<a@x.test>", b"RCPT TO:<sans-arobase>"],
    "data_without_recipient": [b"EHLO essai", b"MAIL FROM:<a@x.test>", b"DATA"],
    "binary_garbage": [b"\xff\xfe\x00 n'importe quoi", b"NOOP"],
    "rset_then_data": [b"EHLO essai", b"MAIL FROM:<a@x.test>", b"RCPT TO:<b@x.test>", b"RSET", b"DATA"],
}


def reply_codes(server, lines: list[bytes]) -> list[str]:
    """The code of each reply (the wording differs, see the catcher's README), greeting first."""
    codes = []
    with socket.create_connection((server.smtp_host, server.smtp_port), timeout=TIMEOUT) as connection:
        replies = connection.makefile("rb")

        def reply() -> str:
            line = replies.readline()
            while line[3:4] == b"-":
                line = replies.readline()
            return line[:3].decode()

        codes.append(reply())
        for line in [*lines, b"QUIT"]:
            connection.sendall(line + b"\r\n")
            codes.append(reply())
    return codes


@pytest.mark.parametrize("case", SMTP_DIALOGUES)
def test_malformed_smtp_dialogues_get_the_same_reply_codes(servers, case):
    assert_same({name: reply_codes(server, SMTP_DIALOGUES[case]) for name, server in servers.items()},
                f"codes SMTP ({case})")


@pytest.fixture(scope="module")
def chaos_servers(project_mailpit):
    """A Mailpit and a catcher with chaos enabled, their own: chaos acts on every mail they receive."""
    mailpit = start_binary(str(project_mailpit), "--enable-chaos")
    catcher = start_catcher(enable_chaos=True)
    yield {"Mailpit": mailpit, "catcher": catcher}
    mailpit.stop()
    catcher.stop()


def chaos_answers(servers, method="GET", body: bytes | None = None) -> dict:
    answers = {}
    for name, server in servers.items():
        response = requests.request(method, f"{server.url}/api/v1/chaos", data=body, timeout=TIMEOUT)
        answers[name] = (response.status_code, response.headers.get("Content-Type"), response.text)
    return answers


def test_chaos_is_refused_unless_enabled(servers):
    assert_same(chaos_answers(servers), "GET /api/v1/chaos sans --enable-chaos")
    assert_same(chaos_answers(servers, "PUT", b"{}"), "PUT /api/v1/chaos sans --enable-chaos")


CHAOS_SETTINGS = {
    "defaults": b"{}",
    "sender": b'{"Sender": {"ErrorCode": 451, "Probability": 100}}',
    "recipient_no_code": b'{"Recipient": {"Probability": 50}}',
    "code_too_low": b'{"Sender": {"ErrorCode": 250, "Probability": 100}}',
    "probability_too_high": b'{"Recipient": {"ErrorCode": 550, "Probability": 101}}',
    "second_bad_first_kept": b'{"Sender": {"ErrorCode": 421, "Probability": 10}, "Recipient": {"ErrorCode": 600}}',
    "empty_body": b"",
}


def test_chaos_settings_are_answered_alike(chaos_servers):
    assert_same(chaos_answers(chaos_servers), "GET /api/v1/chaos")
    for case, body in CHAOS_SETTINGS.items():
        assert_same(chaos_answers(chaos_servers, "PUT", body), f"PUT /api/v1/chaos ({case})")
        assert_same(chaos_answers(chaos_servers), f"GET /api/v1/chaos après {case}")
    chaos_answers(chaos_servers, "PUT", b"{}")


def test_chaos_fails_the_smtp_steps_alike(chaos_servers):
    dialogue = [b"EHLO essai", b"MAIL FROM:<a@x.test>", b"RCPT TO:<b@x.test>"]
    try:
        chaos_answers(chaos_servers, "PUT", b'{"Sender": {"ErrorCode": 451, "Probability": 100}}')
        assert_same({name: reply_codes(server, dialogue) for name, server in chaos_servers.items()}, "chaos Sender 451")
        chaos_answers(chaos_servers, "PUT", b'{"Recipient": {"ErrorCode": 550, "Probability": 100}}')
        assert_same({name: reply_codes(server, dialogue) for name, server in chaos_servers.items()}, "chaos Recipient 550")
        chaos_answers(chaos_servers, "PUT", b"{}")
        codes = {name: reply_codes(server, dialogue) for name, server in chaos_servers.items()}
        assert_same(codes, "chaos remis à zéro")
        assert codes["Mailpit"] == ["220", "250", "250", "250", "221"]
    finally:
        chaos_answers(chaos_servers, "PUT", b"{}")
