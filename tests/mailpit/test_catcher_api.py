"""Every endpoint of the embedded catcher, each response checked against Mailpit's swagger.json."""

import json
import smtplib
from datetime import datetime

import pytest
import requests
from mailpit.client.api import API

from mock_site.mailpit import start_catcher


def search(catcher, query, **params):
    return requests.get(f"{catcher.url}/api/v1/search", params={"query": query, **params}, timeout=5)


def only(catcher, query):
    response = search(catcher, query)
    assert response.status_code == 200, response.text
    return response.json()["messages"]


def test_info_fits_swagger_and_counts_messages(catcher, swagger, send, make_mail, unique):
    before = requests.get(f"{catcher.url}/api/v1/info", timeout=5).json()
    send(make_mail(to=f"{unique()}@x.test"))
    response = requests.get(f"{catcher.url}/api/v1/info", timeout=5)
    swagger.check(response, "/api/v1/info")
    info = response.json()
    assert info["Messages"] == before["Messages"] + 1
    assert info["RuntimeStats"]["SMTPAccepted"] == before["RuntimeStats"]["SMTPAccepted"] + 1


def test_messages_are_listed_newest_first(catcher, swagger, send, make_mail, unique):
    subjects = [unique("premier-"), unique("second-"), unique("troisieme-")]
    for subject in subjects:
        send(make_mail(subject=subject))
    response = requests.get(f"{catcher.url}/api/v1/messages", timeout=5)
    swagger.check(response, "/api/v1/messages")
    listed = [m["Subject"] for m in response.json()["messages"] if m["Subject"] in subjects]
    assert listed == list(reversed(subjects))
    created = [datetime.fromisoformat(m["Created"]) for m in response.json()["messages"]]
    assert created == sorted(created, reverse=True)


def test_messages_paginate_with_start_and_limit(catcher, send, make_mail):
    for n in range(3):
        send(make_mail(subject=f"page {n}"))
    everything = requests.get(f"{catcher.url}/api/v1/messages", timeout=5).json()
    page = requests.get(f"{catcher.url}/api/v1/messages", params={"start": 1, "limit": 2}, timeout=5).json()
    assert [m["ID"] for m in page["messages"]] == [m["ID"] for m in everything["messages"][1:3]]
    assert page["start"] == 1 and page["messages_count"] == everything["total"]


def test_message_has_every_field_as_mailpit_reads_it(catcher, swagger, send, make_mail, unique):
    to = f"{unique()}@x.test"
    message = make_mail(
        to=f"Assuré Durand <{to}>",
        subject="Votre compte ameli – renouveler mon mot de passe",
        text="Lien valable 30 minutes",
        html='<p><a href="http://site.test/r/abc">Renouveler mon mot de passe</a> 30 minutes</p>',
        sender="Votre Assurance Maladie <ne-pas-repondre@ameli.test>",
        Cc="Copie <cc@x.test>",
        Date="Fri, 27 Nov 2026 09:15:00 +0100",
        Message_ID="<renouvellement-1@ameli.test>",
        Reply_To="support@ameli.test",
    )
    send(message, to_addrs=[to, "cc@x.test", "cache@x.test"])
    summary = only(catcher, f'to:"{to}"')[0]
    assert summary["Read"] is False

    response = requests.get(f"{catcher.url}/api/v1/message/{summary['ID']}", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}")
    details = response.json()
    assert details["From"] == {"Name": "Votre Assurance Maladie", "Address": "ne-pas-repondre@ameli.test"}
    assert details["To"] == [{"Name": "Assuré Durand", "Address": to}]
    assert details["Cc"] == [{"Name": "Copie", "Address": "cc@x.test"}]
    assert details["Bcc"] == [{"Name": "", "Address": "cache@x.test"}], "Bcc = envelope recipients not in To/Cc"
    assert details["ReplyTo"] == [{"Name": "", "Address": "support@ameli.test"}]
    assert details["Subject"] == "Votre compte ameli – renouveler mon mot de passe"
    assert details["MessageID"] == "renouvellement-1@ameli.test"
    assert details["ReturnPath"] == "ne-pas-repondre@ameli.test"
    assert datetime.fromisoformat(details["Date"]) == datetime.fromisoformat("2026-11-27T09:15:00+01:00")
    assert details["Date"].endswith("+01:00")
    assert details["Text"].strip() == "Lien valable 30 minutes"
    assert 'href="http://site.test/r/abc"' in details["HTML"]
    assert summary["Snippet"] == "Renouveler mon mot de passe 30 minutes", "Mailpit's snippet: the HTML's text first"
    assert summary["Size"] == details["Size"] > 0

    reread = only(catcher, f'to:"{to}"')[0]
    assert reread["Read"] is True, "GET /api/v1/message/{ID} marks the message read"


