"""The task's description box, as a technician reads it on the task's page."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.description import NO_DESCRIPTION, DescriptionBox
from app.mainpage_boxes.description_widget import MAX_LINES, DescriptionWidget
from app.mainpage_boxes.widget import BoxView
from app.sandbox import SandboxServer
from tests.admin import change_object
from tests.page_hooks import RecordingHooks
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)
LONG = "\n".join(f"Linje {n}: tjek filtre, pumper og ventiler i teknikrummet." for n in range(60))


@pytest.fixture
def synced(sandbox: SandboxServer, data_dir: Path, loop: asyncio.AbstractEventLoop
           ) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    harness.sync()
    yield harness
    harness.close()


def _todo_id(harness: Harness) -> int:
    """The first task the technician has."""
    return harness.core.session.rows(Kind.TODO, [], order_by="id", limit=1)[0][0]


def _office_changes(harness: Harness, **fields: str) -> None:
    """The office changes the task; a sync brings it."""
    change_object(harness.server, "todo", _todo_id(harness), **fields)
    harness.changes.clear()
    harness.sync()


def _resync(harness: Harness, view: BoxView, **fields: str) -> None:
    """… and the page hands on what the sync changed."""
    _office_changes(harness, **fields)
    for changes in harness.changes:
        view.apply_changes(changes)


def _page(qtbot: QtBot, harness: Harness) -> tuple[QWidget, BoxView]:
    """The description box on a page of its own, shown (keep the page: it owns the box)."""
    session = harness.core.session
    todo_id = _todo_id(harness)
    task = session.object(Kind.TODO, todo_id)
    assert task is not None
    box = next(b for b in session.setup.main_page(Kind.TODO) if b.box == "description")
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(480, 900)
    view = BoxView(DescriptionBox(), BoxContext(Kind.TODO, todo_id, task, box, session, NOW),
                   lambda: NOW, RecordingHooks().hooks, page)
    layout = QVBoxLayout(page)
    layout.addWidget(view)
    layout.addStretch()
    page.show()
    qtbot.waitExposed(page)
    return page, view


def _browser(view: BoxView) -> DescriptionWidget:
    assert isinstance(view.body, DescriptionWidget)
    return view.body


def test_a_long_description_scrolls_inside_its_box_and_a_short_one_shows_whole(
    qtbot: QtBot, synced: Harness
) -> None:
    _office_changes(synced, description=LONG)
    _window, view = _page(qtbot, synced)
    browser = _browser(view).browser
    assert view.title == "Description"
    assert browser.toPlainText() == LONG
    line = browser.fontMetrics().lineSpacing()
    assert browser.height() <= (MAX_LINES + 2) * line
    assert browser.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    qtbot.waitUntil(lambda: view.body.height() == browser.height())  # the box holds it whole

    _resync(synced, view, description="Ring til Jens inden ankomst.\nNøgle hos naboen.")
    qtbot.waitUntil(lambda: browser.verticalScrollBar().maximum() == 0)
    assert browser.toPlainText() == "Ring til Jens inden ankomst.\nNøgle hos naboen."
    assert browser.height() < 5 * line  # no empty space below two lines
    qtbot.waitUntil(lambda: view.body.height() == browser.height())


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_a_link_in_the_description_opens_outside_the_app(qtbot: QtBot, synced: Harness) -> None:
    _office_changes(synced, description="Manual: www.danfoss.dk/ecl310 eller ring 70 22 55 55.")
    _window, view = _page(qtbot, synced)
    browser = _browser(view).browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(browser.toPlainText().index("danfoss") + 2)
    opened = _Opened()
    # PySide6 takes the slot name as str (its stubs say bytes, which it refuses).
    QDesktopServices.setUrlHandler("https", opened, "open")  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                         pos=browser.cursorRect(cursor).center())
        qtbot.waitUntil(lambda: opened.urls != [])
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == ["https://www.danfoss.dk/ecl310"]
    assert browser.toPlainText().startswith("Manual: www.danfoss.dk/ecl310")  # still on the page


def test_the_box_hides_without_a_description_and_returns_with_one(
    qtbot: QtBot, synced: Harness
) -> None:
    _window, view = _page(qtbot, synced)
    assert view.isVisible()
    _resync(synced, view, description="  ")
    assert not view.isVisible() and view.toolTip() == NO_DESCRIPTION
    _resync(synced, view, description="Skift termostat i stuen.")
    assert view.isVisible()
    assert _browser(view).browser.toPlainText() == "Skift termostat i stuen."
