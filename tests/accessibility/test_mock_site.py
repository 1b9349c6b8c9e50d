"""The mock's pages in Chromium: the keyboard walk passes, and the focus ring stands out (3:1)."""

import pytest

from accessibility.keyboard import KeyboardWalk
from mock_site.server import serve_in_thread

# WCAG 1.4.11 (RGAA 3.3): a focus indicator needs 3:1 against the colour it is drawn on.
MINIMUM_CONTRAST = 3.0
PAGES = ["/", "/connexion", "/mot-de-passe-oublie"]

# The focused element's ring colour, and the first opaque background behind it (the ring sits outside).
_RING_AND_BACKGROUND = """() => {
  const focused = document.activeElement;
  let behind = focused.parentElement;
  while (behind && getComputedStyle(behind).backgroundColor.endsWith(", 0)")) behind = behind.parentElement;
  return [getComputedStyle(focused).outlineColor, behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)"];
}"""


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in css_colour[css_colour.index("(") + 1:-1].split(",")[:3])
    linear = [part / 12.92 if part <= 0.03928 else ((part + 0.055) / 1.055) ** 2.4 for part in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_says():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(245, 166, 35)", "rgb(255, 255, 255)") < MINIMUM_CONTRAST  # the mock's former ring


@pytest.fixture(scope="module")
def site():
    running = serve_in_thread({})
    yield running
    running.stop()


@pytest.mark.parametrize("path", PAGES)
def test_every_stop_has_a_visible_focus_ring_of_3_to_1(page, site, path):
    page.goto(f"{site.url}{path}")
    walk = KeyboardWalk(page)
    rings = []
    for link_or_button in [*page.get_by_role("link").all(), *page.get_by_role("textbox").all(),
                           *page.get_by_role("button").all()]:
        walk.tab_to(link_or_button)
        ring, background = page.evaluate(_RING_AND_BACKGROUND)
        rings.append((link_or_button.aria_snapshot().splitlines()[0], contrast(ring, background)))
    walk.expect_focus_visible_and_in_order()
    faint = [(name, round(ratio, 2)) for name, ratio in rings if ratio < MINIMUM_CONTRAST]
    assert rings and not faint, f"Contour du focus sous {MINIMUM_CONTRAST}:1 sur {path} : {faint}"
