"""The task's checklist box: tickable only while checked in on the task, the ticks sent with
the check-out, hidden without checkpoints."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.values import as_int_list
from app.mainpage_boxes.checklist import (
    CHECK_IN_FIRST,
    CHECKOUT_WAITING,
    NO_CHECKPOINTS,
    ChecklistBox,
)
from app.mainpage_boxes.checklist_widget import ChecklistWidget
from tests.admin import change_object, commands_sent, showcase
from tests.box_pages import BoxPage
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)


def _task_with_checkpoints(harness: Harness, at_least: int) -> int:
    session = harness.core.session
    known = session.setup.checkpoints()
    for (todo_id,) in session.rows(Kind.TODO, [], order_by="id", limit=5000):
        task = session.object(Kind.TODO, todo_id) or {}
        if len(set(as_int_list(task.get("checkpoints"))) & known.keys()) >= at_least:
            return todo_id
    raise AssertionError("no sandbox task has that many checkpoints")


def _widget(page: BoxPage) -> ChecklistWidget:
    assert isinstance(page.view.body, ChecklistWidget)
    return page.view.body


def _click(qtbot: QtBot, page: BoxPage, checkpoint: int) -> None:
    qtbot.mouseClick(_widget(page).boxes[checkpoint], Qt.MouseButton.LeftButton)
    page.settle()


def _ticked(page: BoxPage) -> set[int]:
    return {i for i, box in _widget(page).boxes.items() if box.isChecked()}


def test_check_in_tick_and_check_out_sends_exactly_the_ticked_checkpoints(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = _task_with_checkpoints(synced, 3)
    actions = synced.core.actions
    page = BoxPage(qtbot, synced, ChecklistBox(), Kind.TODO, todo_id, lambda: NOW)
    widget = _widget(page)
    assert page.view.isVisible() and page.view.title == "Checklist"
    first, second, third = list(widget.boxes)[:3]
    assert not any(box.isEnabled() for box in widget.boxes.values())
    assert widget.note.text() == CHECK_IN_FIRST

    page.act(actions.check_in(Kind.TODO, todo_id, 55.0, 12.0))
    widget = _widget(page)
    assert all(box.isEnabled() for box in widget.boxes.values())
    assert not widget.note.isVisible() and _ticked(page) == set()

    _click(qtbot, page, first)
    _click(qtbot, page, third)
    _click(qtbot, page, second)
    _click(qtbot, page, third)  # changed their mind
    assert _ticked(page) == {first, second}

    page.act(actions.check_out(55.0, 12.0))
    assert _ticked(page) == {first, second}  # the ticks stay in sight, waiting to be sent
    assert not any(box.isEnabled() for box in _widget(page).boxes.values())
    assert _widget(page).note.text() == CHECKOUT_WAITING

    page.send()
    [checkout] = commands_sent(synced.server, "DoCheckOut")[-1:]
    assert sorted(checkout["checkpoints"]) == sorted([first, second])
    page.resync()
    assert _ticked(page) == {first, second}  # now done on the server's copy of the task
    assert _widget(page).note.text() == CHECK_IN_FIRST


def test_checked_in_elsewhere_the_checklist_is_read_only(qtbot: QtBot, synced: Harness) -> None:
    todo_id = _task_with_checkpoints(synced, 1)
    other = next(i for (i,) in synced.core.session.rows(Kind.TODO, [], order_by="id", limit=9)
                 if i != todo_id)
    page = BoxPage(qtbot, synced, ChecklistBox(), Kind.TODO, todo_id, lambda: NOW)
    page.act(synced.core.actions.check_in(Kind.TODO, other, 55.0, 12.0))
    assert not any(box.isEnabled() for box in _widget(page).boxes.values())
    assert _widget(page).note.text() == CHECK_IN_FIRST


def test_the_box_hides_without_checkpoints_and_returns_with_them(
    qtbot: QtBot, synced: Harness
) -> None:
    cases = showcase(synced.server)["checklist"]["todo"]
    page = BoxPage(qtbot, synced, ChecklistBox(), Kind.TODO, cases["hides"], lambda: NOW)
    assert not page.view.isVisible() and page.view.toolTip() == NO_CHECKPOINTS
    known = sorted(synced.core.session.setup.checkpoints())
    change_object(synced.server, "todo", cases["hides"], checkpoints=known[:2])
    page.resync()
    assert page.view.isVisible()
    titles = [box.text() for box in _widget(page).boxes.values()]
    setup = synced.core.session.setup.checkpoints()
    assert titles == [setup[i].title for i in known[:2]]
