"""The technician's actions on a main page, each through the outbox to the sandbox."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.db.outbox import Lane
from app.sandbox import SandboxServer
from app.views.object_actions import CHECK_IN, CHECK_OUT, ObjectActions
from tests.admin import commands_sent
from tests.box_pages import LoopHooks
from tests.sync_harness import Harness

HERE = (55.6761, 12.5683)


class Page:
    """The actions on a page of their own, following the change stream as the page does."""

    def __init__(self, qtbot: QtBot, harness: Harness, kind: Kind = Kind.TODO) -> None:
        self.harness = harness
        self.session = harness.core.session
        self.object_id = self.session.rows(kind, [], order_by="id", limit=1)[0][0]
        self.recording = LoopHooks(harness.loop)
        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.widget.resize(640, 200)
        self.actions = ObjectActions(self.session, kind, self.object_id, self.recording.hooks,
                                     self.widget, locate=lambda: HERE)
        layout = QVBoxLayout(self.widget)
        layout.addWidget(self.actions)
        layout.addStretch()
        self._unsubscribe = self.session.changes.subscribe(self.actions.apply_changes)
        self.widget.show()
        qtbot.waitExposed(self.widget)

    def settle(self) -> None:
        """The action asked for has run (its local effect is stored and shown)."""

        async def ended() -> None:
            async with asyncio.timeout(2):
                while not self.recording.tasks:
                    await asyncio.sleep(0.01)
            tasks, self.recording.tasks = self.recording.tasks, []
            await asyncio.gather(*tasks)

        self.harness.run(ended())

    def send(self) -> None:
        """The outbox sender delivers what waits."""
        self.harness.run(self.harness.core.sender.run_once())

    @property
    def pending(self) -> str:
        label = self.actions.pending_label
        return label.text() if label.isVisible() else ""

    @property
    def badge(self) -> str:
        return self.actions.badge.text() if self.actions.badge.isVisible() else ""

    def close(self) -> None:
        self._unsubscribe()


@pytest.fixture
def page(qtbot: QtBot, synced: Harness) -> Iterator[Page]:
    shown = Page(qtbot, synced)
    yield shown
    shown.close()


def test_check_in_then_out_on_a_task_reaches_the_server_and_the_button_follows(
    qtbot: QtBot, page: Page
) -> None:
    button = page.actions.checkin_button
    assert button.text() == CHECK_IN and page.pending == "" and page.badge == ""

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page.settle()
    assert button.text() == CHECK_OUT  # at once, before it is sent
    assert page.pending == "Check-in waiting to be sent" and page.badge == "1"

    page.send()
    assert page.pending == "" and page.badge == ""
    (checkin,) = commands_sent(page.harness.server, "DoCheckIn")
    assert checkin["objectid"] == page.object_id
    assert (checkin["latitude"], checkin["longitude"]) == HERE

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page.settle()
    assert button.text() == CHECK_IN
    assert page.pending == "Check-out waiting to be sent" and page.badge == "1"
    page.send()
    assert page.pending == ""
    (checkout,) = commands_sent(page.harness.server, "DoCheckOut")
    assert checkout["checkinid"]  # the check-in the server made


def test_the_check_in_shortcut_and_a_check_in_elsewhere(qtbot: QtBot, page: Page) -> None:
    page.widget.activateWindow()
    qtbot.waitUntil(page.widget.isActiveWindow)
    qtbot.keyClick(page.widget, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    page.settle()  # a shortcut clicks the button a moment later
    assert page.actions.checkin_button.text() == CHECK_OUT

    # Another task's page, while checked in here: its check-in button waits for a check-out.
    other = page.session.rows(Kind.TODO, [], order_by="id", offset=1, limit=1)[0][0]
    there = ObjectActions(page.session, Kind.TODO, other, page.recording.hooks, page.widget,
                          locate=lambda: HERE)
    assert not there.checkin_button.isEnabled()
    assert "check out there first" in there.checkin_button.toolTip()


def test_a_state_change_shows_at_once_and_reaches_the_server(qtbot: QtBot, page: Page) -> None:
    task = page.session.object(Kind.TODO, page.object_id)
    assert task is not None
    menu = page.actions.state_menu.actions()
    assert [a.text() for a in menu if a.isChecked()] == [task["statetext"]]
    target = next(s for s in page.session.setup.task_states()
                  if not s.isclosed and s.id != task["stateid"])
    next(a for a in menu if a.text() == target.title).trigger()
    page.settle()
    assert page.actions.state_button.text() == f"State: {target.title}"
    assert [a.text() for a in page.actions.state_menu.actions() if a.isChecked()] == [
        target.title]
    assert page.pending == "State change waiting to be sent"

    page.send()
    assert page.pending == ""
    (sent,) = commands_sent(page.harness.server, "CreateUpdateTodo")
    assert sent["todo"] == {"id": page.object_id, "stateid": target.id}
    server_task = httpx.get(f"{page.harness.server.base_url}/_sandbox/objects/todo/"
                            f"{page.object_id}").json()
    assert server_task["stateid"] == target.id


def test_a_written_note_waits_then_is_sent(qtbot: QtBot, page: Page) -> None:
    assert not page.actions.note_editor.isVisible()
    qtbot.mouseClick(page.actions.note_button, Qt.MouseButton.LeftButton)
    assert page.actions.note_editor.isVisible()
    assert not page.actions.send_note_button.isEnabled()
    qtbot.keyClicks(page.actions.note_text, "Nøgle hos naboen, ring 10 min før.")
    qtbot.mouseClick(page.actions.send_note_button, Qt.MouseButton.LeftButton)
    page.settle()
    assert not page.actions.note_editor.isVisible()
    assert page.pending == "Note waiting to be sent" and page.badge == "1"

    page.send()
    assert page.pending == "" and page.badge == ""
    (note,) = commands_sent(page.harness.server, "PostMessage")
    assert note["message"] == {"message": "Nøgle hos naboen, ring 10 min før."}
    assert note["objectid"] == page.object_id


def _documents(server: SandboxServer) -> list[dict]:
    reply = httpx.get(f"{server.base_url}/_sandbox/objects/document")
    reply.raise_for_status()
    answer = reply.json()
    return list(answer.values()) if isinstance(answer, dict) else answer


def _picture(path: Path, fmt: str) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path), fmt)
    return path


def test_a_photo_from_a_file_is_converted_to_jpeg_queued_as_an_attachment_and_sent(
    qtbot: QtBot, page: Page, tmp_path: Path
) -> None:
    png = _picture(tmp_path / "tavle.png", "PNG")
    qtbot.mouseClick(page.actions.photo_button, Qt.MouseButton.LeftButton)
    dialog = page.actions.findChild(QFileDialog, "photo-dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(png))
    dialog.accept()
    page.settle()
    (entry,) = page.session.pending(Kind.TODO, page.object_id)
    assert entry.lane is Lane.ATTACHMENT
    assert page.pending == "Photo waiting to be sent"

    page.send()
    assert page.pending == ""
    (sent,) = commands_sent(page.harness.server, "AddPhotoToTodo")
    jpeg = base64.b64decode(sent["imagedata"])
    assert jpeg.startswith(b"\xff\xd8") and sent["title"] == "tavle"
    (document,) = _documents(page.harness.server)
    assert document["objectid"] == page.object_id and document["size"] == len(jpeg)


def test_a_jpeg_dropped_on_the_page_is_sent_as_it_is(
    qtbot: QtBot, page: Page, tmp_path: Path
) -> None:
    jpeg = _picture(tmp_path / "maaler.jpg", "JPEG")
    page.actions.accept_photo_drops(page.widget)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(jpeg))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(page.widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(page.widget, drop)
    page.settle()
    (entry,) = page.session.pending(Kind.TODO, page.object_id)
    assert entry.lane is Lane.ATTACHMENT

    page.send()
    (sent,) = commands_sent(page.harness.server, "AddPhotoToTodo")
    assert base64.b64decode(sent["imagedata"]) == jpeg.read_bytes()
    assert len(_documents(page.harness.server)) == 1


def test_a_dragged_file_that_is_no_picture_is_not_taken(qtbot: QtBot, page: Page,
                                                       tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("no picture")
    page.actions.accept_photo_drops(page.widget)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(page.widget, enter)
    assert not enter.isAccepted()
    assert page.session.pending(Kind.TODO, page.object_id) == []
