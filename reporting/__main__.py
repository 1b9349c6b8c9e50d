"""python -m reporting reports/cucumber.json -o reports/rapport.html
python -m reporting merge reports/shard-1 reports/shard-2 … [-o reports]

The first builds the HTML report from a cucumber JSON file alone (no
evidence: no skip reasons, screenshots, traces or mails; the pytest plugin
adds those). The second merges the folders of shards (``pytest steps
--splits N --group K --reports-dir DOSSIER``) into one report (rapport.html,
rapport.json) and one junit.xml; its exit code is the verdict's: 0 for
« Recette réussie » only, 1 en échec (a scenario in two shards or a missing
shard included), 6 incomplète, 5 no scenario at all, 2 folders it cannot merge.
"""

import argparse
import os
import sys
from pathlib import Path

from reporting.model import RunInfo
from reporting.report import DEFAULT_HTML_NAME, write_report
from reporting.shards import ShardError, merge
from reporting.verdict import verdict_of


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["merge"]:
        return merge_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m reporting",
        description="Rapport HTML de recette à partir d'un JSON Cucumber (pytest-bdd). "
        "Pour fusionner des shards : python -m reporting merge DOSSIER…",
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


def merge_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reporting merge",
        description="Un rapport (rapport.html, rapport.json) et un junit.xml à partir des dossiers des shards "
        "(pytest steps --splits N --group K --reports-dir DOSSIER). Code de sortie : 0 si « Recette réussie », "
        "1 en échec, 6 incomplète, 5 aucun scénario, 2 dossiers impossibles à fusionner.",
    )
    parser.add_argument("folders", type=Path, nargs="+", metavar="DOSSIER", help="le dossier d'un shard")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="DOSSIER",
        help="où écrire le rapport fusionné (par défaut le dossier parent commun des shards)",
    )
    parser.add_argument(
        "--splits", type=int, metavar="N",
        help="le nombre de shards attendus (le --splits des shards) : un shard absent fait échouer la fusion",
    )
    args = parser.parse_args(argv)
    out_dir = args.output or Path(os.path.commonpath([folder.absolute() for folder in args.folders]))
    try:
        html, junit, run, results = merge(args.folders, out_dir, args.splits)
    except ShardError as error:
        parser.error(str(error))
    verdict = verdict_of(results, run)
    for problem in run.run_errors:
        print(f"ERREUR DE FUSION : {problem}", file=sys.stderr)
    print(f"rapport fusionné de {len(args.folders)} shards : {html} ; JUnit : {junit}")
    print(f"{verdict.text} : " + " ".join(verdict.details))
    return verdict.exit_code


if __name__ == "__main__":
    sys.exit(main())
