"""A start paints its window before it loads the app's core: the main window's shell is painted
(its title, menus, toolbar, tabs, the lists' headers and the task list's first rows, read from
the store's file with the standard library) before the data folder's lock, the store, peewee,
the keyring, the sync modules, the box plugins, asyncio and qasync are imported; the folder is
locked and the window given its session after that. httpx (and its TLS context) comes with
the first request, the sandbox (Faker) only with --sandbox. bench/cold_start.py has the
figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.composition import build_core, sandbox_connection
from app.sync.account import Account, AccountStore
from tests.file_keyring import PATH_ENV, FileKeyring

REPO = Path(__file__).resolve().parents[2]
NETWORK_ONLY = ("httpx", "httpcore")
SANDBOX_ONLY = ("app.sandbox", "faker", "uvicorn", "starlette")
# What the window's first paint does without: the core, and what the core is built on.
CORE = ("app.db.store", "app.db.objects", "app.db.outbox", "app.sync", "app.api",
        "app.composition", "app.cli", "app.mainpage_boxes", "peewee", "keyring", "asyncio",
        "qasync", "orjson", "filelock")
# Of those, what reads the task list's first rows for that paint (app/sync/first_look.py).
# Not orjson: it brings uuid and json, 4-6 ms of the first paint.
FIRST_LOOK = ("app.sync", "app.sync.first_look", "app.sync.keys", "app.sync.listing")

# The probe runs the app in its own process and notes which modules were loaded when the app
# first wrote to its output: --quit-when-shown writes the moment of the first paint first.
PROBE = """
import io, json, linecache, sys
from app.__main__ import main

class Noting(io.StringIO):
    at_first_paint = None
    def write(self, text):
        if self.at_first_paint is None:
            widgets = vars(sys.modules["PySide6.QtWidgets"])  # PySide6 makes a class when used
            self.at_first_paint = sorted(sys.modules) + [
                f"PySide6.QtWidgets.{name}" for name in sorted(widgets) if name.startswith("Q")]
        return super().write(text)

noting, shown = Noting(), sys.stdout
sys.stdout = noting
status = main(sys.argv[1:])
sys.stdout = shown
print(json.dumps([status, noting.getvalue().split(), noting.at_first_paint, sorted(sys.modules),
                  sorted(linecache.cache)]))
"""


@pytest.fixture
def saved_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A data folder with a saved account, its secrets in the test keyring, as `fieldclient
    login` leaves it: the environment a start finds them in."""
    monkeypatch.setenv(PATH_ENV, str(tmp_path / "keyring.json"))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _save_account(data_dir)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", PATH_ENV: str(tmp_path / "keyring.json"),
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            "FIELDCLIENT_DATA": str(data_dir)}


@pytest.fixture
def synced_account(saved_account, sandbox, loop) -> dict[str, str]:
    """The same, with a store a sync has filled."""
    data_dir = Path(saved_account["FIELDCLIENT_DATA"])
    core = build_core(data_dir, sandbox_connection(sandbox, data_dir))
    try:
        assert loop.run_until_complete(core.engine.run_pass()).ok
    finally:
        loop.run_until_complete(core.aclose())
    _save_account(data_dir)  # the sandbox's account took its place
    return saved_account


def _save_account(data_dir: Path) -> None:
    AccountStore(data_dir, backend=FileKeyring()).save(
        Account("https://microbizz.invalid/api/endpoint.php", "4711", "tekniker"),
        password="secret", apikey="key")


def _started(env: dict[str, str]) -> tuple[int, dict[str, float], set[str], set[str]]:
    """A start on the saved account that quits once its window is usable: its exit status,
    the moments it printed by name, the modules loaded at its first paint and at its end."""
    status, moments, at_paint, at_end, _sources_read = _run(env)
    return status, moments, at_paint, at_end


def _run(env: dict[str, str]) -> tuple[int, dict[str, float], set[str], set[str], list[str]]:
    """`_started`'s figures, and the source files read into `linecache` by the end."""
    argv = ["--data-dir", env["FIELDCLIENT_DATA"], "--quit-when-shown"]
    finished = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60, check=True)
    status, printed, at_paint, at_end, read = json.loads(finished.stdout.splitlines()[-1])
    moments = {name: float(moment) for name, moment in zip(printed[::2], printed[1::2],
                                                            strict=True)}
    return status, moments, set(at_paint), set(at_end), read


def _of(loaded: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(name for name in loaded
                  if any(name == package or name.startswith(f"{package}.")
                         for package in packages))


def test_the_window_is_painted_before_the_core_is_loaded(saved_account):
    status, moments, at_paint, at_end = _started(saved_account)
    assert status == 0
    assert list(moments) == ["window", "session"]  # no store yet: no rows before the session
    assert "app.views.main_window" in at_paint  # the probe is sound: the window was there
    assert _of(at_paint, CORE) == list(FIRST_LOOK)
    assert "app.sync.session" in at_end  # and the window was then given its session


def test_the_first_paint_makes_no_message_box(saved_account):
    """Making QMessageBox's class and its enums costs about 2 ms; the start needs one only
    to say why it cannot go on (app/desktop.py `ask`)."""
    status, _moments, at_paint, _at_end = _started(saved_account)
    assert status == 0
    assert "PySide6.QtWidgets.QMainWindow" in at_paint  # the probe sees the classes made
    assert "PySide6.QtWidgets.QMessageBox" not in at_paint


def test_a_start_on_a_folder_no_one_holds_asks_no_window_to_come_forward(saved_account):
    """Asking costs QtNetwork's import and a connection, 6-7 ms of the first paint; with the
    folder's lock free no window could answer (a held folder: tests/gui/test_startup.py)."""
    status, _moments, at_paint, at_end = _started(saved_account)
    assert status == 0
    assert "PySide6.QtNetwork" not in at_paint
    assert "PySide6.QtNetwork" in at_end  # the window then listens for the next start


def test_a_synced_store_paints_its_first_task_rows_with_the_window(synced_account):
    status, moments, at_paint, _at_end = _started(synced_account)
    assert status == 0
    assert list(moments) == ["window", "rows", "session"]
    assert moments["rows"] == moments["window"] < moments["session"]
    assert _of(at_paint, CORE) == list(FIRST_LOOK)


def test_the_window_is_usable_before_httpx_or_the_sandbox_is_loaded(saved_account):
    status, _moments, _at_paint, at_end = _started(saved_account)
    assert status == 0
    assert _of(at_end, (*NETWORK_ONLY, *SANDBOX_ONLY)) == []


def test_a_start_reads_the_source_of_none_of_the_modules_it_imports(synced_account):
    """PySide6 would read every module's source as it is imported (app/views/source_scan.py):
    tens of milliseconds of the start, and the lines kept in memory for the app's life. Only
    what PySide6 imports before it can be told not to is read (its own, and enum's)."""
    status, moments, _at_paint, at_end, read = _run(synced_account)
    assert status == 0
    assert "session" in moments and "app.sync.session" in at_end  # the whole start was made
    assert "peewee" in at_end and "qasync" in at_end
    assert [Path(path).name for path in read
            if "PySide6" not in path and "shiboken6" not in path] == ["enum.py"]
