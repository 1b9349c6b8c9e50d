"""Guide step 2: the forgot-password page."""

import time
from dataclasses import dataclass
from typing import Protocol

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Response, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from contract import wording
from pages.common import alert, expect_heading

# What the captcha's sound is served as (any audio format).
AUDIO_TYPE_PREFIX = "audio/"
# A name no target answers for: a link written on it would send the token away.
FORGED_HOST = "site-pirate.example"
# The image as drawn, read through a canvas: what a person sees, whatever its URL.
_DRAWN_PIXELS = """image => {
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  canvas.getContext("2d").drawImage(image, 0, 0);
  return canvas.toDataURL();
}"""
# The image's load as the browser recorded it (Resource Timing): its status, 0 where unknown (a network
# error, another origin's image, no entry kept); read within IMAGE_LOAD_READ_MS, the image being on the page.
IMAGE_LOAD_READ_MS = 2_000
_IMAGE_LOAD = """image => {
  const source = image.currentSrc || image.src;
  const entry = performance.getEntriesByName(new URL(source, document.baseURI).href).pop();
  return {source, complete: image.complete, drawn: image.complete && image.naturalWidth > 0,
          status: entry ? entry.responseStatus : 0};
}"""
# The image watched is kept on the page's window: a handle would go stale, and a wait on it never end,
# when the arrow loads a whole page. That page, or another image element, is "replaced": judged afresh.
_WATCH_IMAGE = "image => { window.captchaImageWatchedByTheSuite = image; }"
_REDRAWN_OR_REPLACED = f"""before => {{
  const image = window.captchaImageWatchedByTheSuite;
  if (!image || !image.isConnected) return "replaced";
  return image.complete && image.naturalWidth > 0 && ({_DRAWN_PIXELS})(image) !== before && "redrawn";
}}"""


@dataclass
class SiteAnswer:
    """The page the site answered the form with: its HTTP status, and how long it took from the click."""

    url: str
    status: int
    seconds: float

    def expect_within(self, seconds: float) -> None:
        assert self.seconds <= seconds, (
            f"Réponse attendue en moins de {seconds:g} s après « {wording.SEND_MAIL_BUTTON} » ; "
            f"le site a répondu en {self.seconds:.1f} s ({self.url})"
        )

    def expect_no_server_error(self) -> None:
        assert self.status < 500, f"Le site a répondu par une erreur du serveur (HTTP {self.status}) sur {self.url}"


class SiteReply(Protocol):
    status: int
    headers: dict[str, str]
    body: bytes


