"""The desktop app's composition: the Qt application, the qasync loop, the window.

Qt is imported here and below app/views only; `fieldclient sync` never loads it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket, QNetworkInformation
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from app import APP_NAME
from app.api import Credentials
from app.composition import Connection, Core, NoAccount, build_core, data_folder, open_connection
from app.core.kinds import Kind
from app.db.folder import FolderInUse, FolderLock, StoreDamaged, StoreUnavailable
from app.db.recovery import recover
from app.exits import exit_status, stop_signals
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.account import SecretsUnavailable
from app.sync.controls import SyncControls
from app.sync.monitor import StatusMonitor
from app.sync.status import Indicator
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.sync_pages import permission_prompt
from app.views.tasks import TaskKeeper
from app.views.tray import SyncTray

log = logging.getLogger(__name__)

T = TypeVar("T")

# How often Python gets to run a stop signal's handler where only `signal.signal` works
# (Windows): Qt's loop waits in C++, where Python cannot run it.
SIGNAL_CHECK_MS = 250


@dataclass(frozen=True, slots=True)
class DesktopOptions:
    data_dir: Path | None = None
    sandbox: bool = False
    server: str | None = None
    credentials: Credentials | None = None
    quit_after_sync: bool = False
    screenshot: Path | None = None
    sandbox_scale: float = 1.0
    open_page: tuple[Kind, int] | None = None  # --open KIND:ID


def run_desktop(options: DesktopOptions) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)  # we end the loop ourselves, after cleaning up
    # An explicit loop rather than qasync.run(), which installs a global loop policy that
    # would make every other thread's asyncio.run() (the embedded sandbox's) build a Qt loop.
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    exit_ = AppExit()

    def session_ending(*_args: object) -> None:
        exit_.request()

    # Qt ends its own loop when the session ends (log-off, shut-down on Windows) or on
    # QApplication.quit(): that too is a way out, and the cleanup must still run.
    app.commitDataRequest.connect(session_ending)
    app.aboutToQuit.connect(session_ending)
    try:
        with _stop_signals(loop, exit_):
            main = loop.create_task(_run(app, options, exit_))
            main.add_done_callback(lambda _task: loop.stop())
            while not main.done():
                loop.run_forever()
                exit_.request()  # Qt's loop ended before `_run`: let it clean up
            return main.result()
    finally:
        app.commitDataRequest.disconnect(session_ending)
        app.aboutToQuit.disconnect(session_ending)
        loop.close()
        asyncio.set_event_loop(None)


class AppExit:
    """The one way out of the app.

    Quit in the tray, closing the window (unless the app stays in the tray), Ctrl-C, SIGTERM
    and the end of the session all ask here; `_run` waits for it and then, in its `finally`,
    stops the loops, lets a send under way settle, closes the store and the sandbox.
    """

    def __init__(self) -> None:
        self.requested = asyncio.Event()
        self.status = 0  # the process's exit status; a stop signal's says which one

    def request(self, status: int = 0) -> None:
        if not self.requested.is_set():
            self.status = status
            self.requested.set()

    async def unless_requested(self, work: Coroutine[Any, Any, T]) -> T | None:
        """`work`'s result, or None when the exit is asked for first (`work` is cancelled)."""
        task = asyncio.ensure_future(work)
        asked = asyncio.ensure_future(self.requested.wait())
        await asyncio.wait({task, asked}, return_when=asyncio.FIRST_COMPLETED)
        for pending in (task, asked):
            pending.cancel()
        await asyncio.gather(task, asked, return_exceptions=True)
        return None if task.cancelled() else task.result()


@contextlib.contextmanager
def _stop_signals(loop: asyncio.AbstractEventLoop, exit_: AppExit) -> Iterator[None]:
    """Ctrl-C, SIGTERM (and Ctrl-Break on Windows) ask for the exit."""
    with stop_signals(loop, lambda signum: exit_.request(exit_status(signum))) as needs_wakeups:
        ticker = QTimer()
        if needs_wakeups:
            ticker.timeout.connect(lambda: None)  # runs Python, and so its signal handlers
            ticker.start(SIGNAL_CHECK_MS)
        try:
            yield
        finally:
            ticker.stop()


