"""Reading the lists and the day view as a technician sees them (shared by their tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.core.kinds import LISTED_KINDS, Kind
from app.sandbox import SandboxServer
from app.views.main_window import MainWindow
from app.views.object_lists import ObjectListModel

ID = Qt.ItemDataRole.UserRole


def show_list(window: MainWindow, kind: Kind) -> tuple[QTableView, ObjectListModel]:
    window.tabs.setCurrentIndex(LISTED_KINDS.index(kind))
    view = window.tabs.currentWidget()
    assert isinstance(view, QTableView)
    return view, window.models[kind]


def all_ids(model: ObjectListModel) -> list[int]:
    """Every row's object id, in the order shown, scrolling to the end."""
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(row, 0).data(ID) for row in range(model.rowCount())]


def column(model: ObjectListModel, header: str) -> list[Any]:
    """Every shown value of the column with this header, in the order shown."""
    number = next(c for c in range(model.columnCount()) if model.headerData(
        c, Qt.Orientation.Horizontal) == header)
    all_ids(model)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def demo(sandbox: SandboxServer) -> tuple[int, int, list[int]]:
    """The demo technician, a colleague in the same team, and the technician's teams."""
    setup = sandbox.state.setup
    me = setup.current_user_id
    teams = list(setup.user(me)["teams"])
    colleague = next(u for u in setup.technician_ids if u != me
                     and teams[0] in setup.user(u)["teams"])
    return me, colleague, teams


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


def wait_for(loop: asyncio.AbstractEventLoop, done: Callable[[], bool],
              seconds: float = 10.0) -> None:
    """Run the event loop (its tasks and Qt's events) until `done` or the time is up."""

    async def poll() -> None:
        for _ in range(int(seconds / 0.02)):
            if done():
                return
            await asyncio.sleep(0.02)
        raise AssertionError("timed out")

    loop.run_until_complete(poll())


def kept(loop: asyncio.AbstractEventLoop, window: MainWindow, kind: Kind) -> None:
    """Wait until the list's choice is kept in the store (it is written in the background)."""
    preferences = window.models[kind]._session.controls.preferences
    wait_for(loop, lambda: preferences.list_choice(kind) == window.models[kind].choice.as_json())
