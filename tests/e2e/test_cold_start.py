"""A start paints its window before it loads the app's core: the data folder is locked and the
main window's shell painted (its title, menus, toolbar, tabs and the lists' headers) before
the store, peewee, the keyring, the sync modules, the box plugins, asyncio and qasync are
imported; the window is given its session after that. httpx (and its TLS context) comes with
the first request, the sandbox (Faker) only with --sandbox. bench/cold_start.py has the
figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sync.account import Account, AccountStore
from tests.file_keyring import PATH_ENV, FileKeyring

REPO = Path(__file__).resolve().parents[2]
NETWORK_ONLY = ("httpx", "httpcore")
SANDBOX_ONLY = ("app.sandbox", "faker", "uvicorn", "starlette")
# What the window's first paint does without: the core, and what the core is built on.
CORE = ("app.db.store", "app.db.objects", "app.db.outbox", "app.sync", "app.api",
        "app.composition", "app.cli", "app.mainpage_boxes", "peewee", "keyring", "asyncio",
        "qasync", "orjson")

# The probe runs the app in its own process and notes which modules were loaded when the app
# first wrote to its output: --quit-when-shown writes the moment of the first paint first.
PROBE = """
import io, json, sys
from app.__main__ import main

class Noting(io.StringIO):
    at_first_paint = None
    def write(self, text):
        if self.at_first_paint is None:
            self.at_first_paint = sorted(sys.modules)
        return super().write(text)

noting, shown = Noting(), sys.stdout
sys.stdout = noting
status = main(sys.argv[1:])
sys.stdout = shown
print(json.dumps([status, noting.getvalue().split(), noting.at_first_paint, sorted(sys.modules)]))
"""


@pytest.fixture
def saved_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A data folder with a saved account, its secrets in the test keyring, as `fieldclient
    login` leaves it: the environment a start finds them in."""
    monkeypatch.setenv(PATH_ENV, str(tmp_path / "keyring.json"))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    AccountStore(data_dir, backend=FileKeyring()).save(
        Account("https://microbizz.invalid/api/endpoint.php", "4711", "tekniker"),
        password="secret", apikey="key")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", PATH_ENV: str(tmp_path / "keyring.json"),
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            "FIELDCLIENT_DATA": str(data_dir)}


def _started(env: dict[str, str]) -> tuple[int, list[str], set[str], set[str]]:
    """A start on the saved account that quits once its window is usable: its exit status,
    the moments it printed, the modules loaded at its first paint and at its end."""
    argv = ["--data-dir", env["FIELDCLIENT_DATA"], "--quit-when-shown"]
    finished = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60, check=True)
    status, printed, at_paint, at_end = json.loads(finished.stdout.splitlines()[-1])
    return status, printed, set(at_paint), set(at_end)


def _of(loaded: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(name for name in loaded
                  if any(name == package or name.startswith(f"{package}.")
                         for package in packages))


def test_the_window_is_painted_before_the_core_is_loaded(saved_account):
    status, printed, at_paint, at_end = _started(saved_account)
    assert status == 0
    assert len(printed) == 2  # the window there, then the window usable
    assert "app.views.main_window" in at_paint  # the probe is sound: the window was there
    assert _of(at_paint, CORE) == []
    assert "app.sync.session" in at_end  # and the window was then given its session


def test_the_window_is_usable_before_httpx_or_the_sandbox_is_loaded(saved_account):
    status, _printed, _at_paint, at_end = _started(saved_account)
    assert status == 0
    assert _of(at_end, (*NETWORK_ONLY, *SANDBOX_ONLY)) == []
