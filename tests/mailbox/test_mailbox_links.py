"""Following a mail's link as a person does: the mail's HTML in Chromium, the link clicked by its name."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from pages.mail_view import MailInBrowser


class _Target(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"<!doctype html><title>Cible</title><h1>Page {self.path}</h1>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def target_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Target)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_open_link_clicks_the_link_named_exactly(mailbox, send, address, page, target_site):
    to = address()
    html = (
        f'<p><a href="{target_site}/ancien">Renouveler mon mot de passe plus tard</a></p>'
        f'<p><a href="{target_site}/renouveler?jeton=abc">Renouveler mon mot de passe</a></p>'
    )
    send(to, "Votre compte ameli – renouveler mon mot de passe", html=html)
    mail = mailbox.wait_for_mail(to=to)
    MailInBrowser(mailbox.url).open_link(page, mail.id, "Renouveler mon mot de passe")
    assert page.url == f"{target_site}/renouveler?jeton=abc"
    expect(page.get_by_role("heading", name="Page /renouveler?jeton=abc")).to_be_visible()


def test_open_link_fails_when_no_link_has_that_name(mailbox, send, address, page, target_site):
    to = address()
    send(to, "Sans le bon lien", html=f'<a href="{target_site}/x">Autre lien</a>')
    mail = mailbox.wait_for_mail(to=to)
    page.set_default_timeout(2000)  # short, but the mail's page must still load on a busy machine
    with pytest.raises(Exception, match="Renouveler mon mot de passe"):
        MailInBrowser(mailbox.url).open_link(page, mail.id, "Renouveler mon mot de passe")
    assert page.url.endswith(f"/view/{mail.id}.html"), "the mail stays shown"


def test_a_link_to_another_origin_than_the_site_tested_is_a_configuration_error(mailbox, send, address, page,
                                                                                 target_site):
    to = address()
    send(to, "Votre compte ameli – renouveler mon mot de passe",
         html=f'<a href="{target_site}/renouveler?jeton=abc">Renouveler mon mot de passe</a>')
    mail = mailbox.wait_for_mail(to=to)
    with pytest.raises(AssertionError, match=rf"Erreur de configuration .* du mail {mail.id} mène à {target_site}"):
        MailInBrowser(mailbox.url, site_url="http://site-teste.example.test").open_link(
            page, mail.id, "Renouveler mon mot de passe")
    MailInBrowser(mailbox.url, site_url=target_site).open_link(page, mail.id, "Renouveler mon mot de passe")
    assert page.url == f"{target_site}/renouveler?jeton=abc"
