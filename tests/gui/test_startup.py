"""The desktop app's start on its data folder: a second start, a folder it cannot use, a
damaged store offered for recovery."""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.api import Credentials
from app.core.kinds import Kind
from app.db import Store
from app.desktop import DesktopOptions, _run
from app.sandbox import SandboxServer
from app.sync.engine import LAST_SUCCESS_KEY
from app.views.main_window import MainWindow
from tests.admin import commands_sent
from tests.folder_faults import garble_table, held_by_another_process
from tests.sync_harness import Harness


def options(server: SandboxServer, data_dir: Path) -> DesktopOptions:
    creds = server.credentials
    return DesktopOptions(
        data_dir=data_dir, server=server.url,
        credentials=Credentials(creds.contract, creds.apikey, creds.username, creds.password),
    )


async def until(condition: Callable[[], object], timeout: float = 20) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def visible(kind: type, name: str | None = None):  # type: ignore[no-untyped-def]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible() and name in (None,
                                                                         widget.objectName()):
            return widget
    return None


async def answer(button: str) -> str:
    """Wait for the start-up message, click `button`, return what the message said."""
    await until(lambda: visible(QMessageBox, "startup-message"))
    box = visible(QMessageBox, "startup-message")
    text = box.text()
    next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
    return text


def synced(data_dir: Path) -> bool:
    store = Store.reader(data_dir)
    try:
        return store.settings.get(LAST_SUCCESS_KEY) is not None
    finally:
        store.close()


@pytest.fixture
def qapp(qapp: QApplication) -> Iterator[QApplication]:
    """As run_desktop sets it up: closing a last window does not end the loop by itself."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield qapp
    qapp.setQuitOnLastWindowClosed(before)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The app freezes the collector once it is up; a test process must collect again."""
    yield
    gc.unfreeze()


@pytest.mark.expected_warnings("app.desktop")
@pytest.mark.parametrize("trouble", ["folder in use", "folder is a file"])
def test_a_start_that_cannot_use_the_folder_says_why_in_a_dialog(
    qapp: QApplication, loop, sandbox: SandboxServer, data_dir: Path, trouble: str
) -> None:
    async def start_and_read() -> tuple[int, str]:
        return await asyncio.wait_for(
            asyncio.gather(_run(qapp, options(sandbox, data_dir)), answer("OK")), 20)

    if trouble == "folder in use":  # by `fieldclient sync`, say: no window to bring forward
        with held_by_another_process(data_dir):
            code, text = loop.run_until_complete(start_and_read())
        assert text.startswith("Field Client is already running on the data folder")
    else:
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        data_dir.write_text("notes")
        code, text = loop.run_until_complete(start_and_read())
        assert text.startswith(f"{data_dir} is a file, not a data folder")
    assert code == 2
    assert not commands_sent(sandbox)  # nothing started: no sandbox call, no account written


@pytest.mark.expected_warnings("app.desktop")
def test_a_second_start_brings_the_running_window_forward_and_ends(
    qapp: QApplication, loop, sandbox: SandboxServer, data_dir: Path, tmp_path: Path
) -> None:
    creds = sandbox.credentials
    log = tmp_path / "first.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDCLIENT_PASSWORD": creds.password,
           "FIELDCLIENT_APIKEY": creds.apikey}
    with open(log, "w") as output, subprocess.Popen(
        [sys.executable, "-m", "app", "--server", sandbox.url, "--contract", creds.contract,
         "--username", creds.username, "--data-dir", str(data_dir)],
        env=env, stdout=output, stderr=output,
    ) as first:
        try:
            # Its window listens before its first call goes out.
            loop.run_until_complete(until(lambda: commands_sent(sandbox)))
            code = loop.run_until_complete(
                asyncio.wait_for(_run(qapp, options(sandbox, data_dir)), 20))
            assert code == 2
            assert not visible(QMessageBox)  # the running window is the answer, not a dialog
            loop.run_until_complete(
                until(lambda: "bringing the window forward" in log.read_text()))
        finally:
            first.kill()


@pytest.mark.expected_warnings("app.desktop", "app.db.store")
def test_a_damaged_store_is_recovered_from_the_dialog_and_its_unsent_note_is_sent(
    qapp: QApplication, loop, sandbox: SandboxServer, data_dir: Path, unfrozen: None
) -> None:
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    task = min(harness.core.store.objects.ids(Kind.TODO))
    harness.run(harness.core.actions.post_note(Kind.TODO, task, "Kedlen er skiftet"))
    harness.close()
    garble_table(data_dir, "todo")

    async def recover_then_close() -> str:
        text = await answer("Recover")
        await until(lambda: visible(MainWindow))
        await until(lambda: commands_sent(sandbox, "PostMessage"))
        await until(lambda: synced(data_dir))  # close between passes, not in the middle of one
        await until(lambda: visible(QMessageBox, "permission-prompt"))
        visible(QMessageBox, "permission-prompt").button(QMessageBox.StandardButton.No).click()
        visible(MainWindow).close()
        return text

    async def start() -> tuple[int, str]:
        return await asyncio.wait_for(
            asyncio.gather(_run(qapp, options(sandbox, data_dir)), recover_then_close()), 60)

    code, text = loop.run_until_complete(start())

    assert text.startswith(f"The local data in {data_dir} is damaged. Recover it?")
    assert code == 0
    [note] = commands_sent(sandbox, "PostMessage")
    assert note["message"]["message"] == "Kedlen er skiftet"
    assert list(data_dir.glob("fieldclient-damaged-*.sqlite3"))
