"""The desktop app's ways out, run in this process: the tray's Quit, closing the window, and Qt
ending its own loop as it does when the Windows session ends. Each one ends `run_desktop`
normally, after its cleanup: the loops stopped, a send under way answered, the sandbox gone."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.api import Credentials
from app.db import Store
from app.db.outbox import OutboxRepo, State
from app.desktop import DesktopOptions, run_desktop
from app.sandbox import SandboxServer
from app.views.main_window import MainWindow
from app.views.tray import SyncTray
from tests.admin import commands_sent, fault
from tests.e2e.test_cli import queue_note, sync_named_server
from tests.e2e.test_exits import REQUEST_CUT_OFF
from tests.gui.running import main_window
from tests.unit.test_outbox_stop import notes_on_server

# The app settles the interpreter for its window; the tests after these need it back.
pytestmark = pytest.mark.usefixtures("interpreter_as_it_was")


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a bare --sandbox makes its throwaway data folder."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def run_until(options: DesktopOptions, ready: Callable[[MainWindow], bool],
              then: Callable[[MainWindow], None]) -> int:
    """Run the app; once its window shows and `ready` holds, do `then` (once)."""

    def look() -> None:
        window = main_window()
        if window is not None and ready(window):
            timer.stop()
            then(window)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(50)
    try:
        return run_desktop(options)
    finally:
        timer.stop()


def test_quit_in_the_tray_ends_the_app_after_its_cleanup(
    qapp: QApplication, temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The offscreen platform has no system tray: build the app's tray and its menu, but show
    # no icon. The Quit under test is the menu's own action.
    monkeypatch.setattr(SyncTray, "available", staticmethod(lambda: True))
    monkeypatch.setattr(SyncTray, "show", lambda self: None)

    def quit_from_the_tray(window: MainWindow) -> None:
        menu = window.findChild(SyncTray).icon.contextMenu()
        next(action for action in menu.actions() if action.text() == "Quit").trigger()

    status = run_until(DesktopOptions(sandbox=True, sandbox_scale=0.05),
                       lambda window: True, quit_from_the_tray)
    assert status == 0
    assert not list(temp_folder.iterdir())


def test_qt_ending_its_loop_as_at_log_off_still_cleans_up(
    qapp: QApplication, temp_folder: Path
) -> None:
    status = run_until(DesktopOptions(sandbox=True, sandbox_scale=0.05),
                       lambda window: True, lambda window: QApplication.quit())
    assert status == 0
    assert not list(temp_folder.iterdir())


@REQUEST_CUT_OFF  # the sync pass the app starts with
def test_closing_the_window_without_a_tray_lets_the_note_being_sent_arrive(
    qapp: QApplication, sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    assert sync_named_server(sandbox, data_dir).returncode == 0
    queue_note(sandbox, data_dir, "Nøgle ligger under måtten")
    fault(sandbox, "delay", delay=1.0, command="PostMessage")
    creds = sandbox.credentials
    options = DesktopOptions(
        data_dir=data_dir, server=sandbox.url,
        credentials=Credentials(creds.contract, creds.apikey, creds.username, creds.password),
    )

    status = run_until(options, lambda window: bool(commands_sent(sandbox, "PostMessage")),
                       MainWindow.close)
    assert status == 0
    store = Store.in_dir(data_dir)
    try:
        assert [entry.state for entry in OutboxRepo.of(store).entries()] == [State.DONE]
    finally:
        store.close()
    assert notes_on_server(sandbox, "Nøgle ligger under måtten") == 1
