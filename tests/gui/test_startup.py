"""The desktop app's start on its data folder: a second start, a folder it cannot use, a
damaged store offered for recovery. Each runs the app as `fieldclient` does (`run_desktop`,
its own event loop); Qt timers answer its dialogs as a person would."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.api import Credentials
from app.composition import build_core, sandbox_connection
from app.core.kinds import Kind
from app.db import Store
from app.desktop import DesktopOptions, run_desktop
from app.sandbox import SandboxServer
from app.sync.engine import LAST_SUCCESS_KEY
from app.testkit.dialogs import click, visible
from app.views.main_window import MainWindow
from tests.admin import commands_sent
from tests.folder_faults import garble_table, held_by_another_process
from tests.gui.running import main_window, startup_message, while_running


def options(server: SandboxServer, data_dir: Path) -> DesktopOptions:
    creds = server.credentials
    return DesktopOptions(
        data_dir=data_dir, server=server.url,
        credentials=Credentials(creds.contract, creds.apikey, creds.username, creds.password),
    )


def synced(data_dir: Path) -> bool:
    store = Store.reader(data_dir)
    try:
        return store.settings.get(LAST_SUCCESS_KEY) is not None
    finally:
        store.close()


def note_saved_offline(server: SandboxServer, data_dir: Path, text: str) -> None:
    async def save() -> None:
        core = build_core(data_dir, sandbox_connection(server, data_dir))
        try:
            assert (await core.engine.run_pass()).ok
            await core.actions.post_note(Kind.TODO, min(core.store.objects.ids(Kind.TODO)), text)
        finally:
            await core.aclose()

    asyncio.run(save())


pytestmark = pytest.mark.usefixtures("app_as_run")


@pytest.mark.expected_warnings("app.desktop")
@pytest.mark.parametrize("trouble", ["folder in use", "folder is a file"])
def test_a_start_that_cannot_use_the_folder_says_why_in_a_dialog(
    sandbox: SandboxServer, data_dir: Path, trouble: str
) -> None:
    said: list[str] = []

    def answer() -> None:
        if (box := startup_message()) is not None and not said:
            said.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()

    with contextlib.ExitStack() as trouble_made:
        if trouble == "folder in use":  # by `fieldclient sync`, say: no window to bring forward
            trouble_made.enter_context(held_by_another_process(data_dir))
            expected = "Field Client is already running on the data folder"
        else:
            data_dir.parent.mkdir(parents=True, exist_ok=True)
            data_dir.write_text("notes")
            expected = f"{data_dir} is a file, not a data folder"
        with while_running(answer):
            code = run_desktop(options(sandbox, data_dir))
    assert code == 2
    assert said and said[0].startswith(expected)
    assert not commands_sent(sandbox)  # nothing started: no call made, no account written
    assert visible(MainWindow) is None  # the window painted while the folder was asked for


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX stop signal")
def test_a_stop_signal_ends_a_start_whose_message_is_open(data_dir: Path, tmp_path: Path) -> None:
    """A log-off or a `kill` while the start says why it cannot go on: the message used to
    wait for its OK, and the process with it."""
    output = tmp_path / "start.log"
    with held_by_another_process(data_dir), open(output, "w") as log_output, subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdout=log_output,
        stderr=log_output,
    ) as start:
        try:
            deadline = time.monotonic() + 30
            while "already running on the data folder" not in output.read_text():
                assert time.monotonic() < deadline and start.poll() is None, output.read_text()
                time.sleep(0.05)
            time.sleep(0.5)  # the message is open
            start.send_signal(signal.SIGTERM)
            assert start.wait(timeout=10) == 128 + signal.SIGTERM
        finally:
            start.kill()
    assert "Traceback" not in output.read_text()


# The first app is killed at the end: the sandbox may log a request it cut off.
@pytest.mark.expected_warnings("app.desktop", "uvicorn.error")
def test_a_second_start_brings_the_running_window_forward_and_ends(
    sandbox: SandboxServer, data_dir: Path, tmp_path: Path
) -> None:
    creds = sandbox.credentials
    log = tmp_path / "first.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDCLIENT_PASSWORD": creds.password,
           "FIELDCLIENT_APIKEY": creds.apikey}
    dialogs: list[str] = []

    def watch() -> None:
        if (box := startup_message()) is not None:
            dialogs.append(box.text())
            box.close()
        if visible(MainWindow) is not None:
            dialogs.append("a window")

    with open(log, "w") as output, subprocess.Popen(
        [sys.executable, "-m", "app", "--server", sandbox.url, "--contract", creds.contract,
         "--username", creds.username, "--data-dir", str(data_dir)],
        env=env, stdout=output, stderr=output,
    ) as first:
        try:
            deadline = time.monotonic() + 30
            while not commands_sent(sandbox):  # its window listens before its first call
                assert time.monotonic() < deadline and first.poll() is None, log.read_text()
                time.sleep(0.05)
            with while_running(watch):
                code = run_desktop(options(sandbox, data_dir))
            assert code == 2
            assert dialogs == []  # the running window is the answer, not a dialog nor another
            assert visible(MainWindow) is None
            while "bringing the window forward" not in log.read_text():
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.05)
        finally:
            first.kill()


@pytest.mark.expected_warnings("app.desktop", "app.db.store")
def test_a_damaged_store_is_recovered_from_the_dialog_and_its_unsent_note_is_sent(
    sandbox: SandboxServer, data_dir: Path
) -> None:
    note_saved_offline(sandbox, data_dir, "Kedlen er skiftet")
    garble_table(data_dir, "todo")
    said: list[str] = []

    def recover_then_close() -> None:
        if not said:
            if (box := startup_message()) is not None:
                said.append(box.text())
                click(box, "Recover")
            return
        window = main_window()
        # Close between passes, not in the middle of one, once the note has gone out.
        if window is None or not commands_sent(sandbox, "PostMessage") or not synced(data_dir):
            return
        prompt = visible(QMessageBox, "permission-prompt")
        if isinstance(prompt, QMessageBox):
            prompt.button(QMessageBox.StandardButton.No).click()
        window.close()

    with while_running(recover_then_close):
        code = run_desktop(options(sandbox, data_dir))

    assert said[0].startswith(f"The local data in {data_dir} is damaged. Recover it?")
    assert code == 0
    [note] = commands_sent(sandbox, "PostMessage")
    assert note["message"]["message"] == "Kedlen er skiftet"
    assert list(data_dir.glob("fieldclient-damaged-*.sqlite3"))
