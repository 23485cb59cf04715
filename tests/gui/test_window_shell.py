"""The window is painted before the store is open (bench/cold_start.py): its shell shows the
lists' headers and says the store is opening, what needs the store is disabled, not hidden,
and works once the window has its session."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.composition import build_core, sandbox_connection
from app.core.kinds import Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.session import Session
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper


def _in_menus(window: MainWindow) -> set[QAction]:
    return {action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()}


def _needing_the_store(window: MainWindow) -> dict[str, QAction]:
    return {
        "Sync now": window.sync_action, "Sync status": window.status_action,
        "Find": window.search_action, "My day": window.day_action,
        "Preview": window.preview_action, "Settings": window.menus.settings_action,
        "About": window.menus.about_action, "Failed calls": window.menus.failed_calls_action,
        "Calls in flight": window.menus.in_flight_action,
    }


def test_the_shell_disables_what_needs_the_store_until_its_session_comes(
    qtbot: QtBot, sandbox, data_dir, loop
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    headers = window.list_views[Kind.TODO].model()
    assert [headers.headerData(column, Qt.Orientation.Horizontal)
            for column in range(headers.columnCount())] == [
        "No.", "Title", "Customer", "State", "City", "Deadline"]
    assert window.activity_label.text() == "Opening the local data…"
    waiting = _needing_the_store(window)
    menus = _in_menus(window)
    for name, action in waiting.items():
        assert not action.isEnabled(), name
        assert action in menus or action in window.toolbar.actions(), name  # shown, greyed
        action.trigger()  # a disabled action does nothing, and nothing breaks
    assert QApplication.activeModalWidget() is None and window.menus.settings is None
    assert window.menus.open_guide is not None and window.menus.indicator_guide_action.isEnabled()

    bridge = Bridge()
    core = build_core(data_dir, sandbox_connection(sandbox, data_dir),
                      on_changes=bridge.publish_changes, on_progress=bridge.publish_progress,
                      on_status=bridge.publish_status)
    requests: list[bool] = []
    controls = replace(core.session.controls, request_sync=lambda: requests.append(True))
    session = Session(core.store, actions=core.actions, loader=core.loader, controls=controls,
                      changes=core.session.changes)
    tasks = TaskKeeper(loop)
    try:
        window.attach(session, bridge, tasks, registry=BoxRegistry.installed())
        for name, action in _needing_the_store(window).items():
            assert action.isEnabled(), name
        assert window.search_action in _in_menus(window)  # the field's own Find…
        assert window.activity_label.text() == "Not synced yet"
        window.sync_action.trigger()
        assert requests == [True]
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.search_action.trigger()
        assert window.search.hasFocus()
        window.day_action.trigger()
        assert window.tabs.currentWidget() is window.day_view and window.day_view.isVisible()
        window.menus.settings_action.trigger()
        assert window.menus.settings is not None and window.menus.settings.isVisible()
        window.menus.settings.close()
        window.status_action.trigger()
        assert window.pages.isVisible()
        window.pages.close()
    finally:
        loop.run_until_complete(tasks.cancel_all())
        loop.run_until_complete(core.aclose())