async def _run(app: QApplication, options: DesktopOptions, exit_: AppExit) -> int:
    with contextlib.ExitStack() as stack:
        data_dir = stack.enter_context(data_folder(options.data_dir, sandbox=options.sandbox))
        bridge = Bridge()
        try:
            # The folder first: a second start must not start a sandbox or touch the account.
            stack.enter_context(FolderLock(data_dir))
            connection = stack.enter_context(
                open_connection(
                    data_dir,
                    sandbox=options.sandbox,
                    server=options.server,
                    credentials=options.credentials,
                    sandbox_scale=options.sandbox_scale,
                )
            )
            core = await _open_core(data_dir, connection, bridge, options)
        except FolderInUse as error:
            log.error("%s", error)
            if options.quit_after_sync:
                return 2
            if not SecondStart.bring_forward(data_dir):  # the holder has no window to show
                await startup_message(str(error))
            return 2
        except (NoAccount, SecretsUnavailable, StoreUnavailable) as error:
            log.error("%s", error)
            if not options.quit_after_sync:
                await startup_message(str(error))
            return 2
        if core is None:
            return 2  # the technician chose not to recover a damaged store
        controls = core.session.controls
        tasks = TaskKeeper(asyncio.get_running_loop())
        # The box plugins, loaded once for the app's lifetime and handed to what draws pages.
        window = MainWindow(core.session, bridge, tasks, registry=BoxRegistry.installed())
        tray = _tray(window, bridge, controls, exit_.request)
        bridge.notice.connect(tray.notify if tray is not None else window.notify)
        _follow_network(window, core.monitor)
        # Time alone makes the app out of date: look again every half minute.
        clock_tick = QTimer(window)
        clock_tick.timeout.connect(core.monitor.refresh)
        clock_tick.start(30_000)

        def window_closed() -> None:
            # With background sync allowed the app stays in the tray; otherwise it ends.
            if tray is None or controls.background_sync is not True:
                exit_.request()

        app.lastWindowClosed.connect(window_closed)
        window.show()
        if options.open_page is not None and not options.quit_after_sync:
            window.open_page(*options.open_page)  # it fills in if the first sync brings it
        SecondStart.listen(data_dir, window)
        # What exists now lives as long as the app: keep it out of the collector's full passes,
        # which otherwise pause the GUI for tens of milliseconds during a large sync.
        gc.freeze()
        try:
            if options.quit_after_sync:
                result = await exit_.unless_requested(core.engine.run_pass())
                if result is None:
                    return exit_.status
                if options.open_page is not None and not _opened(window, core, options.open_page):
                    return 2
                # Twice: a text that wraps to its width asks for its height only once laid out.
                app.processEvents()
                app.processEvents()
                if options.screenshot is not None and not window.grab().save(
                    str(options.screenshot)
                ):
                    log.error("Could not save the screenshot to %s", options.screenshot)
                    return 1
                return 0 if result.ok else 1
            core.scheduler.start()
            core.sender.start()
            if controls.background_sync is None:
                permission_prompt(window, controls, tasks)  # first run: ask once
            await exit_.requested.wait()
            return exit_.status
        finally:
            app.lastWindowClosed.disconnect(window_closed)  # the app outlives this run in tests
            await tasks.cancel_all()
            window.close()
            window.deleteLater()
            await core.aclose()
    return 0


def _opened(window: MainWindow, core: Core, place: tuple[Kind, int]) -> bool:
    """Open --open's page after the sync; False (and why, logged) when it is not here."""
    kind, object_id = place
    if core.session.object(kind, object_id) is None:
        log.error("There is no %s %s on this device.", kind.value, object_id)
        return False
    window.open_page(kind, object_id)
    return True


def _tray(
    window: MainWindow, bridge: Bridge, controls: SyncControls, quit_app: Callable[[], None]
) -> SyncTray | None:
    """The tray icon where the desktop has one (else the status bar carries the indicators)."""
    if not SyncTray.available():
        return None
    tray = SyncTray(window)
    menu = QMenu(window)
    menu.addAction("Open Field Client", window.showNormal)
    menu.addAction("Sync now", controls.request_sync)
    menu.addSeparator()
    # Not QApplication.quit, which would end the loop under `_run` before it cleaned up.
    menu.addAction("Quit", lambda: quit_app())
    tray.icon.setContextMenu(menu)

    def opened(indicator: Indicator | None) -> None:
        window.showNormal()
        window.raise_()
        if indicator is not None:
            window.open_indicator(indicator)

    tray.opened.connect(opened)

    def task_opened(todo_id: int) -> None:
        window.showNormal()
        window.show_task(todo_id)

    tray.task_opened.connect(task_opened)
    bridge.status.connect(tray.show_status)
    tray.show_status(controls.status)
    tray.show()
    return tray


