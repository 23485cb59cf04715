"""The window's menu bar, built from a table: every action of the window, in menus, with its
shortcut, so everything is reachable from the keyboard (Alt and the underlined letter, or the
shortcut shown beside each item).

The table names actions by attribute: the window's own (Sync now, Back …), those made here
(the lists, Settings, Help …), and those other parts of the window add (Find…, My day). An
action the window does not have (yet) is left out, so the table may list an action before the
window grows it. A table entry's shortcut is given to an action that has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from app.core.kinds import LISTED_KINDS, Kind
from app.views.formatting import kind_title

if TYPE_CHECKING:  # the menus are made before the store is open (app/views/main_window.py)
    from app.sync.session import Session
    from app.sync.status import Indicator
    from app.views.about import AboutDialog, IndicatorGuide
    from app.views.settings import SettingsDialog
    from app.views.tasks import TaskKeeper

Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True, slots=True)
class Item:
    """An action by attribute name (on the menus, else on the window); `shortcut` is given
    to it when it has none. A name that holds a list adds each of its actions."""

    action: str
    shortcut: Shortcut = None


SEPARATOR = Item("")

# menu title → its items, in order. Titles are translated where the menu is made.
MENUS: tuple[tuple[str, tuple[Item, ...]], ...] = (
    (str(QT_TRANSLATE_NOOP("Menus", "&File")), (
        Item("sync_action"), SEPARATOR, Item("sign_out_action"), SEPARATOR, Item("quit_action"),
    )),
    (str(QT_TRANSLATE_NOOP("Menus", "&Edit")), (
        Item("search_action", QKeySequence.StandardKey.Find),
    )),
    (str(QT_TRANSLATE_NOOP("Menus", "&View")), (
        Item("list_actions"), Item("day_action"), SEPARATOR,
        Item("back_action"), Item("forward_action"), Item("lists_action", "Alt+Home"),
    )),
    (str(QT_TRANSLATE_NOOP("Menus", "&Sync")), (
        Item("sync_action"), Item("status_action", "Ctrl+Shift+S"), SEPARATOR,
        Item("failed_calls_action", "Ctrl+Shift+F"), Item("in_flight_action", "Ctrl+Shift+C"),
    )),
    (str(QT_TRANSLATE_NOOP("Menus", "&Tools")), (
        Item("settings_action", "Ctrl+,"), Item("preview_action"),
    )),
    (str(QT_TRANSLATE_NOOP("Menus", "&Help")), (
        Item("indicator_guide_action", QKeySequence.StandardKey.HelpContents),
        SEPARATOR, Item("about_action"),
    )),
)


class WindowMenus(QObject):
    """The actions the menus add to the window, and the menu bar itself.

    Built last in the window's constructor, so it sees every action made before it; made
    before the store is open, it is given the session with `attach`."""

    _session: Session
    _tasks: TaskKeeper

    def __init__(self, window: QMainWindow, *, show_list: Callable[[Kind], None],
                 open_indicator: Callable[[Indicator | None], None]) -> None:
        super().__init__(window)
        self._window = window
        self.settings: SettingsDialog | None = None
        self.about: AboutDialog | None = None
        self.guide: IndicatorGuide | None = None
        self.list_actions = [
            self._action(kind_title(kind), f"Ctrl+{number}",
                         lambda _checked=False, shown=kind: show_list(shown))
            for number, kind in enumerate(LISTED_KINDS, start=1)
        ]
        self.failed_calls_action = self._action(
            self.tr("&Failed calls"), None, lambda: open_indicator(_indicator("failed")))
        self.in_flight_action = self._action(
            self.tr("&Calls in flight"), None, lambda: open_indicator(_indicator("in_flight")))
        self.settings_action = self._action(self.tr("&Settings…"), None, self.open_settings)
        self.indicator_guide_action = self._action(
            self.tr("&How the sync indicators work"), None, self.open_guide)
        self.about_action = self._action(
            self.tr("&About {app}…").format(app=QCoreApplication.applicationName()
                                            or "Field Client"), None, self.open_about)
        # What opens on the session: disabled by the window until it is there.
        self.needing_the_store = [self.failed_calls_action, self.in_flight_action,
                                  self.settings_action, self.about_action]
        self._build()

    def attach(self, session: Session, tasks: TaskKeeper) -> None:
        self._session = session
        self._tasks = tasks

    def _action(self, text: str, shortcut: str | None, slot: Callable[..., None]) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            give_shortcut(action, shortcut)
        action.triggered.connect(slot)
        return action

    def actions_named(self, name: str) -> list[QAction]:
        """The action(s) an item names: here first, then on the window; none if absent."""
        found = getattr(self, name, None)
        if found is None:
            found = getattr(self._window, name, None)
        if isinstance(found, QAction):
            return [found]
        if isinstance(found, list):
            return [each for each in found if isinstance(each, QAction)]
        return []

    def _build(self) -> None:
        bar = self._window.menuBar()
        for title, items in MENUS:
            menu = bar.addMenu(QCoreApplication.translate("Menus", title))
            for item in items:
                if item is SEPARATOR:
                    menu.addSeparator()
                    continue
                for action in self.actions_named(item.action):
                    if item.shortcut is not None and action.shortcut().isEmpty():
                        give_shortcut(action, item.shortcut)
                    menu.addAction(action)

    def open_settings(self) -> None:
        from app.views.settings import SettingsDialog

        if self.settings is None:
            self.settings = SettingsDialog(self._session, self._tasks, self._window)
        self.settings.show_current()
        self._show(self.settings)

    def open_about(self) -> None:
        from app.views.about import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self._session, self._window)
        self._show(self.about)

    def open_guide(self) -> None:
        from app.views.about import IndicatorGuide

        if self.guide is None:
            self.guide = IndicatorGuide(self._window)
        self._show(self.guide)

    @staticmethod
    def _show(dialog: QWidget) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()


def give_shortcut(action: QAction, key: QKeySequence | QKeySequence.StandardKey | str) -> None:
    """`action.setShortcut(key)` by way of `setShortcuts`: resolving setShortcut's overloads
    makes Qt's whole `Qt` namespace of enums, which cost a start some 10 ms before its window
    was painted (bench/cold_start.py)."""
    action.setShortcuts([QKeySequence(key)])


def _indicator(name: str) -> Indicator:
    """An indicator by its member's name, imported when a menu item asks for it: the sync's
    state module is not loaded before the window is first painted."""
    from app.sync.status import Indicator

    return Indicator[name.upper()]
