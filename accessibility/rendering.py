"""The sizes a page is read at, and whether its fields and buttons stay usable there."""

from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

# Half a CSS pixel: sub-pixel layout is no overflow.
_TOLERANCE = 0.5
_USABLE_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int

    def apply(self, page: Page) -> None:
        page.set_viewport_size({"width": self.width, "height": self.height})

    def describe(self) -> str:
        return f"{self.name}, {self.width} × {self.height} px"


DESKTOP = Viewport("ordinateur", 1280, 800)
PHONE = Viewport("téléphone", 390, 844)
# RGAA 10.4 / WCAG 1.4.4: 200 % zoom of a 1280 × 800 screen lays the page out in 640 × 400 CSS pixels.
ZOOM_200 = Viewport("zoom à 200 % d'un écran de 1280 × 800", 640, 400)
VIEWPORTS = {"ordinateur": DESKTOP, "téléphone": PHONE, "zoom à 200 %": ZOOM_200}


def controls(page: Page) -> list[Locator]:
    """The page's fields and buttons, as the accessibility tree gives them."""
    return [*page.get_by_role("textbox").all(), *page.get_by_role("button").all()]


def expect_usable_without_horizontal_scroll(page: Page, viewport: Viewport) -> None:
    """Laid out at this size: no horizontal scrolling, and every field and button inside the
    width of the screen and reachable by a click (nothing covers it)."""
    where = f"sur {page.url} ({viewport.describe()})"
    page.wait_for_load_state("load")
    scroll_width, shown_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    problems = []
    if scroll_width > shown_width:
        problems.append(f"la page défile horizontalement : {scroll_width} px de contenu pour {shown_width} px affichés")
    found = controls(page)
    if not found:
        problems.append("aucun champ ni bouton trouvé")
    for control in found:
        name = control.aria_snapshot().strip().removeprefix("- ").split("\n")[0]
        expect(control, f"« {name} » devait être visible {where}").to_be_visible()
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        if box is None or box["x"] < -_TOLERANCE or box["x"] + box["width"] > shown_width + _TOLERANCE:
            left, right = (box["x"], box["x"] + box["width"]) if box else (None, None)
            problems.append(f"« {name} » sort de l'écran (de {left} à {right} px pour {shown_width} px de large)")
            continue
        try:
            control.click(trial=True, timeout=_USABLE_TIMEOUT_MS)
        except PlaywrightError as error:  # its first line says why the click could not happen
            problems.append(f"« {name} » ne peut pas être cliqué : {str(error).splitlines()[0]}")
    assert not problems, f"Page inutilisable {where} :\n- " + "\n- ".join(problems)
