"""The search field as a technician uses it: Ctrl+F or a letter typed in a list, results while
typing grouped by kind, Down/Up and Enter to open one, Esc to clear and go back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from app.core.kinds import LISTED_KINDS, Kind
from app.views.search import HIT_ROLE


@pytest.fixture
def window(window_and_core, loop) -> Any:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    window.activateWindow()  # shortcuts reach the active window only
    return window


def shown(window: Any) -> list[str]:
    """The result rows as the technician reads them (group titles included)."""
    model = window.search.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def a_customer(window: Any) -> dict[str, Any]:
    view_model = window.models[Kind.CUSTOMER]
    window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))
    object_id = view_model.index(3, 0).data(Qt.ItemDataRole.UserRole)
    return window._session.object(Kind.CUSTOMER, object_id)


def test_typing_shows_results_by_kind_and_enter_opens_the_first(window, qtbot: QtBot) -> None:
    customer = a_customer(window)
    window.search.setFocus()
    qtbot.keyClicks(window.search, customer["name"])
    assert window.search.results.isVisible()
    rows = shown(window)
    assert rows[0] == "Customers"  # the name matched a customer: customers come first
    assert rows[1].startswith(customer["customernumber"]) and customer["name"] in rows[1]

    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.history.current == (Kind.CUSTOMER, customer["id"])
    assert window.page is not None and not window.search.results.isVisible()


def test_down_and_up_choose_the_result_enter_opens(window, qtbot: QtBot) -> None:
    window.search.setFocus()
    qtbot.keyClicks(window.search, "a")
    model = window.search.model
    first, second = (model.index(row, 0).data(HIT_ROLE) for row in model.result_rows()[:2])
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(window.search, key)
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    assert window.history.current == second != first


def test_ctrl_f_goes_to_the_field_and_esc_clears_then_goes_back(window, qtbot: QtBot) -> None:
    view = window.tabs.currentWidget()
    view.setFocus()
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    qtbot.keyClicks(window.search, "zzzzqx")
    assert shown(window) == ["Nothing found for “zzzzqx”"]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # nothing to open: nothing happens
    assert window.history.current is None
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and not window.search.results.isVisible()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view


def test_typing_in_a_list_starts_a_search_with_that_character(window, qtbot: QtBot) -> None:
    customer = a_customer(window)
    view = window.tabs.currentWidget()
    assert isinstance(view, QTableView)
    view.setFocus()
    qtbot.keyClick(view, customer["name"][0])
    assert QApplication.focusWidget() is window.search
    assert window.search.text() == customer["name"][0]
    qtbot.keyClicks(QApplication.focusWidget(), customer["name"][1:])
    assert window.search.text() == customer["name"]
    assert any(customer["name"] in row for row in shown(window))

    window.search.setText(customer["name"][0])  # the field holds just that letter, and
    view.setFocus()  # back in the list the results close; the same letter typed again
    assert not window.search.results.isVisible()
    qtbot.keyClick(view, customer["name"][0])
    assert QApplication.focusWidget() is window.search and window.search.results.isVisible()


def test_the_results_model_passes_qt_model_checks(window, qtbot: QtBot, qtmodeltester) -> None:
    """The Python tester checks the model again on each of its signals: through results,
    other results and the note that nothing matched."""
    model = window.search.model
    qtmodeltester.check(model, force_py=True)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "kø")
    assert model.result_rows()
    qtbot.keyClicks(window.search, "zzzzqx")
    assert not model.result_rows() and model.rowCount() == 1
