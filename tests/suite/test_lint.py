"""The code passes ruff, at its pinned version and with pyproject.toml's settings."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_finds_nothing():
    linted = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert linted.returncode == 0, f"ruff check . :\n{linted.stdout}{linted.stderr}"
