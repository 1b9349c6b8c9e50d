"""One server of the run as the suite reaches it: its URL without credentials, the credentials of its
fence (HTTP basic auth) and the CA file its certificate comes from.

Credentials are taken out of a URL as soon as it is read (`https://user:pass@host` is the same as the
URL and the credentials given apart), so that no URL the suite prints, records or puts in an error
message can hold them: `shown` is the URL as every output writes it (`https://***@host` when fenced).
"""

from __future__ import annotations

import base64
import hashlib
import socket
import ssl
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

import requests
from cryptography import x509
from cryptography.hazmat.primitives import serialization

HIDDEN = "***"


@dataclass(frozen=True)
class Endpoint:
    url: str  # without credentials, without a trailing slash
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: str | None = None  # the only CA its HTTPS certificate is checked against; None: the system's

    @classmethod
    def parse(cls, url: str, *, user: str | None = None, password: str | None = None,
              ca_file: str | None = None) -> Endpoint:
        """`url`, its credentials (in the URL, else `user` and `password`) apart, and the CA to check it with."""
        parts = urlsplit(url.strip())
        if parts.username is not None:
            user, password = unquote(parts.username), unquote(parts.password or "")
        bare = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")
                                         if parts.hostname else parts.netloc))
        return cls(bare.rstrip("/"), user, password if user is not None else None, ca_file)

    @classmethod
    def of(cls, url_or_endpoint: str | Endpoint) -> Endpoint:
        """An endpoint as given, or one read from a URL (its credentials, if written in it, taken out)."""
        return cls.parse(url_or_endpoint) if isinstance(url_or_endpoint, str) else url_or_endpoint

    @property
    def fenced(self) -> bool:
        return self.user is not None

    @property
    def tls(self) -> bool:
        return self.url.startswith("https://")

    @property
    def shown(self) -> str:
        """The URL as any output writes it: the credentials, when there are some, as ***."""
        if not self.fenced:
            return self.url
        parts = urlsplit(self.url)
        return urlunsplit(parts._replace(netloc=f"{HIDDEN}@{parts.netloc}"))

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def authorization(self) -> str | None:
        """The Authorization header's value of the fence, if any."""
        if not self.fenced:
            return None
        token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
        return f"Basic {token}"

    def secrets(self) -> list[str]:
        """What no output may hold: the password, and the Authorization header's token made of it."""
        if not self.fenced:
            return []
        return [secret for secret in (self.password, self.authorization().removeprefix("Basic ")) if secret]

    def session(self) -> requests.Session:
        """An HTTP client that passes the fence and trusts exactly this endpoint's CA (if one is given)."""
        session = _CaFileSession()
        if self.fenced:
            session.auth = (self.user, self.password or "")
        if self.ca_file:
            session.verify = self.ca_file
        return session

    def for_workers(self) -> dict:
        """Plain data for xdist's hand-over to a worker (in memory: never written)."""
        return asdict(self)

    def __str__(self) -> str:
        return self.shown


def failure_reason(error: Exception) -> str:
    """The last, most precise line of a connection error (urllib3 nests them); the endpoints' URLs it may
    name hold no credentials (they are taken out of every URL)."""
    said = str(error).strip()
    return said.splitlines()[-1][-300:] if said else type(error).__name__


def certificate_refused(endpoint: Endpoint, error: Exception) -> str:
    """Why a server's certificate was refused, and what it was checked against (the start's one line)."""
    trusted = (f"autorité de certification {endpoint.ca_file}" if endpoint.ca_file
               else "autorités du système ; une autre autorité : --ca-file")
    return f"{endpoint.shown} : certificat refusé ({trusted}) : {failure_reason(error)}"


class _CaFileSession(requests.Session):
    """requests lets $REQUESTS_CA_BUNDLE (or $CURL_CA_BUNDLE) replace a session's own CA file: here the
    session's CA file, when it has one, wins over the environment's."""

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if isinstance(self.verify, str) and verify is None:
            settings["verify"] = self.verify
        return settings


def presented_certificate(endpoint: Endpoint, timeout: float) -> x509.Certificate | None:
    """The certificate an HTTPS endpoint presents, checked against its CA file (else the system's CAs);
    None over HTTP."""
    if not endpoint.tls:
        return None
    parts = urlsplit(endpoint.url)
    context = ssl.create_default_context(cafile=endpoint.ca_file)
    with (socket.create_connection((parts.hostname, parts.port or 443), timeout=timeout) as connection,
          context.wrap_socket(connection, server_hostname=parts.hostname) as tls):
        return x509.load_der_x509_certificate(tls.getpeercert(binary_form=True))


def spki_pin(certificate: x509.Certificate) -> str:
    """Base64 of the SHA-256 of the certificate's public key: what Chromium's SPKI list takes. A browser
    told to accept this key accepts that certificate's key, no other."""
    spki = certificate.public_key().public_bytes(serialization.Encoding.DER,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def issuer(certificate: x509.Certificate) -> str:
    """Who signed the certificate, as a tester reads it: its common name, else the whole name."""
    names = certificate.issuer.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.issuer.rfc4514_string()
