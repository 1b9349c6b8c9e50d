"""Traceability table: each part of the guide → the feature files and the
scenarios that transcribe it, in Markdown (docs/traceability.md).

    python -m reporting.traceability          # (re)writes docs/traceability.md
    python -m reporting.traceability --check  # exit 1, with a diff, when it is out of date

Features are read with pytest-bdd's own parser, as the suite reads them.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path

from compat.pytest_bdd import FeatureParser
from reporting.guide import GAP_TEXT, GUIDE_PARTS, GUIDE_TAGS, OUTSIDE_GUIDE_TITLE

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FEATURES = REPO_ROOT / "features"
DEFAULT_OUTPUT = REPO_ROOT / "docs" / "traceability.md"


@dataclass(frozen=True)
class TracedScenario:
    feature_file: str  # as pytest-bdd names it: features/<file>.feature
    name: str
    examples: int  # rows of an outline's examples; 0 for a plain scenario
    tags: frozenset[str]


def read_scenarios(features_dir: Path) -> list[TracedScenario]:
    """Every scenario of features_dir/*.feature, files by name, scenarios in file order."""
    scenarios = []
    for path in sorted(features_dir.glob("*.feature")):
        feature = FeatureParser(basedir=str(features_dir), filename=path.name).parse()
        for template in feature.scenarios.values():
            scenarios.append(
                TracedScenario(
                    feature_file=Path(feature.rel_filename).as_posix(),
                    name=template.name,
                    examples=sum(len(table.examples) for table in template.examples),
                    tags=frozenset(template.tags | feature.tags),
                )
            )
    return scenarios


def render_table(scenarios: list[TracedScenario]) -> str:
    covered = sum(1 for part in GUIDE_PARTS if any(part.tag in s.tags for s in scenarios))
    lines = [
        "# Traçabilité : guide « Mot de passe oublié » → scénarios",
        "",
        "<!-- Fichier généré par `python -m reporting.traceability` à partir de features/*.feature :",
        "     ne pas le modifier à la main ; `python -m reporting.traceability --check` le vérifie. -->",
        "",
        f"{len(scenarios)} scénarios ; {covered} parties du guide couvertes sur {len(GUIDE_PARTS)}.",
        "Chaque scénario porte l'étiquette de la partie du guide qu'il transcrit.",
        "",
        "| Partie du guide | Étiquette | Fichier | Scénarios |",
        "| --- | --- | --- | --- |",
    ]
    for part in GUIDE_PARTS:
        lines.extend(_rows(part.title, f"`@{part.tag}`", [s for s in scenarios if part.tag in s.tags]))
    outside = [s for s in scenarios if not (s.tags & GUIDE_TAGS)]
    if outside:
        lines.extend(_rows(OUTSIDE_GUIDE_TITLE, "aucune", outside))
    return "\n".join(lines) + "\n"


def _rows(title: str, tag_cell: str, scenarios: list[TracedScenario]) -> list[str]:
    if not scenarios:
        return [f"| {_cell(title)} | {tag_cell} | — | **{GAP_TEXT}** |"]
    files = list(dict.fromkeys(s.feature_file for s in scenarios))
    rows = []
    for feature_file in files:
        names = "<br>".join(_scenario_text(s) for s in scenarios if s.feature_file == feature_file)
        rows.append(f"| {_cell(title)} | {tag_cell} | `{feature_file}` | {names} |")
    return rows


def _scenario_text(scenario: TracedScenario) -> str:
    if scenario.examples:
        plural = "s" if scenario.examples > 1 else ""
        return f"{_cell(scenario.name)} (plan, {scenario.examples} exemple{plural})"
    return _cell(scenario.name)


def _cell(text: str) -> str:
    # Markdown tables: a pipe ends the cell, and <placeholder> would be read as HTML.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reporting.traceability",
        description="Table de traçabilité guide → scénarios (docs/traceability.md).",
    )
    parser.add_argument("--features", type=Path, default=DEFAULT_FEATURES, help="dossier des .feature")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="fichier Markdown")
    parser.add_argument(
        "--check", action="store_true", help="ne rien écrire ; échouer (code 1) si le fichier n'est pas à jour"
    )
    args = parser.parse_args(argv)
    expected = render_table(read_scenarios(args.features))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current == expected:
            print(f"{args.output} est à jour.")
            return 0
        diff = difflib.unified_diff(
            current.splitlines(keepends=True),
            expected.splitlines(keepends=True),
            fromfile=f"{args.output} (actuel)",
            tofile=f"{args.output} (attendu d'après {args.features})",
        )
        sys.stdout.writelines(diff)
        print(f"\n{args.output} n'est plus à jour : lancez python -m reporting.traceability", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(expected, encoding="utf-8")
    print(f"écrit : {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
