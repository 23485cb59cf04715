"""The desktop app's composition: the Qt application, the qasync loop, the window.

Qt is imported here and below app/views only; `fieldclient sync` never loads it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported

import qasync
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME
from app.api import Credentials
from app.composition import NoAccount, build_core, data_folder, open_connection
from app.sync.account import SecretsUnavailable
from app.sync.scheduler import SyncScheduler
from app.views.bridge import Bridge
from app.views.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DesktopOptions:
    data_dir: Path | None = None
    sandbox: bool = False
    server: str | None = None
    credentials: Credentials | None = None
    quit_after_sync: bool = False
    screenshot: Path | None = None
    sandbox_scale: float = 1.0


def run_desktop(options: DesktopOptions) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)  # we end the loop ourselves, after cleaning up
    # An explicit loop rather than qasync.run(), which installs a global loop policy that
    # would make every other thread's asyncio.run() (the embedded sandbox's) build a Qt loop.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(_run(app, options))
    finally:
        loop.close()
        asyncio.set_event_loop(None)


async def _run(app: QApplication, options: DesktopOptions) -> int:
    with contextlib.ExitStack() as stack:
        data_dir = stack.enter_context(data_folder(options.data_dir, sandbox=options.sandbox))
        try:
            connection = stack.enter_context(
                open_connection(
                    data_dir,
                    sandbox=options.sandbox,
                    server=options.server,
                    credentials=options.credentials,
                    sandbox_scale=options.sandbox_scale,
                )
            )
        except (NoAccount, SecretsUnavailable) as error:
            log.error("%s", error)
            if not options.quit_after_sync:
                QMessageBox.critical(None, APP_NAME, str(error))
            return 2
        bridge = Bridge()
        core = build_core(
            data_dir,
            connection,
            on_changes=bridge.publish_changes,
            on_progress=bridge.publish_progress,
        )
        scheduler = SyncScheduler(core.engine)
        window = MainWindow(core.store, bridge, scheduler.request)
        closed = asyncio.Event()
        app.lastWindowClosed.connect(closed.set)
        window.show()
        # What exists now lives as long as the app: keep it out of the collector's full passes,
        # which otherwise pause the GUI for tens of milliseconds during a large sync.
        gc.freeze()
        try:
            if options.quit_after_sync:
                result = await core.engine.run_pass()
                app.processEvents()
                if options.screenshot is not None:
                    window.grab().save(str(options.screenshot))
                return 0 if result.ok else 1
            scheduler.start()
            await closed.wait()
            return 0
        finally:
            await scheduler.stop()
            window.close()
            window.deleteLater()
            await core.aclose()
    return 0
