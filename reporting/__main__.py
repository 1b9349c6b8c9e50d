"""python -m reporting reports/cucumber.json -o reports/rapport.html

Builds the HTML report from a cucumber JSON file alone (no evidence: no skip
reasons, screenshots, traces or mails; the pytest plugin adds those).
"""

import argparse
import sys
from pathlib import Path

from reporting.report import DEFAULT_HTML_NAME, RunInfo, write_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reporting", description="Rapport HTML de recette à partir d'un JSON Cucumber (pytest-bdd)."
    )
    parser.add_argument("cucumber_json", type=Path, help="le JSON Cucumber écrit par --cucumberjson")
    parser.add_argument("-o", "--output", type=Path, help="le fichier HTML (par défaut rapport.html à côté du JSON)")
    parser.add_argument("--cible", help="l'URL du site testé, affichée dans la synthèse")
    parser.add_argument("--mailpit", help="l'URL du Mailpit utilisé, affichée dans la synthèse")
    args = parser.parse_args(argv)
    if not args.cucumber_json.is_file():
        parser.error(f"JSON Cucumber introuvable : {args.cucumber_json}")
    output = args.output or args.cucumber_json.with_name(DEFAULT_HTML_NAME)
    written = write_report(args.cucumber_json, output, run=RunInfo(target=args.cible, mailpit=args.mailpit))
    print(f"rapport HTML : {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
