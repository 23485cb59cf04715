"""Main pages in the window: opened from a list row, back and forward like a browser, links
between pages, following a sync, leaving nothing behind, and a refused action told in words."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import SIGNAL, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from app.core.kinds import LISTED_KINDS, Kind
from app.mainpage_boxes.description import DescriptionBox
from app.mainpage_boxes.registry import BoxRegistry
from app.mainpage_boxes.widget import BoxView
from app.testkit import FieldClientApp, Sandbox
from app.views.main_page import MainPageView

ID = Qt.ItemDataRole.UserRole


@pytest.fixture
def synced(window_and_core, loop):
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    return window, core


def _list(window, kind: Kind) -> QTableView:
    window.tabs.setCurrentIndex(LISTED_KINDS.index(kind))
    view = window.tabs.currentWidget()
    assert isinstance(view, QTableView)
    return view


def _page(window) -> MainPageView:
    assert window.stack.currentWidget() is window.page is not None
    return window.page


def _deleted_later() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_enter_on_a_row_opens_its_page(synced, qtbot) -> None:
    window, _ = synced
    view = _list(window, Kind.TODO)
    view.setFocus()
    view.selectRow(2)
    todo_id = view.currentIndex().data(ID)
    QTest.keyClick(view, Qt.Key.Key_Return)
    page = _page(window)
    assert (page.kind, page.object_id) == (Kind.TODO, todo_id)
    number = view.model().index(2, 0).data()
    assert page.heading.text().startswith(f"Task {number}")


def test_a_double_click_on_a_row_opens_its_page(synced, qtbot) -> None:
    window, _ = synced
    view = _list(window, Kind.CUSTOMER)
    index = view.model().index(3, 1)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = _page(window)
    assert (page.kind, page.object_id) == (Kind.CUSTOMER, index.data(ID))
    assert view.model().index(3, 0).data() in page.heading.text()


def test_alt_left_and_alt_right_go_back_and_forward(synced, qtbot) -> None:
    window, core = synced
    task, customer = (core.session.rows(kind, [], order_by="id", limit=1)[0][0]
                      for kind in (Kind.TODO, Kind.CUSTOMER))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_page(Kind.TODO, task)
    window.open_page(Kind.CUSTOMER, customer)
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert (_page(window).kind, _page(window).object_id) == (Kind.TODO, task)
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.tabs and window.page is None
    assert not window.back_action.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert (_page(window).kind, _page(window).object_id) == (Kind.CUSTOMER, customer)
    assert not window.forward_action.isEnabled()


def test_the_customer_link_of_a_task_opens_the_customers_page(synced) -> None:
    window, core = synced
    todo = next(t for t in core.session.related(Kind.TODO)
                if core.session.object(Kind.CUSTOMER, t.get("customerid") or 0))
    window.open_page(Kind.TODO, todo["id"])
    links = _page(window).links
    assert links.isVisible()
    href = re.search(r'href="([^"]+)"', links.text())
    assert href is not None
    links.linkActivated.emit(href.group(1))
    page = _page(window)
    assert (page.kind, page.object_id) == (Kind.CUSTOMER, todo["customerid"])
    window.go_back()
    assert _page(window).object_id == todo["id"]


def test_a_task_notice_opens_the_tasks_page(synced) -> None:
    window, core = synced
    todo_id = core.session.rows(Kind.TODO, [], order_by="id", limit=1)[0][0]
    window.show_task(todo_id)
    assert (_page(window).kind, _page(window).object_id) == (Kind.TODO, todo_id)


def test_a_box_type_no_plugin_knows_is_not_drawn(synced, qtbot) -> None:
    window, core = synced
    window._registry = BoxRegistry([DescriptionBox()])  # every other type is unknown now
    todo = next(t for t in core.session.related(Kind.TODO) if t.get("description"))
    window.open_page(Kind.TODO, todo["id"])
    page = _page(window)
    types = [box.box for box in core.session.setup.main_page(Kind.TODO)]
    assert "description" in types and len(types) > 1
    assert [view.objectName() for view in page.findChildren(BoxView)] == ["box-description"]
    assert page.views[0].isVisible()


class _BrokenWidgetBox(DescriptionBox):
    """A box whose widget module cannot be imported (a broken add-on)."""

    box_type = "checklist"

    def widget(self):
        raise ImportError("no module named 'checklist_widget'")


@pytest.mark.expected_warnings("app.views.main_page")
def test_a_box_whose_widget_fails_is_left_out_and_the_page_lives(synced) -> None:
    window, core = synced
    window._registry = BoxRegistry([DescriptionBox(), _BrokenWidgetBox()])
    todo = next(t for t in core.session.related(Kind.TODO) if t.get("description"))
    window.open_page(Kind.TODO, todo["id"])
    assert [view.objectName() for view in _page(window).views] == ["box-description"]


def test_a_page_follows_a_sync_of_its_object_and_says_when_it_is_gone(
    fieldclient_app: FieldClientApp, fieldclient_sandbox: Sandbox
) -> None:
    """Driven as a tester would, through the testers' kit (app/testkit)."""
    todo_id = fieldclient_app.ids("todo")[0]
    page = fieldclient_app.open("todo", todo_id)
    fieldclient_sandbox.change_object("todo", todo_id, title="Ny titel fra kontoret")
    assert fieldclient_app.sync().last_error is None
    assert page.heading.endswith("· Ny titel fra kontoret")
    assert page.message == ""

    fieldclient_sandbox.delete_object("todo", todo_id)
    assert fieldclient_app.sync().last_error is None
    assert page.message == "This task is no longer on this device."
    assert page.heading.endswith("· Ny titel fra kontoret")  # which task it was
    assert page.box_types() == []


def test_closed_pages_leave_no_widgets_or_connections_behind(synced) -> None:
    window, core = synced
    bridge = window._bridge
    before = bridge.receivers(SIGNAL("changes(PyObject)"))
    for kind in LISTED_KINDS:
        for object_id, *_ in core.session.rows(kind, [], order_by="id", limit=3):
            window.open_page(kind, object_id)
        assert bridge.receivers(SIGNAL("changes(PyObject)")) == before + 1  # one page
    window.show_lists()
    # A closed page stops following changes at once, not only when Qt deletes it later.
    assert bridge.receivers(SIGNAL("changes(PyObject)")) == before
    _deleted_later()
    assert window.findChildren(MainPageView) == []
    assert window.findChildren(BoxView) == []


def test_a_refused_action_is_told_on_the_page(synced, loop, qtbot) -> None:
    window, core = synced
    todo_id = core.session.rows(Kind.TODO, [], order_by="id", limit=1)[0][0]
    window.open_page(Kind.TODO, todo_id)
    page = _page(window)
    # Refused whatever the sandbox's state (a check-out depends on whether it seeds a check-in).
    page.hooks.run(core.session.actions.post_note(Kind.PERSON, 1, "Hej"))
    loop.run_until_complete(_until(page.message.isVisible))
    assert page.message.text() == "Notes cannot be posted on persons."


async def _until(condition: Callable[[], bool], seconds: float = 2.0) -> None:
    """Run the loop (the action's task on it) until `condition` holds."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never held")
