"""The menu bar: every action of the window is in it, each reachable from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from app.core.kinds import LISTED_KINDS, Kind
from app.views.menus import WindowMenus


def _menu_items(window: QMainWindow) -> dict[QAction, QMenu]:
    items: dict[QAction, QMenu] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.isSeparator():
                items[action] = menu
    return items


def _has_mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "") and not text.endswith("&")


def test_every_action_of_the_window_is_in_the_menu_bar_with_a_key(window_and_core) -> None:
    window, _core, _ = window_and_core
    owned = {action for action in window.findChildren(QAction)
             if action.parent() in (window, window.menus)}
    for toolbar in window.findChildren(QToolBar):
        # A widget placed in a toolbar (the search field) is reached by its own action.
        owned |= {action for action in toolbar.actions()
                  if isinstance(toolbar.widgetForAction(action), QToolButton)}
    items = _menu_items(window)
    assert owned, "the window has actions"
    missing = sorted(action.text() for action in owned if action not in items)
    assert missing == []
    for action, menu in items.items():
        keyed = not action.shortcut().isEmpty()
        mnemonic = _has_mnemonic(menu.title()) and _has_mnemonic(action.text())
        assert keyed or mnemonic, f"{menu.title()} → {action.text()} has no key"
    titles = [top.text() for top in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Sync", "&Tools", "&Help"]


def test_ctrl_number_shows_each_list(window_and_core, qtbot: QtBot) -> None:
    window, _core, _ = window_and_core
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, kind in reversed(list(enumerate(LISTED_KINDS, start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == LISTED_KINDS.index(kind)
    assert window.stack.currentWidget() is window.tabs


def test_actions_other_parts_add_are_listed_and_absent_ones_skipped(
    window_and_core, qtbot: QtBot, loop
) -> None:
    """The table names Find… and My day before the window has them: a window that has them
    gets them in Edit and View, with the table's shortcut when they come without one."""
    _window, _core, _ = window_and_core
    other = QMainWindow()
    qtbot.addWidget(other)
    assert WindowMenus(other, show_list=lambda _k: None,
                       open_indicator=lambda _i: None).actions_named("search_action") == []
    bigger = QMainWindow()
    qtbot.addWidget(bigger)
    bigger.search_action = QAction("&Find…", bigger)  # type: ignore[attr-defined]
    bigger.day_action = QAction("My &day", bigger)  # type: ignore[attr-defined]
    WindowMenus(bigger, show_list=lambda _k: None,
                open_indicator=lambda _i: None)
    items = _menu_items(bigger)
    by_text = {action.text(): menu.title() for action, menu in items.items()}
    assert by_text["&Find…"] == "&Edit" and by_text["My &day"] == "&View"
    assert bigger.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def test_sync_menu_opens_the_failed_calls_and_the_calls_in_flight(window_and_core) -> None:
    window, _core, _ = window_and_core
    window.menus.failed_calls_action.trigger()
    assert window.pages.isVisible()
    assert window.pages.tabs.currentWidget() is window.pages.failed_page
    window.menus.in_flight_action.trigger()
    assert window.pages.tabs.currentWidget() is window.pages.in_flight_list
    window.pages.close()
    window.show_list(Kind.PERSON)
    assert window.tabs.currentIndex() == LISTED_KINDS.index(Kind.PERSON)