class ScriptSender(Protocol):
    """Sends a request with exactly the headers given, Host included (which a browser cannot)."""

    def send(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> SiteReply: ...


class ForgotPasswordPage:
    """Guide step 2: NIR, birth date and the characters to copy (image or audio)."""

    def __init__(self, page: Page):
        self.page = page
        self.nir = page.get_by_label(wording.NIR_FIELD, exact=True)
        self.birth_date = page.get_by_label(wording.BIRTH_DATE_FIELD, exact=True)
        self.captcha_image = page.get_by_role("img", name=wording.CAPTCHA_IMAGE, exact=True)
        self.captcha_field = page.get_by_label(wording.CAPTCHA_FIELD, exact=True)
        self.new_captcha_button = page.get_by_role("button", name=wording.NEW_CAPTCHA_BUTTON, exact=True)
        self.listen_button = page.get_by_role("button", name=wording.LISTEN_CAPTCHA_BUTTON, exact=True)
        self.send_button = page.get_by_role("button", name=wording.SEND_MAIL_BUTTON, exact=True)

    def expect_shown(self) -> None:
        expect_heading(self.page, wording.FORGOT_HEADING)

    def fill_identity(self, nir: str, birth_date: str) -> tuple[str, str]:
        """Type them as given; returns what was typed, for the checks that it is kept."""
        self.nir.fill(nir)
        self.birth_date.fill(birth_date)
        return nir, birth_date

    def copy_characters(self, characters: str) -> None:
        self.captcha_field.fill(characters)

    def send(self) -> None:
        self.send_button.click()

    def send_by_double_click(self) -> None:
        """Both clicks, then the page the site ends on: a second sending must be over before the mails are read.
        (The browser drops the first click's page for the second's, so no one navigation can be waited for.)"""
        self.send_button.dblclick()
        self.expect_answered("le double clic")

    def expect_answered(self, after: str) -> None:
        """The site's answer to the form, its confirmation or an alert, shown and loaded as a person sees it:
        Chromium refuses to go back from a page still being swapped in (« Not attached to an active page »)."""
        answered = self.page.get_by_role("heading", name=wording.MAIL_SENT_HEADING, exact=True).or_(alert(self.page))
        expect(answered, f"Une réponse du site attendue après {after}, sur {self.page.url}").to_be_visible()
        self.page.wait_for_load_state("load")

    def send_and_time(self) -> SiteAnswer:
        """Send the form and wait for the page the site answers with."""
        started = time.monotonic()
        with self.page.expect_navigation() as navigation:
            self.send()
        answer: Response | None = navigation.value
        assert answer is not None, f"Aucune réponse du site à l'envoi du formulaire ({self.page.url})"
        return SiteAnswer(self.page.url, answer.status, time.monotonic() - started)

    def send_with_forged_header(self, header: str, script: ScriptSender) -> None:
        """Send the form with `header` set to another site's name, as an attacker's request would be: the form's
        request leaves through `script`, and the browser shows the site's answer."""
        def forge(route: Route) -> None:
            if route.request.method != "POST" or not route.request.is_navigation_request():
                route.fallback()
                return
            request = route.request
            headers = {**request.all_headers(), header.lower(): FORGED_HOST}
            reply = script.send(request.method, request.url, headers, request.post_data_buffer)
            route.fulfill(status=reply.status, headers=reply.headers, body=reply.body)

        self.page.route("**/*", forge)
        try:
            with self.page.expect_navigation():
                self.send()
        finally:
            self.page.unroute("**/*", forge)

    def expect_captcha_image_shown(self) -> None:
        expect(self.captcha_image, f"Image « {wording.CAPTCHA_IMAGE} » attendue sur {self.page.url}").to_be_visible()
        # Shown means drawn: a broken image has no natural width.
        try:
            expect(self.captcha_image).not_to_have_js_property("naturalWidth", 0)
        except AssertionError as not_drawn:
            raise AssertionError(self._why_the_image_is_not_drawn(not_drawn)) from not_drawn

    def _why_the_image_is_not_drawn(self, not_drawn: AssertionError) -> str:
        """Too slow or wrong: still loading, drawn after the deadline, refused, or received but not an image, from
        the browser's own record of the image's load (a request made now could be answered otherwise)."""
        try:
            load = self.captcha_image.evaluate(_IMAGE_LOAD, timeout=IMAGE_LOAD_READ_MS)
        except PlaywrightError:  # the image went away meanwhile: Playwright's message says what it waited for
            return str(not_drawn)
        status = load["status"]
        if load["drawn"]:
            state = "dessinée, mais seulement après le délai d'attente (trop lente)"
        elif not load["complete"]:
            state = "toujours en chargement"
        elif not status:
            state = "chargée sans statut HTTP connu du navigateur (erreur du réseau, ou image d'une autre origine)"
        elif status >= 400:
            state = f"refusée par le site : HTTP {status}"
        else:
            state = f"reçue (HTTP {status}) mais illisible : pas une image que le navigateur sache afficher"
        return (f"Image « {wording.CAPTCHA_IMAGE} » attendue dessinée sur {self.page.url} ; au terme du délai "
                f"d'attente, elle était {state} ({load['source']}).")

    def ask_for_new_characters(self) -> None:
        """Click the arrow and wait until another image is drawn (its pixels, not its address, change)."""
        self.expect_captcha_image_shown()
        drawn = self.captcha_image.evaluate(_DRAWN_PIXELS)
        self._wait_for_page_scripts()
        self.captcha_image.evaluate(_WATCH_IMAGE)
        self.new_captcha_button.click()
        try:
            outcome = self.page.wait_for_function(_REDRAWN_OR_REPLACED, arg=drawn).json_value()
        except PlaywrightTimeoutError:
            raise AssertionError(
                f"Après « {wording.NEW_CAPTCHA_BUTTON} », une autre image de caractères devait s'afficher "
                f"sur {self.page.url} ; l'image est restée la même."
            ) from None
        if outcome == "replaced":
            self._wait_for_page_scripts()
            self.expect_other_image_than(drawn, f"« {wording.NEW_CAPTCHA_BUTTON} »")
        self.expect_captcha_image_shown()

    def listen(self) -> Response:
        """Click the microphone; returns the audio the page asked for."""
        self._wait_for_page_scripts()
        with self.page.expect_response(lambda answer: answer.headers.get("content-type", "").startswith(AUDIO_TYPE_PREFIX)) as audio:
            self.listen_button.click()
        return audio.value

    def _wait_for_page_scripts(self) -> None:
        # The page may show its buttons before its scripts wire them (a click then does nothing);
        # deferred scripts have all run once the page has loaded.
        self.page.wait_for_load_state("load")

    def expect_audio(self, audio: Response) -> None:
        """The audio the page asked for can be fetched again: an audio body, not empty."""
        again = self.page.request.get(audio.url)
        content_type = again.headers.get("content-type", "")
        assert again.ok and content_type.startswith(AUDIO_TYPE_PREFIX) and again.body(), (
            f"Le son des caractères ({audio.url}) devait répondre en audio/… avec un contenu ; "
            f"réponse {again.status}, type « {content_type} », {len(again.body())} octets."
        )

    @staticmethod
    def expect_other_audio(before: Response, after: Response) -> None:
        """The audio played after a new list is not the one played before it."""
        assert after.body() != before.body(), (
            f"Après une nouvelle liste de caractères, le microphone devait faire entendre un autre son ; "
            f"{after.url} a donné le même son que {before.url}."
        )

    def drawn_image(self) -> str:
        """The captcha image's pixels, once drawn."""
        self.expect_captcha_image_shown()
        return self.captcha_image.evaluate(_DRAWN_PIXELS)

    def expect_other_image_than(self, drawn_before: str, after_what: str) -> None:
        assert self.drawn_image() != drawn_before, (
            f"Après {after_what}, de nouveaux caractères devaient s'afficher sur {self.page.url} ; l'image est la même."
        )

    def expect_identity_kept(self, nir: str, birth_date: str) -> None:
        expect(self.nir, "Le numéro de sécurité sociale saisi devait être conservé").to_have_value(nir)
        expect(self.birth_date, "La date de naissance saisie devait être conservée").to_have_value(birth_date)

    def expect_characters_field_empty(self) -> None:
        expect(self.captcha_field, "Le champ des caractères devait être vidé").to_have_value("")