def test_latest_names_the_newest_message(catcher, send, make_mail, unique):
    subject = unique("dernier-")
    send(make_mail(subject=subject))
    for path in ("/api/v1/message/latest", "/api/v1/message/latest/headers"):
        assert requests.get(f"{catcher.url}{path}", timeout=5).status_code == 200
    assert requests.get(f"{catcher.url}/api/v1/message/latest", timeout=5).json()["Subject"] == subject


def test_headers_are_lists_by_canonical_name_in_alphabetical_order(catcher, swagger, send, make_mail, unique):
    subject = unique("entetes-")
    send(make_mail(subject=subject, Message_ID="<id-1@x.test>", X_Custom="un"))
    message_id = only(catcher, f"subject:{subject}")[0]["ID"]
    response = requests.get(f"{catcher.url}/api/v1/message/{message_id}/headers", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}/headers")
    headers = response.json()
    assert list(headers) == sorted(headers)
    assert headers["Message-Id"] == ["<id-1@x.test>"]
    assert headers["X-Custom"] == ["un"]
    assert headers["Subject"] == [subject]


def test_raw_is_the_message_as_received(catcher, swagger, send_raw, unique):
    subject = unique("brut-")
    raw = f"From: a@x.test\r\nTo: b@x.test\r\nSubject: {subject}\r\n\r\nCorps brut\r\n".encode()
    send_raw(raw, rcpt=["b@x.test"])
    message_id = only(catcher, f"subject:{subject}")[0]["ID"]
    response = requests.get(f"{catcher.url}/api/v1/message/{message_id}/raw", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}/raw")
    kept = response.content
    assert kept.endswith(raw), "the message as received, after the headers that Mailpit adds on top"
    added = kept[: -len(raw)].decode()
    assert added.startswith("Message-ID: <") and "@mailpit>\r\nReturn-Path: <from@x.test>\r\nReceived: from " in added


def test_view_html_and_text_show_the_parts(catcher, swagger, send, make_mail, unique):
    subject = unique("vue-")
    send(make_mail(subject=subject, text="Texte seul", html="<p>Version <b>HTML</b></p>"))
    message_id = only(catcher, f"subject:{subject}")[0]["ID"]
    html = requests.get(f"{catcher.url}/view/{message_id}.html", timeout=5)
    swagger.check(html, "/view/{ID}.html")
    assert html.text.strip() == "<p>Version <b>HTML</b></p>"
    text = requests.get(f"{catcher.url}/view/{message_id}.txt", timeout=5)
    swagger.check(text, "/view/{ID}.txt")
    assert text.text.strip() == "Texte seul"


def test_view_html_is_404_without_an_html_part(catcher, swagger, send, make_mail, unique):
    subject = unique("texte-seul-")
    send(make_mail(subject=subject, text="Rien en HTML"))
    message_id = only(catcher, f"subject:{subject}")[0]["ID"]
    response = requests.get(f"{catcher.url}/view/{message_id}.html", timeout=5)
    swagger.check(response, "/view/{ID}.html")
    assert response.status_code == 404


