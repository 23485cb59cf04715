"""Sorting a list by a header click, both ways, kept through a sync; and the technician's
choice of filter and sort, found again in a new window on the same store."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from app.core.kinds import Kind
from app.db.folder import DATABASE_FILE
from app.desktop import FIRST_ROWS
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.first_look import FirstRows, first_rows
from app.sync.listing import ListChoice
from app.views.list_columns import LIST_COLUMNS, default_choice
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


def test_a_start_paints_the_first_rows_of_the_list_as_it_was_left_before_the_store_opens(
    window_and_core, data_dir, loop, qtbot
) -> None:
    """The shell's first look (app/sync/first_look.py) reads the store's file itself: its rows
    are the ones the session's list shows, in the technician's sort and filter. A filter it
    cannot measure without the core leaves the shell's list empty rather than wrong, and so
    does a sort by a column without an index (a pass over the whole table before the paint)."""
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    view, model = show_list(window, Kind.TODO)
    _click_header(view, "Deadline")  # descending: not the default sort
    state = model.index(0, 3).data()
    window.filter_bar.choose("state", state)
    kept(loop, window, Kind.TODO)
    assert model.choice == ListChoice("enddate", True, "state", state)
    shown = [[model.index(row, column).data() for column in range(model.columnCount())]
             for row in range(min(model.rowCount(), FIRST_ROWS))]
    assert len(shown) > 1 and all(row[3] == state for row in shown)

    def first_look() -> FirstRows | None:
        return first_rows(data_dir / DATABASE_FILE, Kind.TODO,
                          [spec.name for spec in LIST_COLUMNS[Kind.TODO]],
                          default_choice(Kind.TODO), FIRST_ROWS)

    first = first_look()
    assert first is not None
    shell = MainWindow()
    qtbot.addWidget(shell)
    shell.show_first_rows(first)
    painted = shell.list_views[Kind.TODO].model()
    assert [[painted.index(row, column).data() for column in range(painted.columnCount())]
            for row in range(painted.rowCount())] == shown

    window.filter_bar.choose("all")
    _click_header(view, "Title")  # a column without an index: a pass over the whole table
    kept(loop, window, Kind.TODO)
    assert model.choice.sort == "title" and first_look() is None

    window.filter_bar.choose("mine")  # who "mine" is: known once the session is there
    _click_header(view, "Deadline")
    kept(loop, window, Kind.TODO)
    assert model.choice.sort == "enddate" and first_look() is None
