"""Which Chromium Playwright launches: its own build where installed, else the system's."""

import os
import shutil
from pathlib import Path

import pytest

# Debian's package; Playwright 1.65 drives it through executable_path.
SYSTEM_CHROMIUM_NAMES = ("chromium", "chromium-browser")

# Without these, the system Chromium keeps calling home at start, which a
# closed CI network refuses, many times over.
SYSTEM_CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def system_chromium_path() -> Path | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return Path(explicit)
    for name in SYSTEM_CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def chromium_launch_args(bundled_chromium: str) -> dict:
    """Launch options: Playwright's own Chromium (`bundled_chromium`, where
    `playwright install chromium` puts it) if it is there, else the system one."""
    if Path(bundled_chromium).exists():
        return {}
    system = system_chromium_path()
    if system is None:
        raise RuntimeError(
            "Aucun Chromium trouvé : ni celui de Playwright (`python -m playwright install chromium`), "
            "ni celui du système (`apt-get install -y chromium`, ou la variable CHROMIUM_PATH)."
        )
    return {"executable_path": str(system), "args": SYSTEM_CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """pytest-playwright's launch options, with the Chromium found here."""
    return {**browser_type_launch_args, **chromium_launch_args(playwright.chromium.executable_path)}
