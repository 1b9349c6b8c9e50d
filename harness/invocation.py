"""Where pytest was pointed: installed as a plugin (pyproject.toml, pytest11), so that it runs even when
pytest has not found this project's pytest.ini, and then no conftest.py of the suite is read.

pytest picks its root folder from the command line's paths before it knows the suite's options: in
`pytest --browser-server-chromium /usr/bin/chromium` the path after the option is taken for a test path,
/usr/bin becomes the root, and the run would stop on "unrecognized arguments". Said here, in the tester's
terms, with the way to write it."""

from itertools import pairwise
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def pytest_load_initial_conftests(early_config: pytest.Config, args: list[str]) -> None:
    invocation = early_config.invocation_params.dir.resolve()
    if early_config.inipath is not None or not invocation.is_relative_to(PROJECT):
        return
    spaced = [f"{option} {value}" for option, value in pairwise(args)
              if option.startswith("--") and "=" not in option and not value.startswith("-")
              and not Path(value).resolve().is_relative_to(PROJECT)]
    written = "; ".join(f"« {pair} » s'écrit « {pair.replace(' ', '=', 1)} »" for pair in spaced)
    raise pytest.UsageError(
        f"pytest n'a pas trouvé le pytest.ini de la suite ({PROJECT / 'pytest.ini'}) : il a pris {early_config.rootpath} "
        f"pour dossier racine, d'après les chemins de la ligne de commande. "
        + (f"Donnez la valeur d'une option avec « = » : {written}. " if spaced else "")
        + "Ou nommez le dossier des scénarios : pytest steps …, ./run.sh acceptance …"
    )
