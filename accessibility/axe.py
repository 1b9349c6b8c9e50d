"""axe-core over a page: the WCAG 2.1 A and AA rules, and their violations told in French."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

from accessibility.rendering import Viewport

# The RGAA 4.1.2 is built on WCAG 2.1 level AA: these tags select exactly those rules.
WCAG_21_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
RUN_OPTIONS = {"runOnly": {"type": "tag", "values": list(WCAG_21_AA_TAGS)}, "resultTypes": ["violations"]}

# axe-core's French texts (each rule's help, each failure summary), from axe-core at this version:
# a newer axe-core inside axe-playwright-python needs its own locales/fr.json.
AXE_CORE_VERSION = "4.12.1"
FRENCH_LOCALE = json.loads((Path(__file__).parent / "axe_fr.json").read_text(encoding="utf-8"))
_AXE_IN_FRENCH = f"{AXE_SCRIPT}\naxe.configure({{locale: {json.dumps(FRENCH_LOCALE)}}});"

IMPACTS = {"critical": "critique", "serious": "grave", "moderate": "modéré", "minor": "mineur"}
# axe tags a success criterion as wcag + its digits (wcag1410 is 1.4.10) and a RGAA test as RGAA-x.y.z.
_WCAG_CRITERION = re.compile(r"wcag(\d)(\d)(\d+)")
_RGAA_TEST = re.compile(r"RGAA-(\d+\.\d+\.\d+)")
_MAX_ELEMENTS = 5
_MAX_HTML = 200


@dataclass(frozen=True)
class Element:
    html: str
    selector: str
    why: str


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    help_url: str
    wcag: tuple[str, ...]
    rgaa: tuple[str, ...]
    elements: tuple[Element, ...]

    @classmethod
    def from_axe(cls, found: dict) -> "Violation":
        tags = found.get("tags", [])
        return cls(
            rule=found["id"],
            impact=IMPACTS.get(found.get("impact") or "", found.get("impact") or "non précisé"),
            help=found.get("help", ""),
            help_url=found.get("helpUrl", ""),
            wcag=tuple(".".join(match.groups()) for match in map(_WCAG_CRITERION.fullmatch, tags) if match),
            rgaa=tuple(match.group(1) for match in map(_RGAA_TEST.fullmatch, tags) if match),
            elements=tuple(
                Element(
                    html=_shortened(" ".join(node.get("html", "").split())),
                    selector=" ".join(str(part) for part in node.get("target", [])),
                    why=" ".join(node.get("failureSummary", "").split()),
                )
                for node in found.get("nodes", [])
            ),
        )

    def describe(self) -> str:
        criteria = [f"WCAG {', '.join(self.wcag) or 'non précisé'}"]
        rgaa = [f"critère {test.rsplit('.', 1)[0]} (test {test})" for test in self.rgaa]
        criteria.append(f"RGAA {', '.join(rgaa)}" if rgaa else "RGAA : aucun test associé par axe-core")
        lines = [
            f"- {self.help} (règle axe « {self.rule} », impact {self.impact})",
            f"  Critères : {' ; '.join(criteria)}",
            f"  Aide : {self.help_url}",
            f"  Éléments concernés ({len(self.elements)}) :",
        ]
        for element in self.elements[:_MAX_ELEMENTS]:
            lines.append(f"    • {element.html}  [{element.selector}]")
            if element.why:
                lines.append(f"      {element.why}")
        if len(self.elements) > _MAX_ELEMENTS:
            lines.append(f"    • … et {len(self.elements) - _MAX_ELEMENTS} autres")
        return "\n".join(lines)


def _shortened(html: str) -> str:
    return html if len(html) <= _MAX_HTML else f"{html[:_MAX_HTML]}…"


def axe_violations(page: Page) -> list[Violation]:
    """The violations of the WCAG 2.1 A/AA rules on the page as it is now, once loaded: a click's page has
    only begun to load (on a slow target its document can still be empty: no element to audit)."""
    page.wait_for_load_state("load")
    # Injected once per document: a page keeps it until it navigates.
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(_AXE_IN_FRENCH)
    results = page.evaluate("(options) => axe.run(document, options)", RUN_OPTIONS)
    return [Violation.from_axe(found) for found in results["violations"]]


def violations_report(violations: list[Violation], where: str) -> str:
    """A French account of the violations, for a failure message and the report."""
    rules = "règle" if len(violations) == 1 else "règles"
    header = f"{len(violations)} {rules} d'accessibilité (WCAG 2.1 AA / RGAA 4.1.2) non respectée(s) sur {where} :"
    return "\n".join([header, *(violation.describe() for violation in violations)])


def axe_version(page: Page) -> str:
    """The version of axe-core that runs in the page (after a run)."""
    return page.evaluate("() => window.axe && window.axe.version")


def expect_no_axe_violation(page: Page, viewports: tuple[Viewport, ...]) -> None:
    """No WCAG 2.1 A/AA violation at any of these sizes; the page keeps its size afterwards."""
    kept_size = page.viewport_size
    reports = []
    try:
        for viewport in viewports:
            viewport.apply(page)
            found = axe_violations(page)
            if found:
                reports.append(violations_report(found, f"{page.url} ({viewport.describe()})"))
    finally:
        if kept_size:
            page.set_viewport_size(kept_size)
    assert not reports, "\n\n".join(reports)
