"""Tools → Settings takes effect at once; Help → About says where things are; the sync status
page lists every step of the plan."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QLocale, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import __version__
from app.composition import Core, build_core, sandbox_connection
from app.core.kinds import Kind
from app.core.log_file import log_file
from app.mainpage_boxes.registry import BoxRegistry
from app.sandbox import SandboxServer
from app.sync.notices import TaskNotice
from app.sync.progress import SyncProgress
from app.sync.step_log import PLAN_STEPS
from app.views.bridge import Bridge
from app.views.language import Language
from app.views.main_window import MainWindow
from app.views.settings import SettingsDialog, follow_language
from app.views.tasks import TaskKeeper


@dataclass
class App:
    window: MainWindow
    core: Core
    loop: asyncio.AbstractEventLoop
    notices: list[TaskNotice] = field(default_factory=list)
    passes: list[SyncProgress] = field(default_factory=list)

    def until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        async def waiting() -> None:
            async with asyncio.timeout(timeout):
                while not condition():
                    await asyncio.sleep(0.01)
        self.loop.run_until_complete(waiting())

    def start_syncing(self) -> None:
        """The scheduler as the app starts it: a pass now, then every interval."""
        async def start() -> None:
            self.core.scheduler.start()
        self.loop.run_until_complete(start())

    def settings(self) -> SettingsDialog:
        self.window.menus.settings_action.trigger()
        dialog = self.window.menus.settings
        assert dialog is not None and dialog.isVisible()
        return dialog


@pytest.fixture
def app(qtbot: QtBot, sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[App]:
    """The window on a real core whose scheduler and notices run as in the app."""
    bridge = Bridge()
    ended: list[SyncProgress] = []

    def progressed(progress: SyncProgress) -> None:
        bridge.publish_progress(progress)
        if not progress.running:
            ended.append(progress)

    notices: list[TaskNotice] = []
    core = build_core(data_dir, sandbox_connection(sandbox, data_dir),
                      on_changes=bridge.publish_changes, on_progress=progressed,
                      on_status=bridge.publish_status, on_notice=notices.append)
    tasks = TaskKeeper(loop)
    window = MainWindow.on(core.session, bridge, tasks, registry=BoxRegistry.installed())
    qtbot.addWidget(window)
    window.show()
    yield App(window, core, loop, notices, ended)
    loop.run_until_complete(tasks.cancel_all())
    loop.run_until_complete(core.aclose())


def test_the_interval_changes_the_schedulers_timer_at_once(app: App) -> None:
    app.start_syncing()
    app.until(lambda: len(app.passes) == 1)
    assert app.core.scheduler.interval_minutes == 10
    dialog = app.settings()
    assert dialog.interval.value() == 10
    dialog.interval.setValue(1)
    app.until(lambda: app.core.scheduler.interval_minutes == 1)
    assert app.core.preferences.sync_interval_minutes == 1
    # The timer itself: a shorter interval (below what the dialog offers) brings the next pass
    # within seconds, where the ten minutes before would not.
    app.loop.run_until_complete(app.core.preferences.set_sync_interval_minutes(0.02))
    app.until(lambda: len(app.passes) == 2, timeout=5)


def test_task_notices_off_keeps_the_offices_changes_quiet(app: App, sandbox) -> None:
    app.start_syncing()
    app.until(lambda: len(app.passes) == 1)
    dialog = app.settings()
    assert dialog.notices.isChecked()
    dialog.notices.setChecked(False)
    app.until(lambda: not app.core.preferences.task_notices)

    def changed_and_synced(text: str, passes: int) -> None:
        user = sandbox.state.demo_user_id
        mine = next(task for task in app.core.store.objects.find(Kind.TODO)
                    if task["userid"] == user)
        httpx.patch(f"{sandbox.base_url}/_sandbox/objects/todo/{mine['id']}",
                    json={"description": text}).raise_for_status()
        app.core.scheduler.request()
        app.until(lambda: len(app.passes) == passes)

    changed_and_synced("Nøglen ligger under måtten", 2)
    assert app.notices == []
    dialog.notices.setChecked(True)
    app.until(lambda: app.core.preferences.task_notices)
    changed_and_synced("Nøglen er hos naboen", 3)
    assert [notice.title for notice in app.notices] == ["Task changed"]


def test_the_log_level_changes_the_root_logger(app: App) -> None:
    dialog = app.settings()
    root = logging.getLogger()
    assert dialog.log_level.currentData() == "INFO"
    dialog.log_level.setCurrentIndex(dialog.log_level.findData("DEBUG"))
    app.until(lambda: root.level == logging.DEBUG)
    dialog.log_level.setCurrentIndex(dialog.log_level.findData("ERROR"))
    app.until(lambda: root.level == logging.ERROR)
    assert app.core.preferences.log_level == "ERROR"


def test_the_language_is_kept_and_shown_at_once(app: App, qapp) -> None:
    language = Language(qapp)
    follow_language(language, app.core.preferences)
    try:
        dialog = app.settings()
        assert dialog.language.currentData() == "system"
        dialog.language.setCurrentIndex(dialog.language.findData("da"))
        app.until(lambda: language.code == "da")
        assert app.core.preferences.language == "da"
        assert QLocale().language() == QLocale.Language.Danish
        app.window.menus.about_action.trigger()  # what opens next speaks Danish
        assert app.window.menus.about is not None
        assert app.window.menus.about.windowTitle() == "Om Field Client"
    finally:
        language.use("en")


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_data_folder_is_shown_and_opened(app: App, data_dir: Path) -> None:
    dialog = app.settings()
    assert dialog.folder.text() == str(data_dir)
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        dialog.open_folder.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in opened.urls] == [str(data_dir)]


def test_about_shows_the_version_the_data_folder_and_the_log_file(
    app: App, data_dir: Path
) -> None:
    with log_file(data_dir) as path:
        app.window.menus.about_action.trigger()
        about = app.window.menus.about
        assert about is not None and about.isVisible()
        assert __version__ in about.version.text()
        assert about.folder.text() == str(data_dir)
        assert about.log.text() == str(path) == str(data_dir / "logs" / "fieldclient.log")
        logging.getLogger("app").info("kept in the file")
    assert "kept in the file" in path.read_text(encoding="utf-8")


def test_the_indicator_guide_explains_each_indicator(app: App) -> None:
    app.window.menus.indicator_guide_action.trigger()
    guide = app.window.menus.guide
    assert guide is not None and guide.isVisible()
    text = guide.text.toPlainText()
    assert text.count("\ufffc") == 5  # a picture for all is well and for each indicator
    assert "more than 20 minutes" in text and "refused some of your changes" in text


def test_the_sync_status_page_lists_every_plan_step_after_a_sync(app: App) -> None:
    assert app.loop.run_until_complete(app.core.engine.run_pass()).ok
    app.window.status_action.trigger()
    table = app.window.pages.steps
    rows = {table.item(row, 0).text(): [table.item(row, column).text()
                                        for column in range(1, table.columnCount())]
            for row in range(table.rowCount())}
    assert list(rows) == [step.english for step in PLAN_STEPS]
    ran = [cells for cells in rows.values() if cells[3] == "Completed"]
    assert len(ran) >= 12  # first calls, setup, the loops of this account, the dated reads
    for last_run, took, _brought, _outcome in ran:
        assert last_run and last_run != "never"
        assert took.endswith(" s")
    tasks = rows["Tasks changed since the last sync"]
    assert tasks[2].endswith("objects") and tasks[3] == "Completed"
    assert rows["Equipment placed at customers (limited number of objects)"][3].startswith(
        "Not run yet")


def test_tab_goes_through_the_settings_in_the_order_shown(app: App, qtbot: QtBot) -> None:
    dialog = app.settings()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.interval.setFocus()
    seen = []
    for _ in range(9):
        focused = QApplication.focusWidget()
        seen.append(focused.parent() if focused.parent() is dialog.interval else focused)
        dialog.focusNextChild()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert seen == [dialog.interval, dialog.metered, dialog.background, dialog.notices,
                    dialog.log_level, dialog.language, dialog.folder, dialog.open_folder, close]
