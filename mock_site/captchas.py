"""Captcha characters, drawn as an image and spoken as audio by the `captcha` package."""

import functools
import secrets
import threading

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha

# Letters and digits that the package can speak, without those read alike (0/O, 1/I/L).
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6
IMAGE_WIDTH, IMAGE_HEIGHT = 180, 60

_image = ImageCaptcha(width=IMAGE_WIDTH, height=IMAGE_HEIGHT)
_audio = AudioCaptcha()
# The renderers load fonts and voices lazily into shared caches.
_render_lock = threading.Lock()


def new_answer() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def draw(answer: str) -> bytes:
    with _render_lock:
        return _image.generate(answer, format="png").getvalue()


# The same characters always sound the same: a person (or a suite) can tell a new list by ear.
@functools.lru_cache(maxsize=256)
def speak(answer: str) -> bytes:
    with _render_lock:
        return bytes(_audio.generate(answer))
