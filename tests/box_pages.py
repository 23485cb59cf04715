"""One box on a page of its own, for a box's tests: built from the store a sync filled, with
hooks that record what its buttons ask, and the office's changes handed on as the page would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import MainPageBox
from app.mainpage_boxes.api import BoxContext, BoxPlugin
from app.mainpage_boxes.widget import BoxView
from tests.admin import change_object
from tests.page_hooks import RecordingHooks
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)


@dataclass
class BoxPage:
    page: QWidget
    view: BoxView
    hooks: RecordingHooks


def definition(harness: Harness, kind: Kind, box_type: str) -> MainPageBox:
    """The box as the sandbox's page of `kind` defines it."""
    return next(b for b in harness.core.session.setup.main_page(kind) if b.box.startswith(box_type))


def context(harness: Harness, plugin: BoxPlugin[Any], kind: Kind, object_id: int,
            box: MainPageBox | None = None) -> BoxContext:
    session = harness.core.session
    found = session.object(kind, object_id)
    assert found is not None
    return BoxContext(kind, object_id, found, box or definition(harness, kind, plugin.box_type),
                      session, NOW)


def show(qtbot: QtBot, harness: Harness, plugin: BoxPlugin[Any], kind: Kind, object_id: int
         ) -> BoxPage:
    """The box of `object_id`'s page, shown (keep the BoxPage: its page owns the box)."""
    hooks = RecordingHooks()
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(480, 600)
    view = BoxView(plugin, context(harness, plugin, kind, object_id), lambda: NOW, hooks.hooks,
                   page)
    layout = QVBoxLayout(page)
    layout.addWidget(view)
    layout.addStretch()
    page.show()
    qtbot.waitExposed(page)
    return BoxPage(page, view, hooks)


def office_changes(harness: Harness, view: BoxView, kind: str, object_id: int,
                   **fields: Any) -> None:
    """The office changes an object; a sync brings it and the page hands on what changed."""
    change_object(harness.server, kind, object_id, **fields)
    harness.changes.clear()
    assert harness.sync().ok
    for changes in harness.changes:
        view.apply_changes(changes)


class OpenedUrls(QObject):
    """Catches the URLs the app hands the system for a scheme (tel, mailto, https)."""

    def __init__(self, *schemes: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.schemes = schemes

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())

    def __enter__(self) -> OpenedUrls:
        for scheme in self.schemes:
            # PySide6 takes the slot name as str (its stubs say bytes, which it refuses).
            QDesktopServices.setUrlHandler(scheme, self, "open")  # type: ignore[arg-type]
        return self

    def __exit__(self, *exc: object) -> None:
        for scheme in self.schemes:
            QDesktopServices.unsetUrlHandler(scheme)