def test_unknown_ids_are_404_in_plain_text(catcher, swagger):
    for path, documented in [
        ("/api/v1/message/inconnu", "/api/v1/message/{ID}"),
        ("/api/v1/message/inconnu/headers", "/api/v1/message/{ID}/headers"),
        ("/api/v1/message/inconnu/raw", "/api/v1/message/{ID}/raw"),
        ("/view/inconnu.html", "/view/{ID}.html"),
        ("/view/inconnu.txt", "/view/{ID}.txt"),
    ]:
        response = requests.get(f"{catcher.url}{path}", timeout=5)
        assert response.status_code == 404, path
        swagger.check(response, documented)


def test_search_without_query_is_400(catcher, swagger):
    for method in ("GET", "DELETE"):
        response = requests.request(method, f"{catcher.url}/api/v1/search", params={"query": "  "}, timeout=5)
        assert response.status_code == 400
        assert response.text == "Error: no search query"
        swagger.check(response, "/api/v1/search", method)


def test_ids_are_mailpit_like(catcher, send, make_mail, unique):
    subject = unique("id-")
    send(make_mail(subject=subject))
    send(make_mail(subject=subject))
    ids = [m["ID"] for m in only(catcher, f"subject:{subject}")]
    assert len(set(ids)) == 2
    assert all(len(i) == 22 and i.isalnum() for i in ids), ids


def test_mailpit_api_client_reads_the_listing(catcher, send, make_mail, unique):
    """The client that mails/mailpit_client.py uses for listing understands the catcher's answer."""
    subject = unique("client-")
    send(make_mail(subject=subject))
    listing = API(catcher.url, timeout=5).get_messages(limit=5)
    assert listing.messages[0].subject == subject
    assert listing.messages[0].created.tzinfo is not None


class _Answer:
    """A stand-in HTTP answer, to feed the swagger check bodies that differ from Mailpit's."""

    def __init__(self, body):
        self.status_code = 200
        self.headers = {"Content-Type": "application/json"}
        self._body = body
        self.text = json.dumps(body)

    def json(self):
        return self._body


def test_the_swagger_check_refuses_what_mailpit_would_not_send(catcher, swagger, send, make_mail):
    """The check is strict: a missing field, a wrong type or an extra field fails it."""
    send(make_mail())
    summary = requests.get(f"{catcher.url}/api/v1/messages", timeout=5).json()
    swagger.check(_Answer(summary), "/api/v1/messages")
    for broken in (
        {k: v for k, v in summary.items() if k != "messages_count"},
        {**summary, "total": "12"},
        {**summary, "Total": 1},
        {**summary, "messages": [{**summary["messages"][0], "Created": "hier"}]},
        {**summary, "messages": [{k: v for k, v in summary["messages"][0].items() if k != "Read"}]},
    ):
        with pytest.raises(AssertionError, match="does not fit swagger"):
            swagger.check(_Answer(broken), "/api/v1/messages")


def test_chaos_fits_swagger_and_is_off_unless_enabled(catcher, swagger):
    refused = requests.get(f"{catcher.url}/api/v1/chaos", timeout=5)
    swagger.check(refused, "/api/v1/chaos")
    assert (refused.status_code, refused.text) == (400, "Chaos is not enabled")
    chaotic = start_catcher(enable_chaos=True)
    try:
        swagger.check(requests.get(f"{chaotic.url}/api/v1/chaos", timeout=5), "/api/v1/chaos")
        changed = requests.put(f"{chaotic.url}/api/v1/chaos", json={"Sender": {"ErrorCode": 550, "Probability": 100}}, timeout=5)
        swagger.check(changed, "/api/v1/chaos", "PUT")
        assert changed.json()["Sender"] == {"ErrorCode": 550, "Probability": 100}
        with pytest.raises(smtplib.SMTPSenderRefused) as refused_mail, smtplib.SMTP(
            chaotic.smtp_host, chaotic.smtp_port, timeout=5
        ) as smtp:
            smtp.sendmail("a@x.test", ["b@x.test"], b"Subject: panne\r\n\r\nx\r\n")
        assert refused_mail.value.smtp_code == 550
        assert chaotic.store.counts() == (0, 0), "a mail refused by chaos is not kept"
    finally:
        chaotic.stop()
