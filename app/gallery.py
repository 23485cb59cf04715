"""Pictures of the sync indicators, the failed-calls page, the set-up wizard and the main
window in Danish (light and dark, search, My day), made from the real widgets.

    QT_QPA_PLATFORM=offscreen python -m app.gallery resources/

The failed-calls page shows a real refusal: a small sandbox, a sync, a state change the back
office does not allow and a note queued behind it, sent by the real outbox. The wizard's
refusals are the sandbox's real answers too, and the window behind the initial configuration
is caught in the middle of a real first sync.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import qasync
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.composition import Core, build_core, sandbox_connection
from app.core.kinds import Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.sandbox import SandboxServer
from app.sync.account import AccountStore, MemoryKeyring
from app.sync.progress import SyncProgress
from app.sync.provisioning import HttpCodeExchange
from app.sync.signin import AccountSetup
from app.sync.status import Indicator, SyncFacts, sync_status
from app.views.bridge import Bridge
from app.views.indicator_icons import indicator_pixmap
from app.views.indicators import IndicatorBar
from app.views.language import Language
from app.views.main_window import MainWindow
from app.views.setup_progress import TASKS_STEP
from app.views.setup_wizard import SetupWizard
from app.views.sync_pages import SyncPages
from app.views.tasks import TaskKeeper
from app.views.theme import dark_palette

NOW = datetime(2026, 11, 22, 12, 0)
CANCELLED = 7  # a task state only the office may set


def indicator_pictures(folder: Path) -> None:
    badges = {Indicator.IN_FLIGHT: "1", Indicator.FAILED: "3"}
    for indicator in (None, *Indicator):
        name = indicator.value if indicator else "up_to_date"
        badge = badges.get(indicator, "!") if indicator else ""
        indicator_pixmap(indicator, badge, 96).save(str(folder / f"tray-{name}.png"))
    # The status bar with several at once: a call in flight, failed calls, out of date.
    bar = IndicatorBar()
    bar.show_status(sync_status(SyncFacts(1, 3, NOW - timedelta(minutes=45), True, True, NOW)))
    bar.adjustSize()
    bar.grab().save(str(folder / "statusbar-indicators.png"))


async def failed_calls_picture(folder: Path) -> None:
    with SandboxServer(seed=3, scale=0.05) as server, tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp)
        core = build_core(data_dir, sandbox_connection(server, data_dir))
        await core.engine.run_pass()
        [(task,)] = core.session.rows(Kind.TODO, [], order_by="id", limit=1)
        await core.actions.change_task_state(task, CANCELLED)
        await core.actions.post_note(Kind.TODO, task, "Kunden ønsker ny tid i næste uge")
        await core.sender.run_once()
        tasks = TaskKeeper(asyncio.get_running_loop())
        pages = SyncPages(core.session, tasks)
        pages.show_indicator(Indicator.FAILED)
        QApplication.processEvents()
        pages.grab().save(str(folder / "failed-calls.png"))
        pages.close()
        await tasks.cancel_all()
        await core.aclose()


async def wizard_pictures(folder: Path) -> None:
    """The wizard's three pages, each with what a technician meets on it."""
    with SandboxServer(seed=3, scale=0.05) as server, tempfile.TemporaryDirectory() as temp:
        setup = AccountSetup(Path(temp), AccountStore(Path(temp), backend=MemoryKeyring()),
                             codes=HttpCodeExchange(server.code_service_url))
        wizard = SetupWizard(setup)
        wizard.show()
        wizard.grab().save(str(folder / "wizard-choice.png"))
        wizard.show_page(wizard.code_page)
        wizard.code_field.setText("abcd 123")
        await _answered(wizard)
        wizard.grab().save(str(folder / "wizard-code.png"))
        wizard.show_page(wizard.manual_page)
        creds = server.credentials
        for field, text in ((wizard.server_field, server.url), (wizard.contract_field,
                            creds.contract), (wizard.username_field, creds.username),
                            (wizard.password_field, "gammelt-kodeord"),
                            (wizard.apikey_field, creds.apikey)):
            field.setText(text)
        await _answered(wizard)
        wizard.grab().save(str(folder / "wizard-manual.png"))
        wizard.close()


async def _answered(wizard: SetupWizard) -> None:
    wizard.go_on()
    while wizard.busy.isVisible():
        await asyncio.sleep(0.02)
    QApplication.processEvents()


async def workbench_pictures(folder: Path) -> None:
    """The window a Danish technician works from, after a first sync of the demo: the task
    list (light and dark), a search while typing, and My day."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = Language(app)
    language.use("da")
    light = QPalette(app.palette())
    try:
        async with _demo_window() as (core, window, _bridge):
            await core.engine.run_pass()
            window.filter_bar.choose("mine")
            await _settled()
            window.grab().save(str(folder / "main-window-da.png"))
            app.setPalette(dark_palette())
            await _settled()
            window.grab().save(str(folder / "main-window-dark-da.png"))
            app.setPalette(light)
            window.search.start("Nyborg")
            await _settled()
            window.grab().save(str(folder / "search-da.png"))
            window.search.clear()
            window.show_day()
            window.day_view.show_week(True)
            while window.day_view.status.text():  # read from the server
                await asyncio.sleep(0.05)
            await _settled()
            window.grab().save(str(folder / "day-view-da.png"))
    finally:
        app.setPalette(light)
        language.use(None)


async def _settled() -> None:
    """What the last change set in motion is drawn."""
    for _ in range(3):
        await asyncio.sleep(0.05)
        QApplication.processEvents()


async def first_sync_picture(folder: Path) -> None:
    """The window during the initial configuration, once the tasks are in."""
    async with _demo_window() as (core, window, bridge):
        taken: list[bool] = []

        def progressed(progress: SyncProgress) -> None:
            tasks_in = any(step.done for step in progress.steps if step.key == TASKS_STEP)
            if progress.running and tasks_in and progress.seconds_left and not taken:
                taken.append(True)  # drawn on the next turn of the loop, not inside the engine
                asyncio.get_running_loop().call_soon(
                    lambda: window.grab().save(str(folder / "initial-configuration.png")))

        bridge.progress.connect(progressed)
        await core.engine.run_pass()


@contextlib.asynccontextmanager
async def _demo_window() -> AsyncIterator[tuple[Core, MainWindow, Bridge]]:
    """The real window on a fresh store of the demo's sandbox (at full scale), before its
    first sync."""
    with SandboxServer(seed=3, scale=1) as server, tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp)
        bridge = Bridge()
        core = build_core(data_dir, sandbox_connection(server, data_dir),
                          on_changes=bridge.publish_changes, on_progress=bridge.publish_progress,
                          on_status=bridge.publish_status)
        tasks = TaskKeeper(asyncio.get_running_loop())
        window = MainWindow.on(core.session, bridge, tasks, registry=BoxRegistry.installed())
        window.show()
        try:
            yield core, window, bridge
        finally:
            window.close()
            await tasks.cancel_all()
            await core.aclose()


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "resources")
    folder.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the pictures' windows close before the end
    indicator_pictures(folder)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(failed_calls_picture(folder))
        loop.run_until_complete(wizard_pictures(folder))
        loop.run_until_complete(first_sync_picture(folder))
        loop.run_until_complete(workbench_pictures(folder))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
