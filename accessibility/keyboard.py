"""The keyboard alone: Tab and Shift+Tab from stop to stop, Enter and Space to act.

Each stop is checked as a person who sees the screen but uses no mouse meets it:
- the focus is visible: the focused element's outline or box-shadow shows, and differs
  from the same element unfocused (WCAG 2.4.7, RGAA 10.7);
- the order follows the page: each stop comes after the previous one in the page (before
  it with Shift+Tab), and never wholly above it on the screen (WCAG 2.4.3, RGAA 12.8);
- no trap: Tab always moves the focus on, and never turns round a few elements (WCAG 2.1.2,
  RGAA 12.9).
"""

from playwright.sync_api import Locator, Page, expect

MAX_PRESSES = 60

# The page's state before a key press: which element had the focus, and how every other element
# looks without the focus (to compare with the same element once it has it).
_BEFORE_PRESS = """() => {
  const look = (element) => {
    const style = getComputedStyle(element);
    return {outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
            outlineColor: style.outlineColor, boxShadow: style.boxShadow};
  };
  const previous = document.activeElement;
  const unfocused = new Map();
  for (const element of document.querySelectorAll("*")) {
    if (element !== previous) unfocused.set(element, look(element));
  }
  window.__keyboardWalk = {previous, unfocused, look};
}"""

# Where the focus went with the key press.
_AFTER_PRESS = """() => {
  const walk = window.__keyboardWalk;
  const outside = (element) => !element || element === document.body || element === document.documentElement;
  const element = document.activeElement;
  if (outside(element)) return {outside: true};
  const ids = window.__keyboardStopIds = window.__keyboardStopIds || new WeakMap();
  if (!ids.has(element)) { window.__keyboardNextId = (window.__keyboardNextId || 0) + 1; ids.set(element, window.__keyboardNextId); }
  const role = element.getAttribute("role") || ({A: "lien", BUTTON: "bouton", TEXTAREA: "champ", SELECT: "liste",
      INPUT: ["submit", "button", "reset"].includes(element.type) ? "bouton" : "champ"})[element.tagName]
      || `<${element.tagName.toLowerCase()}>`;
  const name = element.getAttribute("aria-label") || (element.labels && element.labels[0] && element.labels[0].innerText)
      || element.getAttribute("alt") || element.innerText || element.getAttribute("title") || element.id || "";
  const box = (target) => { const r = target.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY}; };
  const previous = outside(walk.previous) ? null : walk.previous;
  let order = "first";
  if (previous && previous !== element) {
    order = previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
  }
  return {
    outside: false,
    id: ids.get(element),
    description: `${role} « ${name.trim().replace(/\\s+/g, " ")} »`,
    stayed: previous === element,
    order,
    focused: walk.look(element),
    unfocused: walk.unfocused.get(element) || null,
    box: box(element),
    previousBox: previous ? box(previous) : null,
  };
}"""


def _shows_focus(focused: dict, unfocused: dict | None) -> bool:
    outline_shown = focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
    shadow_shown = focused["boxShadow"] != "none"
    if not (outline_shown or shadow_shown):
        return False
    return unfocused is None or focused != unfocused


def _looks(style: dict) -> str:
    outline = "aucun" if style["outlineStyle"] == "none" else (
        f"{style['outlineStyle']} {style['outlineWidth']:g}px {style['outlineColor']}")
    return f"contour {outline}, ombre {'aucune' if style['boxShadow'] == 'none' else style['boxShadow']}"


class KeyboardWalk:
    """A person on one page at a time, with the keyboard only."""

    def __init__(self, page: Page, max_presses: int = MAX_PRESSES):
        self.page = page
        self.max_presses = max_presses
        self.stops = 0
        self.problems: list[str] = []

    def tab_to(self, target: Locator) -> None:
        """Tab (or Shift+Tab, if the target comes earlier in the page) until the target has the focus."""
        expect(target, f"Élément attendu sur {self.page.url}").to_be_visible()
        name = _name(target)
        key = "Shift+Tab" if _precedes_focus(target) else "Tab"
        path: list[str] = []
        seen_since_outside: set[int] = set()
        for _ in range(self.max_presses):
            if target.evaluate("(element) => element === document.activeElement"):
                return
            stop = self._press(key)
            if stop["outside"]:
                path.append("(hors de la page)")
                seen_since_outside.clear()
                continue
            path.append(stop["description"])
            if stop["stayed"] or stop["id"] in seen_since_outside:
                raise AssertionError(
                    f"Piège au clavier sur {self.page.url} : avec {key}, le focus reste bloqué sur "
                    f"{stop['description']} et ne peut plus avancer. Parcours : {' → '.join(path)}")
            seen_since_outside.add(stop["id"])
            self._check(stop, key)
        raise AssertionError(
            f"Au clavier, {name} n'a pas été atteint en {self.max_presses} appuis sur {key} sur "
            f"{self.page.url}. Parcours : {' → '.join(path) or '(aucun élément)'}")

    def press(self, key: str) -> None:
        """Enter or Space on the focused element."""
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def expect_focus_visible_and_in_order(self) -> None:
        assert self.stops, "Aucun appui sur Tab n'a été vérifié : le parcours au clavier n'a pas eu lieu."
        assert not self.problems, (
            f"Au clavier, {len(self.problems)} problème(s) sur {self.stops} arrêts du focus :\n- "
            + "\n- ".join(self.problems))

    def _press(self, key: str) -> dict:
        self.page.evaluate(_BEFORE_PRESS)
        self.page.keyboard.press(key)
        return self.page.evaluate(_AFTER_PRESS)

    def _check(self, stop: dict, key: str) -> None:
        self.stops += 1
        where = f"sur {self.page.url}"
        problems = []
        if not _shows_focus(stop["focused"], stop["unfocused"]):
            seen = _looks(stop["focused"])
            before = f" ; sans le focus : {_looks(stop['unfocused'])}" if stop["unfocused"] else ""
            problems.append(f"Focus invisible {where} : {stop['description']} avec le focus : {seen}{before}.")
        expected_order = "before" if key == "Shift+Tab" else "after"
        if stop["order"] not in ("first", expected_order):
            problems.append(f"Ordre du clavier différent de la page {where} : avec {key}, {stop['description']} "
                            f"vient {'avant' if stop['order'] == 'before' else 'après'} l'élément précédent dans la page.")
        elif stop["previousBox"] and _jumps_back_on_screen(stop, key):
            problems.append(f"Ordre du clavier différent de l'affichage {where} : avec {key}, le focus saute à "
                            f"{stop['description']}, affiché {'au-dessus' if key == 'Tab' else 'au-dessous'} "
                            "de l'élément précédent.")
        self.problems.extend(problem for problem in problems if problem not in self.problems)


def _jumps_back_on_screen(stop: dict, key: str) -> bool:
    box, previous = stop["box"], stop["previousBox"]
    if key == "Tab":
        return box["bottom"] <= previous["top"]
    return box["top"] >= previous["bottom"]


def _precedes_focus(target: Locator) -> bool:
    return target.evaluate("""(element) => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return false;
      return Boolean(focused.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    }""")


def _name(target: Locator) -> str:
    """The target as the accessibility tree names it, e.g. button "Recevoir le mail"."""
    return target.aria_snapshot().strip().removeprefix("- ").split("\n")[0].rstrip(":")
