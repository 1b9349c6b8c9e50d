"""The third-party internals the suite relies on, fenced: one module per library (pytest-bdd,
pytest-playwright), each checking at import that the installed version is the one it was read
in, and stopping the run otherwise. pytest's own private modules (`_pytest`) are not used."""

from importlib.metadata import version


class IncompatibleVersion(ImportError):
    """A library whose internals the suite uses is not the version they were read in."""


def require(distribution: str, written_for: str, module: str, touched: str) -> None:
    installed = version(distribution)
    if installed != written_for:
        raise IncompatibleVersion(
            f"{distribution} {installed} est installé ; la suite utilise de ses internes ({touched}), "
            f"relus pour la version {written_for}. Installez la version épinglée ({distribution}=={written_for}, "
            f"comme le fait ./run.sh), ou relisez {module} pour la {installed} avant d'y changer la version."
        )
