"""Which Chromium the suite launches."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from harness.browser import SYSTEM_CHROMIUM_ARGS, chromium_launch_args, launches_headless
from harness.contexts import ScenarioContexts
from mails.mailpit_choice import free_port


def test_playwright_s_own_chromium_comes_first(tmp_path):
    bundled = tmp_path / "chrome"
    bundled.touch()
    assert chromium_launch_args(str(bundled)) == {}


def test_without_it_the_system_chromium_is_launched(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/chromium/chrome")
    launch = chromium_launch_args(str(tmp_path / "not-installed"))
    assert launch == {"executable_path": "/opt/chromium/chrome", "args": SYSTEM_CHROMIUM_ARGS}


def test_without_any_chromium_the_error_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match="apt-get install -y chromium"):
        chromium_launch_args(str(tmp_path / "not-installed"))


def test_the_system_chromium_found_on_path_is_used(tmp_path, monkeypatch):
    chromium = tmp_path / "chromium"
    chromium.touch(mode=0o755)
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert Path(chromium_launch_args(str(tmp_path / "absent"))["executable_path"]) == chromium


def test_headless_the_system_s_headless_shell_comes_first_and_headed_the_whole_browser(tmp_path, monkeypatch):
    for name in ("chromium", "chromium-headless-shell"):
        (tmp_path / name).touch(mode=0o755)
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    absent = str(tmp_path / "absent")
    assert Path(chromium_launch_args(absent)["executable_path"]).name == "chromium-headless-shell"
    assert Path(chromium_launch_args(absent, headless=False)["executable_path"]).name == "chromium"


@pytest.mark.parametrize(("headless", "pwdebug", "expected"), [
    (True, None, True), (True, "0", True), (True, "console", True),
    (False, None, False), (True, "1", False), (True, "inspector", False),
])
def test_playwright_s_inspector_launches_a_window_whatever_headless_says(headless, pwdebug, expected, monkeypatch):
    if pwdebug is None:
        monkeypatch.delenv("PWDEBUG", raising=False)
    else:
        monkeypatch.setenv("PWDEBUG", pwdebug)
    assert launches_headless({"headless": headless}) is expected


REFUSED_LOAD_LINE = ("Le navigateur n'a pas pu charger une page : ERR_CONNECTION_REFUSED (page d'erreur de "
                     "Chromium : une erreur du réseau, pas une réponse du site).")


def test_a_page_the_browser_could_not_load_is_named_with_its_network_error_at_once(browser):
    contexts = ScenarioContexts()
    context = contexts.track(browser.new_context(), 5_000)
    try:
        refused = context.new_page()
        with pytest.raises(PlaywrightError, match="ERR_CONNECTION_REFUSED"):
            refused.goto(f"http://127.0.0.1:{free_port()}/")
        # Asked at once, as a failing step does: Chromium's error page may not have replaced the former one yet.
        assert contexts.unloaded_pages() == [REFUSED_LOAD_LINE]
    finally:
        context.close()


def test_only_a_page_s_own_last_load_counts(browser):
    contexts = ScenarioContexts()
    context = contexts.track(browser.new_context(), 5_000)
    refused = f"http://127.0.0.1:{free_port()}/"

    def site(route):
        path = route.request.url.removeprefix("http://site.test")
        if path == "/redirige":
            route.fulfill(status=302, headers={"Location": refused})
        else:
            route.fulfill(status=204 if path == "/vide" else 200, content_type="text/html",
                          body=f'<p>Accueil</p><iframe src="{refused}"></iframe>')

    context.route("http://site.test/**", site)
    try:
        page = context.new_page()
        page.goto("http://site.test/")  # its frame's load is refused: the page itself loaded
        assert contexts.unloaded_pages() == [], "un cadre refusé ne fait pas une page non chargée"
        with pytest.raises(PlaywrightError, match="ERR_CONNECTION_REFUSED"):
            page.goto("http://site.test/redirige")  # answered by a redirection, then refused
        expect(page).to_have_url(re.compile("^chrome-error://"))
        assert contexts.unloaded_pages() == [REFUSED_LOAD_LINE]
        page.goto("http://site.test/")
        assert contexts.unloaded_pages() == [], "la page s'est chargée depuis"
        with pytest.raises(PlaywrightError, match="ERR_ABORTED"):
            page.goto("http://site.test/vide")  # Chromium keeps the page it had: no error page
        expect(page.get_by_text("Accueil")).to_be_visible()
        assert contexts.unloaded_pages() == []
        closed = context.new_page()
        with pytest.raises(PlaywrightError, match="ERR_CONNECTION_REFUSED"):
            closed.goto(refused)
        closed.close()
        assert contexts.unloaded_pages() == [], "une page fermée n'est plus à nommer"
    finally:
        context.close()
