"""Guide step 2: the forgot-password page."""

from playwright.sync_api import Page, Response, expect

from pages import wording
from pages.common import expect_heading

# What the captcha's sound is served as (any audio format).
AUDIO_TYPE_PREFIX = "audio/"


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

    def fill_identity(self, nir: str, birth_date: str) -> None:
        self.nir.fill(nir)
        self.birth_date.fill(birth_date)

    def copy_characters(self, characters: str) -> None:
        self.captcha_field.fill(characters)

    def send(self) -> None:
        self.send_button.click()

    def expect_captcha_image_shown(self) -> None:
        expect(self.captcha_image, f"Image « {wording.CAPTCHA_IMAGE} » attendue sur {self.page.url}").to_be_visible()
        # Shown means drawn: a broken image has no natural width.
        expect(self.captcha_image).not_to_have_js_property("naturalWidth", 0)

    def ask_for_new_characters(self) -> None:
        """Click the arrow and wait until the new image is the one shown."""
        shown_source = self.captcha_image.get_attribute("src")
        self._wait_for_page_scripts()
        self.new_captcha_button.click()
        expect(self.captcha_image, "Une nouvelle image de caractères devait remplacer l'ancienne").not_to_have_attribute(
            "src", shown_source or ""
        )
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

    def expect_identity_kept(self, nir: str, birth_date: str) -> None:
        expect(self.nir, "Le numéro de sécurité sociale saisi devait être conservé").to_have_value(nir)
        expect(self.birth_date, "La date de naissance saisie devait être conservée").to_have_value(birth_date)

    def expect_characters_field_empty(self) -> None:
        expect(self.captcha_field, "Le champ des caractères devait être vidé").to_have_value("")
