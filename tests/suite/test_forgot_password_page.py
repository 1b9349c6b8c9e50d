"""The forgot-password page object against a page whose scripts arrive late, as on a slow network, an image not drawn,
and going back from the answer to the form."""

import threading
from types import SimpleNamespace

import pytest
from flask import request
from playwright.sync_api import expect

from contract import wording
from mock_site.server import serve_in_thread
from pages.forgot_password_page import ForgotPasswordPage
from pages.home_page import HomePage
from pages.login_page import LoginPage
from pages.reset_request import ForgotPasswordJourney

_CAPTCHA_SCRIPT = "captcha.js"


@pytest.fixture
def slow_script_site():
    """The mock, its captcha script held back until the test releases it."""
    site = serve_in_thread()
    released = threading.Event()

    @site.app.before_request
    def hold_the_captcha_script():
        if request.path.endswith(_CAPTCHA_SCRIPT):
            released.wait(timeout=30)

    yield site, released
    released.set()
    site.stop()


@pytest.fixture
def forgot_password_read_early(page, slow_script_site):
    """The forgot-password page as soon as it reads, its buttons not yet wired by its script."""
    site, released = slow_script_site
    page.set_default_timeout(10_000)
    forgot_password = ForgotPasswordPage(page)
    # No characters are copied here: the journey only opens the page.
    journey = ForgotPasswordJourney(HomePage(page, site.url), LoginPage(page), forgot_password, captcha_answer=str)
    journey.open_forgot_password_page()
    # Released from another thread while the page object waits, as a slow network would deliver it.
    threading.Timer(0.5, released.set).start()
    return forgot_password


def test_the_microphone_is_clicked_once_the_page_s_scripts_have_run(forgot_password_read_early):
    audio = forgot_password_read_early.listen()

    assert audio.headers["content-type"].startswith("audio/"), audio.headers


def test_the_arrow_is_clicked_once_the_page_s_scripts_have_run(page, forgot_password_read_early):
    page_loads = []
    page.on("framenavigated", lambda frame: page_loads.append(frame.url))

    forgot_password_read_early.ask_for_new_characters()

    # Clicked before the script, the arrow would have fallen back to submitting the form.
    assert page_loads == [], f"La nouvelle liste devait s'afficher sur place ; la page a été rechargée : {page_loads}"


@pytest.mark.parametrize(("answer", "said"), [
    ({"status": 404, "body": "absente"}, "elle était refusée par le site : HTTP 404"),
    ({"status": 200, "content_type": "image/png", "body": "pas une image"}, "elle était reçue (HTTP 200) mais illisible"),
    ("abort", "elle était chargée sans statut HTTP connu du navigateur"),
    (None, "elle était toujours en chargement"),
])
def test_an_image_not_drawn_is_told_apart_loading_refused_unreadable_or_lost(page, answer, said, short_expect):
    page.route("http://site.test/", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8",
        body=f'<img alt="{wording.CAPTCHA_IMAGE}" src="/captcha.png" width="200" height="60">'))

    def captcha(route):
        if answer == "abort":
            route.abort("connectionreset")
        elif answer:
            route.fulfill(**answer)
        # None: no answer at all, the image stays loading.

    page.route("http://site.test/captcha.png", captcha)
    page.goto("http://site.test/", wait_until="commit")
    expect(page.get_by_role("img")).to_be_attached()

    with pytest.raises(AssertionError) as refused:
        ForgotPasswordPage(page).expect_captcha_image_shown()

    message = str(refused.value)
    assert said in message and "http://site.test/captcha.png" in message, message


def test_going_back_waits_for_the_answer_to_the_form_it_returns_from(page):
    """Right after « Recevoir le mail », Chromium refuses to go back while the answer is being swapped in (a third
    of tries in a loop like this one, before the page object waited for the answer)."""
    form = (f'<form method="post"><label for="nir">{wording.NIR_FIELD}</label><input id="nir" name="nir">'
            f'<label for="date">{wording.BIRTH_DATE_FIELD}</label><input id="date" name="date">'
            f'<label for="chars">{wording.CAPTCHA_FIELD}</label><input id="chars" name="chars">'
            f'<button>{wording.SEND_MAIL_BUTTON}</button></form>')
    sent = []

    def answer(route):
        if route.request.method == "POST":
            sent.append(route.request.post_data)
            route.fulfill(content_type="text/html; charset=utf-8", body=f"<h1>{wording.MAIL_SENT_HEADING}</h1>")
        else:
            route.fulfill(content_type="text/html; charset=utf-8", body=form)

    page.route("http://site.test/", answer)
    forgot_password = ForgotPasswordPage(page)
    journey = ForgotPasswordJourney(HomePage(page, "http://site.test/"), LoginPage(page), forgot_password, str)
    account = SimpleNamespace(nir="1630986900133", birth_date_text="06/09/1963")
    for _ in range(10):
        page.goto("http://site.test/")
        forgot_password.fill_identity(account.nir, account.birth_date_text)
        forgot_password.send()

        journey.back_and_send_again(account, lambda: "ABCD")

    assert len(sent) == 20, f"Deux envois par essai attendus, soit 20 ; vus : {len(sent)}"
