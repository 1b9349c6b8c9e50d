"""The README and the docs name only what exists: every link and every path in backquotes."""

import re
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

DOCUMENTS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md")), PROJECT_ROOT / "bench" / "README.md",
             PROJECT_ROOT / "mock_site" / "README.md"]
TOP_LEVEL = {path.name for path in PROJECT_ROOT.iterdir() if not path.name.startswith(".")} | {".ci"}
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
_QUOTED_PATH = re.compile(r"`([\w.-]+/[\w./-]*)`")
# Paths that a run makes, or that live outside the repository.
MADE_BY_A_RUN = ("reports/", ".tools/", ".venv/", "../shared/")


def _named_paths(document: Path) -> list[str]:
    text = document.read_text(encoding="utf-8")
    links = [link for link in _LINK.findall(text) if not re.match(r"[a-z]+:", link)]
    quoted = [path for path in _QUOTED_PATH.findall(text) if path.split("/")[0] in TOP_LEVEL]
    return [(document.parent / link).as_posix() for link in links] + [(PROJECT_ROOT / path).as_posix() for path in quoted]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_every_path_a_document_names_exists(document):
    missing = [path for path in _named_paths(document)
               if not Path(path).exists() and not any(made in path for made in MADE_BY_A_RUN)]
    assert not missing, f"{document.relative_to(PROJECT_ROOT)} nomme des chemins qui n'existent pas : {missing}"
