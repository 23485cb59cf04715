"""One box of a main page on a page of its own, against a store synced from the sandbox, with
the page's hooks recorded and its ChangeSets handed on as the real page does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import MainPageBox
from app.mainpage_boxes.api import BoxContext, BoxPlugin, PageHooks
from app.mainpage_boxes.widget import BoxView
from tests.sync_harness import Harness


class BoxPage:
    """`page` owns the view; the actions its buttons start wait in `started` (and the pages
    they open in `opened`) until `settle` runs them on the test's loop and hands every
    ChangeSet since the last call to the view."""

    def __init__(self, qtbot: QtBot, harness: Harness, plugin: BoxPlugin[Any], kind: Kind,
                 object_id: int, now: Callable[[], datetime]) -> None:
        session = harness.core.session
        found = session.object(kind, object_id)
        assert found is not None
        box = next((b for b in session.setup.main_page(kind) if plugin.handles(b.box)),
                   MainPageBox(0, plugin.box_type, plugin.box_type, False, 0, 0))
        self.harness = harness
        self.started: list[Awaitable[Any]] = []
        self.opened: list[tuple[Kind, int]] = []
        self.page = QWidget()
        qtbot.addWidget(self.page)
        self.page.resize(480, 600)
        self.view = BoxView(plugin, BoxContext(kind, object_id, found, box, session, now()),
                            now, PageHooks(self.started.append, self._open), self.page)
        layout = QVBoxLayout(self.page)
        layout.addWidget(self.view)
        layout.addStretch()
        harness.changes.clear()
        self.page.show()
        qtbot.waitExposed(self.page)

    def settle(self) -> None:
        """Await the actions the box's buttons started, then deliver what changed."""
        while self.started:
            self.harness.run(self.started.pop(0))
        changes, self.harness.changes[:] = list(self.harness.changes), []
        for change in changes:
            self.view.apply_changes(change)

    def _open(self, kind: Kind, object_id: int) -> None:
        self.opened.append((kind, object_id))

    def act(self, action: Any) -> None:
        """An action from elsewhere on the page (the check-in button), then what it changed."""
        self.harness.run(action)
        self.settle()

    def resync(self) -> None:
        """A sync pass, and what it changed."""
        self.harness.changes.clear()
        self.harness.sync()
        self.settle()

    def send(self) -> None:
        """The outbox sender delivers what is queued."""
        self.harness.run(self.harness.core.sender.run_once())
        self.settle()
