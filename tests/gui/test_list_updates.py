"""A sync changes a list row by row: what the technician selected and where they scrolled to
stay put while a dispatcher adds, changes and removes objects."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QModelRoleData, QModelRoleDataSpan, QObject, Qt, QTimer
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from app.core.changes import ChangeSet
from app.core.kinds import LISTED_KINDS, Kind
from tests.admin import add_object, change_object, delete_object

ID = Qt.ItemDataRole.UserRole


def _ids(view: QTableView) -> list[int]:
    model = view.model()
    return [model.index(row, 0).data(ID) for row in range(model.rowCount())]


def _synced_customers(window, core, loop, qtmodeltester) -> tuple[QTableView, Any]:
    """The customer list after a first sync, shown, with the model tester following it."""
    assert loop.run_until_complete(core.engine.run_pass()).ok
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))
    view = window.tabs.currentWidget()
    assert isinstance(view, QTableView)
    model = window.models[Kind.CUSTOMER]
    qtmodeltester.check(model)  # and it keeps checking every signal of the updates after it
    return view, model


def test_a_sync_keeps_the_selection_and_the_scroll_position(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    view, model = _synced_customers(window, core, loop, qtmodeltester)
    while model.canFetchMore():
        model.fetchMore()
    before = _ids(view)
    assert len(before) > 40
    selected = before[25]
    view.selectRow(25)
    view.verticalScrollBar().setValue(10)
    scrolled = view.verticalScrollBar().value()
    assert scrolled == 10

    first, moved, renamed, gone = before[0], before[20], before[30], before[5]
    added = add_object(sandbox, "customer", name="Aaa Nyt Firma ApS")["id"]
    last = add_object(sandbox, "customer", name="Øster Nyt Firma ApS")["id"]
    change_object(sandbox, "customer", selected, phone="12345678")
    change_object(sandbox, "customer", renamed, name=model.index(30, 0).data() + " (ny)")
    change_object(sandbox, "customer", moved, name="Zzz Flyttet ApS")
    delete_object(sandbox, "customer", gone)
    assert loop.run_until_complete(core.engine.run_pass()).ok

    after = _ids(view)
    assert view.selectionModel().selectedRows()[0].data(ID) == selected
    assert view.currentIndex().data(ID) == selected
    assert view.verticalScrollBar().value() == scrolled
    assert after[:2] == [added, first] and gone not in after
    assert after.index(moved) > after.index(renamed) > after.index(selected)
    assert after[-1] == last and len(after) == len(before) + 1 == model.total
    row = after.index(selected)
    assert model.index(row, 5).data() == "12345678"
    assert after == [r[0] for r in model.query(offset=0, limit=len(after))]


class _Paints(QObject):
    """Notes each paint of the widget it watches."""

    def __init__(self, widget: Any, noted: list[str]) -> None:
        super().__init__(widget)
        self._noted = noted
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._noted.append("paint")
        return False


def test_what_waits_for_the_window_comes_between_a_lists_changes_and_their_paint(
    window_and_core, loop, qtbot
) -> None:
    """Taking in a sync's changes and painting them take a few milliseconds each during a
    first sync: a timer that fell due meanwhile (a keypress waits the same way) runs between
    the two, not after both."""
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    view = window.list_views[Kind.TODO]
    qtbot.waitUntil(lambda: window.models[Kind.TODO].rowCount() > 0)
    first = view.model().index(0, 0).data(ID)
    core.store.write_blocking(core.store.objects.ingest, Kind.TODO, [
        {**core.store.objects.get(Kind.TODO, first), "title": "Nyt navn"}])
    noted: list[str] = []
    _Paints(view.viewport(), noted)
    qtbot.wait(100)  # what the sync left to paint is painted
    noted.clear()
    due = QTimer(view)
    due.setSingleShot(True)
    due.timeout.connect(lambda: noted.append("timer"))
    due.start(1)
    time.sleep(0.005)  # it falls due while the list takes the changes in
    window.on_changes(ChangeSet.single(Kind.TODO, changed=[first]))
    qtbot.waitUntil(lambda: "paint" in noted and "timer" in noted)
    assert noted[:2] == ["timer", "paint"]
    assert view.model().index(0, 1).data() == "Nyt navn"


def test_a_hidden_list_catches_up_when_shown_and_keeps_its_selection(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    view, model = _synced_customers(window, core, loop, qtmodeltester)
    before = _ids(view)
    view.selectRow(5)
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.TODO))

    change_object(sandbox, "customer", before[5], name="Aab Omdøbt ApS")
    delete_object(sandbox, "customer", before[0])
    assert loop.run_until_complete(core.engine.run_pass()).ok
    assert _ids(view) == before  # nobody looks: nothing done yet
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))

    assert view.currentIndex().data(ID) == before[5]
    assert view.currentIndex().data() == "Aab Omdøbt ApS"
    assert _ids(view) == [r[0] for r in model.query(offset=0, limit=model.rowCount())]
    assert before[0] not in _ids(view)


def test_a_repaint_reads_each_cell_in_one_call_what_the_cell_shows(
    window_and_core, loop, qtbot
) -> None:
    """A view asks seven roles of each cell it paints. The list answers them in one call a
    cell (`multiData`), not one each: every call into Python waits for the interpreter while
    a sync's threads hold it, and seven a cell made a repaint the window's longest stall
    (bench/gui_stall.py). What the painter gets is what `data` says: the text, the id."""
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.TODO))
    view, model = window.list_views[Kind.TODO], window.models[Kind.TODO]
    qtbot.waitExposed(window)
    calls = {"data": 0, "multiData": 0}

    def counted(name: str) -> Any:
        method = getattr(type(model), name)

        def call(*args: Any) -> Any:
            calls[name] += 1
            return method(model, *args)
        return call

    model.data, model.multiData = counted("data"), counted("multiData")  # type: ignore[method-assign]
    view.viewport().repaint()
    first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    shown = (min(last, model.rowCount() - 1) - first + 1) * model.columnCount()
    assert calls["data"] == 0 and 0 < calls["multiData"] <= shown + model.columnCount()

    option = QStyleOptionViewItem()
    for column in range(model.columnCount()):
        index = model.index(0, column)
        view.itemDelegate().initStyleOption(option, index)
        assert option.text == str(index.data())
    asked = QModelRoleData(ID)
    model.multiData(model.index(0, 0), QModelRoleDataSpan(asked))
    assert asked.data() == model.index(0, 0).data(ID)
