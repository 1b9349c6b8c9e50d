"""Fixtures for the mock site's tests: the app on a real local SMTP server, and visitors."""

import socket

import pytest

from mock_site import create_app
from tests.mock_site.site_client import (
    PUBLIC_URL,
    FreePortController,
    MailCatcher,
    Smtp,
    Visitor,
)


@pytest.fixture(scope="session")
def _smtp_server():
    catcher = MailCatcher()
    controller = FreePortController(catcher, hostname="127.0.0.1")
    controller.start()
    yield Smtp(catcher, controller.port)
    controller.stop()


@pytest.fixture
def smtp(_smtp_server):
    """The local SMTP server, emptied for this test (one server per test process)."""
    _smtp_server.catcher.reset()
    return _smtp_server


@pytest.fixture
def closed_port():
    """A port bound but never listening: connecting to it is refused, and no one else can take it."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield bound.getsockname()[1]


@pytest.fixture
def make_app(smtp):
    def make(**config):
        settings = {"TESTING": True, "SMTP_PORT": smtp.port, "SMTP_TIMEOUT": 5, "PUBLIC_URL": PUBLIC_URL}
        settings.update(config)
        return create_app(settings)

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def visitor(app) -> Visitor:
    return Visitor(app)


@pytest.fixture
def new_visitor(app):
    """Another visitor (another session) on the same app."""
    return lambda: Visitor(app)


@pytest.fixture
def mails(smtp) -> MailCatcher:
    return smtp.catcher
