"""One main-page box on a page of its own, for every box's tests: built from a store a sync
filled from the sandbox, with hooks that record what its buttons start and open, and the
office's changes and the sender's answers handed to the box as the real page hands them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import MainPageBox
from app.mainpage_boxes.api import BoxContext, BoxPlugin, PageHooks
from app.mainpage_boxes.widget import BoxView
from app.sync.session import Session
from tests.admin import change_object
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)


def definition(session: Session, plugin: BoxPlugin[Any], kind: Kind) -> MainPageBox:
    """The box as the sandbox's page of `kind` defines it, else a plain one of its type (a box
    the sandbox's pages leave out, like a third-party one)."""
    return next(
        (box for box in session.setup.main_page(kind) if plugin.handles(box.box)),
        MainPageBox(0, plugin.box_type, plugin.box_type.capitalize(), False, 0, 0),
    )


def context(harness: Harness, plugin: BoxPlugin[Any], kind: Kind, object_id: int,
            box: MainPageBox | None = None, now: datetime = NOW) -> BoxContext:
    """What the box is built from for the object's page (its sandbox definition unless `box`)."""
    session = harness.core.session
    found = session.object(kind, object_id)
    assert found is not None
    return BoxContext(kind, object_id, found, box or definition(session, plugin, kind), session,
                      now)


def office_changes(harness: Harness, kind: Kind, object_id: int, **fields: Any) -> None:
    """The office changes an object and a sync brings it; `harness.changes` holds what it
    changed (a shown box gets it through `BoxPage.office_changes`)."""
    change_object(harness.server, kind.value, object_id, **fields)
    harness.changes.clear()
    assert harness.sync().ok


class BoxPage:
    """The box of `object_id`'s page, shown on a page of its own (`page` owns `view`).

    The actions its buttons start wait in `started` (the pages they open in `opened`) until
    `settle` awaits them with the harness's own `run` and hands every ChangeSet since the last
    call to the view, as the page does. Why not run them as tasks (`asyncio.ensure_future`),
    as the page does: under qasync that schedules them on another loop than the harness's, so
    they never ran while the test waited; the harness's `run` is the reliable way.
    """

    def __init__(self, qtbot: QtBot, harness: Harness, plugin: BoxPlugin[Any], kind: Kind,
                 object_id: int, now: Callable[[], datetime] = lambda: NOW,
                 size: tuple[int, int] = (480, 600)) -> None:
        self.harness = harness
        self.started: list[Awaitable[Any]] = []
        self.opened: list[tuple[Kind, int]] = []
        self.page = QWidget()
        qtbot.addWidget(self.page)
        self.page.resize(*size)
        self.view = BoxView(plugin, context(harness, plugin, kind, object_id, now=now()), now,
                            PageHooks(self.started.append, self._open), self.page)
        layout = QVBoxLayout(self.page)
        layout.addWidget(self.view)
        layout.addStretch()
        harness.changes.clear()
        self.page.show()
        qtbot.waitExposed(self.page)

    def _open(self, kind: Kind, object_id: int) -> None:
        self.opened.append((kind, object_id))

    def settle(self) -> None:
        """Await the actions the box's buttons started, then deliver what changed."""
        while self.started:
            self.harness.run(self.started.pop(0))
        changes, self.harness.changes[:] = list(self.harness.changes), []
        for change in changes:
            self.view.apply_changes(change)

    def press(self, button: QAbstractButton) -> None:
        """Click one of the box's buttons, run what it started, and deliver what changed."""
        button.click()
        self.settle()

    def act(self, action: Awaitable[Any]) -> None:
        """An action from elsewhere on the page (the check-in button), then what it changed."""
        self.harness.run(action)
        self.settle()

    def resync(self) -> None:
        """A sync pass, and what it changed."""
        self.harness.changes.clear()
        assert self.harness.sync().ok
        self.settle()

    def office_changes(self, kind: Kind, object_id: int, **fields: Any) -> None:
        """The office changes an object; a sync brings it and the page hands on what changed."""
        office_changes(self.harness, kind, object_id, **fields)
        self.settle()

    def send(self) -> None:
        """The outbox sender delivers what is queued; its answers reach the box."""
        self.harness.run(self.harness.core.sender.run_once())
        self.settle()


class LoopHooks:
    """Page hooks for a page widget tested without its page (the action bar, the related
    panels): actions become tasks on the qasync loop the test drives with
    `run_until_complete` (`tasks`, for the test to await), opened pages are kept in `opened`."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.opened: list[tuple[Kind, int]] = []
        self.tasks: list[asyncio.Future[Any]] = []
        self.hooks = PageHooks(self._run, self._open)

    def _run(self, action: Awaitable[Any]) -> None:
        self.tasks.append(asyncio.ensure_future(action, loop=self._loop))

    def _open(self, kind: Kind, object_id: int) -> None:
        self.opened.append((kind, object_id))
