"""Sorting a list by a header click, both ways, kept through a sync; and the technician's
choice of filter and sort, found again in a new window on the same store."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from app.core.kinds import Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.views.main_window import MainWindow
from tests.admin import add_object, change_object
from tests.gui.lists import all_ids, column, kept, show_list


def _click_header(view: QTableView, header: str) -> None:
    model, bar = view.model(), view.horizontalHeader()
    section = next(c for c in range(model.columnCount())
                   if model.headerData(c, Qt.Orientation.Horizontal) == header)
    QTest.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        bar.sectionViewportPosition(section) + 10, bar.height() // 2))


def _ordered(values: list[str], ids: list[int], descending: bool) -> bool:
    pairs = list(zip(values, ids, strict=True))
    return pairs == sorted(pairs, reverse=descending)


def test_a_header_click_sorts_by_that_column_both_ways_and_a_sync_keeps_the_order(
    window_and_core, sandbox, loop, qtmodeltester
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    view, model = show_list(window, Kind.TOOL)
    qtmodeltester.check(model)
    by_name = all_ids(model)

    _click_header(view, "Serial no.")
    ids, serials = all_ids(model), column(model, "Serial no.")
    assert ids != by_name and sorted(ids) == sorted(by_name)
    assert _ordered(serials, ids, descending=False)
    assert view.horizontalHeader().sortIndicatorSection() == 2

    _click_header(view, "Serial no.")  # again: the other way
    assert model.choice.descending
    descending = all_ids(model)
    assert _ordered(column(model, "Serial no."), descending, descending=True)
    assert descending[0] == ids[-1]
    kept(loop, window, Kind.TOOL)

    # A dispatcher adds a tool and changes another's serial number: each lands in its place.
    view.selectRow(3)
    selected = descending[3]
    first = add_object(sandbox, "tool", title="Ny måler", serialnumber="99999999-Z")["id"]
    last = descending[1]
    change_object(sandbox, "tool", last, serialnumber="00000000-A")
    assert loop.run_until_complete(core.engine.run_pass()).ok
    after = all_ids(model)
    assert after[0] == first and after[-1] == last
    assert _ordered(column(model, "Serial no."), after, descending=True)
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole) == selected

    _click_header(view, "Where")  # the name of a customer, from another table, sorts too
    places = column(model, "Where")
    at_customers = [place for place in places if place and not place.startswith("Carried by")]
    assert at_customers and at_customers == sorted(at_customers)
    assert places[-len(at_customers):] == at_customers  # those at no customer first
    kept(loop, window, Kind.TOOL)


def test_the_choice_of_filter_and_sort_is_there_again_in_a_new_window(
    window_and_core, loop, qtbot
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    view, model = show_list(window, Kind.TODO)
    window.filter_bar.choose("mine")
    _click_header(view, "Title")
    _click_header(view, "Title")
    kept(loop, window, Kind.TODO)
    shown = all_ids(model)
    assert model.choice.filter == "mine" and model.choice.sort == "title"

    again = MainWindow.on(window.models[Kind.TODO]._session, window._bridge, window._tasks,
                       registry=BoxRegistry.installed())
    qtbot.addWidget(again)
    again.show()
    view_again, model_again = show_list(again, Kind.TODO)
    assert model_again.choice == model.choice
    assert again.filter_bar.filter_box.currentText() == "My tasks"
    header = view_again.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert all_ids(model_again) == shown
    _, customers = show_list(again, Kind.CUSTOMER)  # an untouched list keeps its default
    assert customers.choice.filter == "all" and customers.choice.sort == "name"
