"""Serving the mock: serve_in_thread for the suite's conftest, and python -m mock_site by hand."""

import re
import subprocess
import sys

import pytest
import requests
import trustme

from mock_site import create_app
from mock_site.__main__ import parse_arguments
from mock_site.server import serve_in_thread, tls_context
from tests.conftest import PROJECT_ROOT
from tests.mock_site.site_client import link_in


def test_serve_in_thread_binds_a_free_port_and_writes_links_on_its_origin(smtp, mails):
    site = serve_in_thread({"SMTP_PORT": smtp.port})
    try:
        assert site.url == f"http://127.0.0.1:{site.port}" and site.port > 0
        assert site.app.config["PUBLIC_URL"] == site.url
        with requests.Session() as visitor:
            assert "Connectez-vous" in visitor.get(f"{site.url}/", timeout=5).text
            visitor.post(f"{site.url}/__test__/accounts", timeout=5, json={
                "nir": "1850775123456", "birth_date": "1985-07-15", "email": "assure@example.test"})
            form = visitor.get(f"{site.url}/mot-de-passe-oublie", timeout=5).text
            hidden = dict(_hidden_fields(form))
            answer = visitor.get(f"{site.url}/__test__/captcha", timeout=5).json()["answer"]
            sent = visitor.post(f"{site.url}/mot-de-passe-oublie", timeout=5, data={
                **hidden, "nir": "1850775123456", "birth_date": "15/07/1985", "captcha": answer})
            assert "Consultez votre boîte mail" in sent.text
        assert link_in(mails.messages[-1]).startswith(site.url + "/mot-de-passe/renouveler/")
    finally:
        site.stop()


def test_a_given_public_url_is_kept(smtp):
    site = serve_in_thread({"SMTP_PORT": smtp.port, "PUBLIC_URL": "https://mock.example.test/"})
    try:
        assert site.app.config["PUBLIC_URL"] == "https://mock.example.test"
    finally:
        site.stop()


def _hidden_fields(markup: str) -> list[tuple[str, str]]:
    return re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', markup)


def test_command_line_options():
    arguments = parse_arguments(["--port", "0", "--smtp-port", "2525", "--no-test-api", "--public-url",
                                 "http://ici.test:8000", "--mail-from", "robot@ameli.test"])
    assert (arguments.host, arguments.port, arguments.smtp_host, arguments.smtp_port) == ("127.0.0.1", 0, "127.0.0.1", 2525)
    assert arguments.no_test_api and arguments.public_url == "http://ici.test:8000"
    assert arguments.mail_from == "robot@ameli.test"
    defaults = parse_arguments([])
    assert (defaults.port, defaults.public_url, defaults.no_test_api) == (5000, None, False)


def test_python_dash_m_mock_site_serves_and_says_where(closed_port):
    process = subprocess.Popen([sys.executable, "-m", "mock_site", "--port", "0", "--smtp-port", str(closed_port),
                                "--no-test-api"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("mock_site listening on http://127.0.0.1:"), line
        url = line.split()[3]
        assert requests.get(f"{url}/", timeout=5).status_code == 200
        assert requests.get(f"{url}/__test__/capabilities", timeout=5).status_code == 404
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_fenced_mock_answers_401_with_its_challenge_until_the_right_credentials_come(smtp):
    client = create_app({"SMTP_PORT": smtp.port, "BASIC_AUTH": ("recette", "s3cret")}).test_client()
    for credentials in (None, ("recette", "faux"), ("autre", "s3cret")):
        refused = client.get("/__test__/capabilities", auth=credentials)
        assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Basic"), credentials
        assert "identifiants requis" in refused.get_data(as_text=True)
    assert client.get("/", auth=("recette", "s3cret")).status_code == 200
    assert client.get("/__test__/capabilities", auth=("recette", "s3cret")).status_code == 200


def test_the_mock_serves_https_with_the_certificate_given(smtp, tmp_path):
    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1")
    certificate.private_key_pem.write_to_path(tmp_path / "key.pem")
    (tmp_path / "cert.pem").write_bytes(b"".join(blob.bytes() for blob in certificate.cert_chain_pems))
    ca.cert_pem.write_to_path(tmp_path / "ca.pem")
    site = serve_in_thread({"SMTP_PORT": smtp.port}, tls=tls_context(str(tmp_path / "cert.pem"), str(tmp_path / "key.pem")))
    try:
        assert site.url.startswith("https://") and site.app.config["PUBLIC_URL"] == site.url
        assert "Connectez-vous" in requests.get(f"{site.url}/", timeout=5, verify=str(tmp_path / "ca.pem")).text
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(f"{site.url}/", timeout=5, verify=True)  # the system's CAs do not know this one
    finally:
        site.stop()