def _follow_network(window: MainWindow, monitor: StatusMonitor) -> None:
    """Online/offline and metered from Qt's network information, where the platform has it;
    the calls themselves tell the monitor too (a call that does not reach the server)."""
    if not QNetworkInformation.loadDefaultBackend():
        return
    network = QNetworkInformation.instance()

    def changed(*_args: object) -> None:
        up = network.reachability() in (QNetworkInformation.Reachability.Online,
                                        QNetworkInformation.Reachability.Unknown)
        monitor.network_changed(up, metered=network.isMetered())

    network.reachabilityChanged.connect(changed)
    network.isMeteredChanged.connect(changed)
    changed()


async def _open_core(
    data_dir: Path, connection: Connection, bridge: Bridge, options: DesktopOptions
) -> Core | None:
    """The services on the folder's store; a damaged store is offered for recovery first.

    None: the store was damaged and the technician chose to quit (the file is untouched).
    """
    def build() -> Core:
        return build_core(
            data_dir,
            connection,
            on_changes=bridge.publish_changes,
            on_progress=bridge.publish_progress,
            on_status=bridge.publish_status,
            on_notice=bridge.publish_notice,
        )

    try:
        return build()
    except StoreDamaged as damage:
        log.error("%s", damage)
        if options.quit_after_sync:
            raise
        question = (f"{damage} Recover it? Your unsent changes are kept, the rest is downloaded "
                    "again, and the damaged file is kept aside.")
        answer = await startup_message(question, offer_recovery=True)
        if answer != QMessageBox.ButtonRole.AcceptRole:
            return None
    log.info("%s", recover(data_dir).message)
    return build()


async def startup_message(text: str, *, offer_recovery: bool = False) -> QMessageBox.ButtonRole:
    """Why the app cannot start, as a dialog; with `offer_recovery`, a Recover and a Quit button.

    Opened with `open()` and awaited, never `exec()`, so the event loop runs on meanwhile.
    """
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    box.setObjectName("startup-message")
    if offer_recovery:
        box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(QMessageBox.StandardButton.Ok)
    answer: asyncio.Future[QMessageBox.ButtonRole] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        role = box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole
        if not answer.done():
            answer.set_result(role)

    box.finished.connect(finished)
    box.open()
    try:
        return await answer
    finally:
        box.deleteLater()


class SecondStart:
    """A second start on a data folder brings the running app's window forward.

    The running app listens on a local socket named after its data folder (held by it, so the
    name is its own); a second start that finds the folder in use connects, and the connection
    itself is the request.
    """

    @staticmethod
    def name(data_dir: Path) -> str:
        digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:24]
        return f"fieldclient-{digest}"

    @classmethod
    def listen(cls, data_dir: Path, window: QWidget) -> QLocalServer:
        server = QLocalServer(window)
        name = cls.name(data_dir)
        QLocalServer.removeServer(name)  # a crashed run's socket; the folder is ours now
        if not server.listen(name):
            log.info("A second start cannot reach this window: %s", server.errorString())
            return server

        def called() -> None:
            while (connection := server.nextPendingConnection()) is not None:
                connection.disconnectFromServer()
                connection.deleteLater()
            log.info("Field Client was started again on %s: bringing the window forward",
                     data_dir)
            window.showNormal()
            window.raise_()
            window.activateWindow()

        server.newConnection.connect(called)
        return server

    @classmethod
    def bring_forward(cls, data_dir: Path) -> bool:
        """Ask the app running on `data_dir` to show its window; False if none answered (the
        folder is held by a `fieldclient sync`, or the app is still starting)."""
        socket = QLocalSocket()
        socket.connectToServer(cls.name(data_dir))
        reached = socket.waitForConnected(1000)
        socket.abort()
        return reached
