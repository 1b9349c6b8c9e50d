"""The catcher keeps a bounded number of messages, survives bad SMTP input, and runs from the command line."""

import re
import smtplib
import socket
import subprocess
import sys

import requests

from mock_site.mailpit import start_catcher
from tests.conftest import PROJECT_ROOT


def subjects(catcher, query):
    response = requests.get(f"{catcher.url}/api/v1/search", params={"query": query}, timeout=5)
    assert response.status_code == 200, response.text
    return response.json()["messages"]


def test_oldest_messages_are_pruned_beyond_the_maximum(make_mail):
    small = start_catcher(max_messages=3)
    try:
        with smtplib.SMTP(small.smtp_host, small.smtp_port, timeout=5) as smtp:
            for n in range(5):
                smtp.send_message(make_mail(subject=f"numéro {n}"))
        listing = requests.get(f"{small.url}/api/v1/messages", timeout=5).json()
        assert [m["Subject"] for m in listing["messages"]] == ["numéro 4", "numéro 3", "numéro 2"]
        assert listing["total"] == 3
        info = requests.get(f"{small.url}/api/v1/info", timeout=5).json()
        assert info["RuntimeStats"]["MessagesDeleted"] == 2
    finally:
        small.stop()


def _smtp_dialogue(catcher, lines: list[bytes]) -> bytes:
    with socket.create_connection((catcher.smtp_host, catcher.smtp_port), timeout=5) as raw:
        raw.recv(1024)
        answers = b""
        for line in lines:
            raw.sendall(line)
            answers += raw.recv(4096)
        return answers


def _still_serving(catcher, send, make_mail, unique) -> None:
    subject = unique("vivant-")
    send(make_mail(subject=subject))
    assert [m["Subject"] for m in subjects(catcher, f"subject:{subject}")] == [subject]


def test_garbage_on_the_smtp_socket_is_refused_and_the_server_goes_on(catcher, send, make_mail, unique):
    answers = _smtp_dialogue(
        catcher,
        [b"\x00\xff\xfe garbage\r\n", b"MAIL FROM:<<<>>>\r\n", b"RCPT TO:<a@x.test>\r\n", b"A" * 3000 + b"\r\n"],
    )
    assert re.findall(rb"^5\d\d", answers, re.MULTILINE), answers
    with socket.create_connection((catcher.smtp_host, catcher.smtp_port), timeout=5) as raw:
        raw.recv(1024)
        raw.sendall(b"EHLO x\r\nMAIL FROM:<a@x.test>\r\n")  # then hang up in the middle of a transaction
    _still_serving(catcher, send, make_mail, unique)


def test_invalid_mime_is_stored_as_far_as_it_can_be_read(catcher, swagger, send_raw, send, make_mail, unique):
    subject = unique("mime-")
    raw = (
        f"From: a@x.test\r\nTo: b@x.test\r\nSubject: {subject}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"jamais-ferme\"\r\n\r\n"
        "--jamais-ferme\r\nContent-Type: text/plain; charset=inconnu-42\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n!!! pas du base64 !!!\r\n"
    ).encode()
    send_raw(raw, rcpt=["b@x.test"])
    [summary] = subjects(catcher, f"subject:{subject}")
    response = requests.get(f"{catcher.url}/api/v1/message/{summary['ID']}", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}")
    _still_serving(catcher, send, make_mail, unique)


def test_eight_bit_headers_are_read(catcher, swagger, send_raw, unique):
    tag = unique("octets")
    raw = f"From: Éloïse <e@x.test>\r\nTo: b@x.test\r\nSubject: {tag} réçu – ok\r\n\r\nCorps é\r\n".encode()
    send_raw(raw, rcpt=["b@x.test"])
    [summary] = subjects(catcher, tag)
    response = requests.get(f"{catcher.url}/api/v1/message/{summary['ID']}", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}")
    assert tag in response.json()["Subject"]
    headers = requests.get(f"{catcher.url}/api/v1/message/{summary['ID']}/headers", timeout=5)
    swagger.check(headers, "/api/v1/message/{ID}/headers")


def test_a_message_without_headers_gets_empty_fields(catcher, swagger, send_raw, unique):
    body = unique("sans-entetes-")
    send_raw(f"\r\n{body}\r\n".encode(), rcpt=["vide@x.test"], mail_from="")
    [summary] = subjects(catcher, body)
    response = requests.get(f"{catcher.url}/api/v1/message/{summary['ID']}", timeout=5)
    swagger.check(response, "/api/v1/message/{ID}")
    message = response.json()
    assert message["From"] == {"Name": "", "Address": ""}
    assert message["To"] == [] and message["Bcc"] == [{"Name": "", "Address": "vide@x.test"}]
    assert message["Subject"] == "" and message["MessageID"].endswith("@mailpit"), "Mailpit gives it a Message-ID"
    assert message["Date"] == summary["Created"], "without a Date header, Mailpit shows the receive time"


def test_command_line_prints_where_it_listens_and_serves(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_site.mailpit", "--smtp-port", "0", "--http-port", "0", "--max-messages", "10"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"HTTP (http://127\.0\.0\.1:\d+)\s+SMTP 127\.0\.0\.1:(\d+)", line)
        assert match, f"unexpected first line: {line!r}"
        url, smtp_port = match.group(1), int(match.group(2))
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=5) as smtp:
            smtp.sendmail("a@x.test", ["b@x.test"], b"Subject: cli\r\n\r\nok\r\n")
        assert requests.get(f"{url}/api/v1/messages", timeout=5).json()["messages"][0]["Subject"] == "cli"
    finally:
        process.terminate()
        process.wait(timeout=10)
