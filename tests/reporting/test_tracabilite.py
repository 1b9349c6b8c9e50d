"""The traceability table (docs/traceability.md) and its check."""

import difflib

from reporting.guide import GAP_TEXT, GUIDE_PARTS
from reporting.traceability import (
    DEFAULT_FEATURES,
    DEFAULT_OUTPUT,
    main,
    read_scenarios,
    render_table,
)

ACCUEIL = """\
# language: fr
Fonctionnalité: Accueil

  @etape-0
  Scénario: Rejoindre la connexion
    Étant donné la page d'accueil

  @etape-0
  Scénario: Lien | visible
    Étant donné la page d'accueil

  Scénario: Brouillon sans étiquette
    Étant donné la page d'accueil
"""

MOT_DE_PASSE = """\
# language: fr
@etape-5
Fonctionnalité: Nouveau mot de passe

  Plan du Scénario: Le mot de passe <mdp> est refusé
    Étant donné le mot de passe "<mdp>"

    Exemples:
      | mdp  |
      | Abc1 |
      | abc  |

  @brouillon
  Scénario: Règle à écrire
    Étant donné le mot de passe "x"
"""


def test_committed_table_matches_the_features():
    expected = render_table(read_scenarios(DEFAULT_FEATURES))
    committed = DEFAULT_OUTPUT.read_text(encoding="utf-8") if DEFAULT_OUTPUT.exists() else ""
    diff = "".join(difflib.unified_diff(committed.splitlines(True), expected.splitlines(True), "committed", "features"))
    assert committed == expected, (
        f"{DEFAULT_OUTPUT} ne correspond plus à {DEFAULT_FEATURES} ; "
        f"régénérez-le : python -m reporting.traceability\n{diff}"
    )


def write_features(directory, **files):
    directory.mkdir(exist_ok=True)
    for name, text in files.items():
        (directory / f"{name}.feature").write_text(text, encoding="utf-8")


def test_table_lists_each_part_in_the_guide_order_with_its_scenarios_or_a_gap(tmp_path):
    features = tmp_path / "features"
    write_features(features, accueil=ACCUEIL, mot_de_passe=MOT_DE_PASSE)

    table = render_table(read_scenarios(features))
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]  # after the header and its rule

    assert [row.split(" | ")[0][2:] for row in rows] == [p.title for p in GUIDE_PARTS] + ["Scénarios sans partie du guide"]
    assert rows[0] == (
        "| Étape 0 : se rendre sur le compte ameli | `@etape-0` | `features/accueil.feature` "
        "| Rejoindre la connexion<br>Lien \\| visible |"
    )
    # A feature's tag applies to its scenarios; an outline names its examples.
    assert "| `@etape-5` | `features/mot_de_passe.feature` | Le mot de passe &lt;mdp&gt; est refusé (plan, 2 exemples)<br>Règle à écrire |" in table
    assert rows[1] == f"| Étape 1 : choisir « Mot de passe oublié » | `@etape-1` | — | **{GAP_TEXT}** |"
    assert sum(GAP_TEXT in row for row in rows) == len(GUIDE_PARTS) - 2  # every part but @etape-0 and @etape-5
    assert rows[-1] == "| Scénarios sans partie du guide | aucune | `features/accueil.feature` | Brouillon sans étiquette |"
    assert f"5 scénarios ; 2 parties du guide couvertes sur {len(GUIDE_PARTS)}." in table


def test_check_fails_with_a_diff_when_the_features_change(tmp_path, capsys):
    features, output = tmp_path / "features", tmp_path / "traceability.md"
    write_features(features, accueil=ACCUEIL)
    assert main(["--features", str(features), "--output", str(output)]) == 0
    assert main(["--features", str(features), "--output", str(output), "--check"]) == 0

    write_features(features, accueil=ACCUEIL.replace("Rejoindre la connexion", "Rejoindre l'espace de connexion"))
    capsys.readouterr()
    assert main(["--features", str(features), "--output", str(output), "--check"]) == 1
    captured = capsys.readouterr()
    assert "-| Étape 0 : se rendre sur le compte ameli | `@etape-0` | `features/accueil.feature` | Rejoindre la connexion<br>" in captured.out
    assert "+| Étape 0 : se rendre sur le compte ameli | `@etape-0` | `features/accueil.feature` | Rejoindre l'espace de connexion<br>" in captured.out
    assert "python -m reporting.traceability" in captured.err


def test_check_fails_when_the_table_is_missing(tmp_path):
    features = tmp_path / "features"
    write_features(features, accueil=ACCUEIL)
    assert main(["--features", str(features), "--output", str(tmp_path / "absent.md"), "--check"]) == 1
