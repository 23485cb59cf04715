"""One main-page box on a page of its own, against a store synced from the sandbox: what the
address, toolservice and tooltake box tests share."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import MainPageBox
from app.mainpage_boxes.api import BoxContext, BoxPlugin, PageHooks
from app.mainpage_boxes.widget import BoxView
from tests.admin import change_object
from tests.sync_harness import Harness


class Pressed:
    """Page hooks that keep the actions a box's buttons start, for the test to run on the
    harness's loop (the page would run them as tasks)."""

    def __init__(self) -> None:
        self.actions: list[Awaitable[Any]] = []
        self.hooks = PageHooks(self.actions.append, lambda kind, object_id: None)


def box_page(qtbot: QtBot, harness: Harness, plugin: BoxPlugin[Any], kind: Kind, object_id: int,
             now: datetime, pressed: Pressed | None = None) -> tuple[QWidget, BoxView]:
    """The box of the sandbox's page of `kind` for the object, shown (keep the page: it owns
    the box)."""
    session = harness.core.session
    found = session.object(kind, object_id)
    assert found is not None
    box = next((b for b in session.setup.main_page(kind) if plugin.handles(b.box)),
               MainPageBox(0, plugin.box_type, plugin.box_type, False, 0, 0))
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(420, 600)
    view = BoxView(plugin, BoxContext(kind, object_id, found, box, session, now),
                   lambda: now, (pressed or Pressed()).hooks, page)
    layout = QVBoxLayout(page)
    layout.addWidget(view)
    layout.addStretch()
    page.show()
    qtbot.waitExposed(page)
    return page, view


def resync(harness: Harness, view: BoxView, kind: Kind, object_id: int, **fields: Any) -> None:
    """The office changes the object; a sync brings it and the page hands on the changes."""
    change_object(harness.server, kind.value, object_id, **fields)
    harness.changes.clear()
    harness.sync()
    for changes in harness.changes:
        view.apply_changes(changes)


def press(harness: Harness, view: BoxView, pressed: Pressed, button: QAbstractButton) -> None:
    """Click the button, run what it started, and hand its changes to the box as the page
    does."""
    harness.changes.clear()
    button.click()
    while pressed.actions:
        harness.run(pressed.actions.pop(0))
    for changes in harness.changes:
        view.apply_changes(changes)


def send(harness: Harness, view: BoxView) -> None:
    """The outbox sender delivers what waits; its answers reach the box."""
    harness.changes.clear()
    harness.run(harness.core.sender.run_once())
    for changes in harness.changes:
        view.apply_changes(changes)
