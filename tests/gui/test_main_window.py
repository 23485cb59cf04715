"""The main window as a technician sees it: four lists with counts, and the sync state."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.core.kinds import LISTED_KINDS, Kind
from app.sync.status import Indicator
from app.views.list_columns import LIST_COLUMNS
from tests.admin import fault
from tests.server_data import live_ids
from tests.store_lock import locked


async def until(condition, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def test_lists_fill_with_counts_after_a_sync(window_and_core, sandbox, loop) -> None:
    window, core, _ = window_and_core
    assert window.tabs.tabText(0) == "Tasks (0)"
    assert window.last_sync_label.text() == "Never synced"

    assert loop.run_until_complete(core.engine.run_pass()).ok

    for index, kind in enumerate(LISTED_KINDS):
        count = len(live_ids(sandbox, kind))
        assert window.tabs.tabText(index) == f"{kind.label} ({count:,})"
        assert window.models[kind].total == count
        window.tabs.setCurrentIndex(index)  # a hidden list loads its rows when shown
        assert window.models[kind].rowCount() == min(count, 256)
    assert window.activity_label.text() == "Up to date"
    assert window.last_sync_label.text().startswith("Last synced: today")


def test_rows_show_the_synced_objects(window_and_core, loop) -> None:
    window, core, _ = window_and_core
    loop.run_until_complete(core.engine.run_pass())
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))
    model = window.models[Kind.CUSTOMER]
    first_id = model.index(0, 0).data(Qt.ItemDataRole.UserRole)
    customer = core.store.objects.get(Kind.CUSTOMER, first_id)
    assert model.index(0, 0).data() == customer["name"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_a_text_wider_than_its_column_ends_in_an_ellipsis_and_its_tooltip_has_it_all(
    window_and_core, loop
) -> None:
    """A cell wrapped its text into two lines, each cut off by the row's height."""
    window, core, _ = window_and_core
    loop.run_until_complete(core.engine.run_pass())
    for name, view in [*window.list_views.items(), ("my day", window.day_view.table)]:
        painted_as = QStyleOptionViewItem()
        view.initViewItemOption(painted_as)  # what the delegate paints every cell with
        assert not painted_as.features & QStyleOptionViewItem.ViewItemFeature.WrapText, name
        assert painted_as.textElideMode == Qt.TextElideMode.ElideRight, name
    model = window.models[Kind.TODO]
    view = window.list_views[Kind.TODO]
    column = [spec.name for spec in LIST_COLUMNS[Kind.TODO]].index("customertext")
    metrics = view.fontMetrics()
    wide = [model.index(row, column) for row in range(model.rowCount())
            if metrics.horizontalAdvance(model.index(row, column).data())
            > view.columnWidth(column)]
    assert wide, "the sandbox has customer names wider than the column"
    assert wide[0].data(Qt.ItemDataRole.ToolTipRole) == wide[0].data()


@pytest.mark.expected_warnings("app.sync.engine")
def test_a_failed_sync_says_why_in_the_status_bar(window_and_core, sandbox, loop) -> None:
    window, core, _ = window_and_core
    fault(sandbox, "http_500", times=100)
    assert not loop.run_until_complete(core.engine.run_pass()).ok
    assert "Sync failed" in window.activity_label.text()
    assert "HTTP 500" in window.activity_label.text()
    assert window.last_sync_label.text() == "Never synced"


def test_sync_now_asks_for_a_pass(window_and_core, qtbot: QtBot) -> None:
    window, _, requests = window_and_core
    window.sync_action.trigger()
    assert requests == [True]


def test_model_passes_qt_model_checks(window_and_core, qtmodeltester, loop) -> None:
    """Checked through a whole first sync (rows arriving page by page), and after it."""
    window, core, _ = window_and_core
    model = window.models[Kind.TODO]
    qtmodeltester.check(model)
    loop.run_until_complete(core.engine.run_pass())
    assert model.rowCount() == min(model.total, 256)
    shown = [model.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]
    assert shown == [row[0] for row in model.query(offset=0, limit=len(shown))]  # in order
    qtmodeltester.check(model)


def test_opening_a_notice_opens_its_task_selected_even_far_down_the_list(
    window_and_core, loop
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))
    model = window.models[Kind.TODO]
    last = model.query(offset=model.total - 1, limit=1)[0][0]  # the list's very last task
    window.show_task(last)
    assert window.page is not None and window.page.object_id == last
    window.go_back()
    assert window.tabs.currentIndex() == LISTED_KINDS.index(Kind.TODO)
    assert window.tabs.currentWidget().currentIndex().data(Qt.ItemDataRole.UserRole) == last


@pytest.mark.expected_warnings("app.sync.wakeloop")
def test_sending_that_stopped_says_why_in_a_banner_until_it_works_again(
    window_and_core, loop
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    customer = min(core.store.objects.ids(Kind.CUSTOMER))

    async def scenario() -> None:
        with locked(core.store):
            core.sender.start()  # its first round cannot write to the store
            await until(window.problem_banner.isVisible)
        assert window.problem_banner.text() == (
            "Sending changes stopped: the local store is locked by another program. "
            "Retrying in 30 s.")
        assert window.indicators.buttons[Indicator.FAILED].isVisible()
        await core.actions.post_note(Kind.CUSTOMER, customer, "Nøgle i boksen")  # sends now
        await until(lambda: not window.problem_banner.isVisible())
        await core.sender.stop()

    loop.run_until_complete(scenario())
    assert core.outbox.unsent_count() == 0
    assert not window.indicators.buttons[Indicator.FAILED].isVisible()
