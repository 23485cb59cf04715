"""The desktop app's composition: the Qt application, the qasync loop, the window.

Qt is imported here and below app/views only; `fieldclient sync` never loads it.

A start paints its window first: the window's shell (app/views/main_window.py) is painted
(unless the window already open on the data folder answers a second start), then the folder is
locked, before asyncio, qasync, the store, the keyring, the sync modules or the box plugins are
imported, so the module imports them where they are first needed, after that paint, rather
than at its top (bench/cold_start.py has the figures).
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME
from app.core.data_folder import data_folder, has_saved_account
from app.core.interpreter import settle_for_a_window
from app.core.kinds import Kind
from app.db.folder import (
    DATABASE_FILE,
    FolderInUse,
    FolderLock,
    StoreUnavailable,
    lock_is_held,
)
from app.sync.first_look import first_rows
from app.views.first_paint import PAINT_LIMIT_MS, FirstPaint, next_paint
from app.views.language import Language
from app.views.list_columns import LIST_COLUMNS, default_choice
from app.views.main_window import MainWindow

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtNetwork import QLocalServer

    from app.api import Credentials
    from app.composition import Connection, Core
    from app.mainpage_boxes.registry import BoxRegistry
    from app.sync.controls import SyncControls
    from app.sync.monitor import StatusMonitor
    from app.sync.session import Session
    from app.sync.status import Indicator
    from app.views.bridge import Bridge
    from app.views.tasks import TaskKeeper
    from app.views.tray import SyncTray

log = logging.getLogger(__name__)

T = TypeVar("T")

# How often Python gets to run a stop signal's handler where only `signal.signal` works
# (Windows): Qt's loop waits in C++, where Python cannot run it.
SIGNAL_CHECK_MS = 250
# The task list's rows read for the shell's first paint: more than a maximised window shows.
FIRST_ROWS = 64


@dataclass(frozen=True, slots=True)
class DesktopOptions:
    data_dir: Path | None = None
    sandbox: bool = False
    server: str | None = None
    credentials: Credentials | None = None
    quit_after_sync: bool = False
    # print when the window was first painted ("window"), with rows ("rows") and with its
    # session's rows ("session"), each with its moment (time.time()), then quit
    quit_when_shown: bool = False
    screenshot: Path | None = None
    sandbox_scale: float = 1.0
    open_page: tuple[Kind, int] | None = None  # --open KIND:ID
    log_level: str | None = None  # --log-level, when given
    preview: bool = False  # --preview: the layout preview opens over the window
    preview_file: Path | None = None  # --preview FILE.json: of that file, else the account's


def run_desktop(options: DesktopOptions) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    language = Language(app)
    language.use(None)  # the system's language until the settings are read
    app.setQuitOnLastWindowClosed(False)  # we end the loop ourselves, after cleaning up
    with contextlib.ExitStack() as held:
        data_dir = held.enter_context(data_folder(options.data_dir, sandbox=options.sandbox))
        # A second start on a folder whose window is open brings that window forward and
        # paints none of its own. A folder no one holds has no window to ask.
        if not options.quit_after_sync and lock_is_held(data_dir) and \
                SecondStart.bring_forward(data_dir):
            log.info("Field Client is already running on %s: its window was brought forward",
                     data_dir)
            return 2
        shell = None
        if options.sandbox or options.server or has_saved_account(data_dir):
            shell = _painted_shell(options, data_dir)  # reads the folder, writes nothing
        refused: StoreUnavailable | None = None
        try:
            # Before anything is written, the sandbox started or the account read; after the
            # paint, which the lock's import (filelock, 15-20 ms) would hold back. A folder
            # held without a window to bring forward (a `fieldclient sync`, or an app still
            # starting) is said in a dialog.
            held.enter_context(FolderLock(data_dir))
        except StoreUnavailable as error:
            refused = error
        return _run_loop(app, options, language, data_dir, refused, shell)
    return 0


def _painted_shell(options: DesktopOptions, data_dir: Path) -> MainWindow:
    """The main window's shell, shown and painted by Qt's own loop before the app's core (and
    asyncio) is imported: the window is there while the store opens, its task list already
    showing the first rows the store holds (app/sync/first_look.py). A start that will open
    no window on an account (the set-up wizard) does not come here."""
    shell = MainWindow()
    first = first_rows(data_dir / DATABASE_FILE, Kind.TODO,
                       [column.name for column in LIST_COLUMNS[Kind.TODO]],
                       default_choice(Kind.TODO), FIRST_ROWS)
    if first is not None:
        shell.show_first_rows(first)
    painted = QEventLoop()

    def say_when() -> None:
        if options.quit_when_shown:
            moment = time.time()
            print("window", moment, flush=True)
            if first is not None and first.rows:
                print("rows", moment, flush=True)
        painted.quit()

    FirstPaint(shell, say_when)
    QTimer.singleShot(PAINT_LIMIT_MS, painted.quit)
    shell.show()
    painted.exec()
    return shell


def _run_loop(
    app: QApplication, options: DesktopOptions, language: Language, data_dir: Path,
    refused: StoreUnavailable | None, shell: MainWindow | None,
) -> int:
    """The app on the qasync loop, until `_run` ends."""
    import asyncio

    import qasync

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
            main = loop.create_task(_run(app, options, exit_, language, data_dir, refused, shell))
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
    stops the loops, lets a send under way settle, closes the store and the sandbox. A
    question the start asks (a message, the recovery, the set-up wizard) gives way to it
    (`unless_requested`): a log-off must not wait for someone to click OK.
    """

    def __init__(self) -> None:
        import asyncio

        self.requested = asyncio.Event()
        self.status = 0  # the process's exit status; a stop signal's says which one

    def request(self, status: int = 0) -> None:
        if not self.requested.is_set():
            self.status = status
            self.requested.set()

    def status_or(self, status: int) -> int:
        """The exit's status once one was asked for (a stop signal's), else `status`."""
        return self.status if self.requested.is_set() else status

    async def unless_requested(self, work: Coroutine[Any, Any, T]) -> T | None:
        """`work`'s result, or None when the exit is asked for first (`work` is cancelled)."""
        import asyncio

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
    from app.exits import exit_status, stop_signals

    with stop_signals(loop, lambda signum: exit_.request(exit_status(signum))) as needs_wakeups:
        ticker = QTimer()
        if needs_wakeups:
            ticker.timeout.connect(lambda: None)  # runs Python, and so its signal handlers
            ticker.start(SIGNAL_CHECK_MS)
        try:
            yield
        finally:
            ticker.stop()


async def _run(
    app: QApplication, options: DesktopOptions, exit_: AppExit, language: Language,
    data_dir: Path, refused: StoreUnavailable | None, shell: MainWindow | None,
) -> int:
    from app.core.log_file import log_file

    if refused is not None and shell is not None:
        _WindowLife.close_window(shell)  # no window goes on: the message says why
    if isinstance(refused, FolderInUse):
        log.error("%s", refused)
        if options.quit_after_sync:
            return 2
        if not SecondStart.bring_forward(data_dir):  # the holder has no window to show
            await startup_message(str(refused), exit_)
        return exit_.status_or(2)
    if refused is not None:
        return await _cannot_start(refused, options, exit_)
    with log_file(data_dir):  # once the folder is ours: one writer
        # Signing out brings the set-up wizard back, for this contract or another one.
        while (status := await _run_signed_in(app, options, exit_, data_dir, language, shell)
               ) is SIGNED_OUT:
            shell = None
            options = replace(options, server=None, credentials=None, open_page=None)
        return status


class _SignedOut(enum.Enum):
    SIGNED_OUT = "signed out"


SIGNED_OUT = _SignedOut.SIGNED_OUT


async def _cannot_start(error: Exception, options: DesktopOptions, exit_: AppExit) -> int:
    log.error("%s", error)
    if not options.quit_after_sync:
        await startup_message(str(error), exit_)
    return exit_.status_or(2)


async def _run_signed_in(
    app: QApplication, options: DesktopOptions, exit_: AppExit, data_dir: Path,
    language: Language, shell: MainWindow | None,
) -> int | _SignedOut:
    """One signed-in life of the app: connect (the wizard first when nothing is set up), the
    window, the loops; its exit status, or SIGNED_OUT when the technician signed out.

    `shell`: the window painted before the store was opened; it becomes the window, given its
    session here, or is closed (the wizard took its place, the store cannot be opened)."""
    import asyncio

    from app.composition import NoAccount
    from app.db.outbox import UnsentChanges
    from app.sync.account import SecretsUnavailable
    from app.sync.preferences import apply_log_level
    from app.sync.signin import sign_out
    from app.views.bridge import Bridge
    from app.views.settings import follow_language
    from app.views.sync_pages import permission_prompt
    from app.views.tasks import TaskKeeper

    with contextlib.ExitStack() as stack:
        unused_shell = shell

        def close_unused_shell() -> None:
            if unused_shell is not None:
                _WindowLife.close_window(unused_shell)

        stack.callback(close_unused_shell)
        bridge = Bridge()
        try:
            connected = await _connect(stack, data_dir, options, shell, exit_)
            if connected is None:
                return exit_.status_or(0)  # the wizard was closed: nothing was set up
            core_dir, connection = connected
            core = await _open_core(core_dir, connection, bridge, options, exit_)
        except (NoAccount, SecretsUnavailable, StoreUnavailable) as error:
            return await _cannot_start(error, options, exit_)
        if core is None:
            return exit_.status_or(2)  # the technician chose not to recover a damaged store
        if options.log_level is None and core.preferences.log_level is not None:
            apply_log_level(core.preferences.log_level)  # --log-level wins for this run
        painted_in = language.code
        relanguage = asyncio.Event()  # another language on the screen: a new window
        follow_language(language, core.preferences, relanguage.set)
        tasks = TaskKeeper(asyncio.get_running_loop())
        _follow_network(core.monitor)
        life = _WindowLife(app, core, connection, bridge, tasks, options, exit_, data_dir)
        # The shell is the window, unless the wizard took its place or the settings chose
        # another language than the one it was painted in (its texts are made).
        if shell is not None and shell.isVisible() and language.code == painted_in:
            window = life.show(None, shell=shell)
        else:
            window = life.show(None)
            if shell is not None and shell.isVisible():
                window.restoreGeometry(shell.saveGeometry())
                _WindowLife.close_window(shell)
        unused_shell = None
        if options.open_page is not None and not options.quit_after_sync:
            window.open_page(*options.open_page)  # it fills in if the first sync brings it
        if options.preview:
            window.open_preview(options.preview_file)
        collections = settle_for_a_window()
        bridge.progress.connect(lambda progress: collections.heard(progress.running))
        if options.quit_when_shown:
            if shell is None:  # not painted before the store was opened
                await _first_paint(window)
            await _first_rows_painted(window)
            return 0
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
                if options.preview and window.preview is not None:
                    window.preview.refill()  # the objects the sync brought
                    app.processEvents()
                shown: QWidget = window.preview if window.preview is not None else window
                if options.screenshot is not None and not shown.grab().save(
                    str(options.screenshot)
                ):
                    log.error("Could not save the screenshot to %s", options.screenshot)
                    return 1
                return 0 if result.ok else 1
            # The window's lists, filters and indicators painted first: the sync's threads
            # would otherwise hold the interpreter through that paint (bench/gui_stall.py).
            await next_paint(window.list_views[Kind.TODO].viewport())
            core.scheduler.start()
            core.sender.start()
            # First run: ask once. Not for a demo: its data goes when the app closes, so there
            # is nothing to keep in sync in the background (nor to start with Windows).
            controls = core.session.controls
            if controls.background_sync is None and connection.sandbox is None:
                permission_prompt(window, controls, tasks)
            while True:
                signed_out = await exit_.unless_requested(
                    _signed_out(life.signing_out, relanguage))
                if signed_out is None:
                    return exit_.status
                if signed_out:
                    break
                relanguage.clear()
                window = life.show(window)
        finally:
            await tasks.cancel_all()
            life.close()
            await core.aclose()
        if connection.sandbox is None:  # the demo's folder goes with the stack
            try:
                sign_out(core_dir)
            except UnsentChanges as refused:  # a change saved after the question was answered
                await startup_message(str(refused), exit_)
        return SIGNED_OUT
    return 0


async def _signed_out(signing_out: asyncio.Event, relanguage: asyncio.Event) -> bool:
    """Wait for what ends the window: True, the technician signed out; False, they chose
    another language."""
    import asyncio

    waits = {asyncio.ensure_future(signing_out.wait()), asyncio.ensure_future(relanguage.wait())}
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
    return signing_out.is_set()


async def _first_paint(window: QWidget) -> None:
    """--quit-when-shown: print when `window` was painted (before what waits for that)."""
    await next_paint(window)
    print("window", time.time(), flush=True)


async def _first_rows_painted(window: MainWindow) -> None:
    """--quit-when-shown: print when the task list was first painted with its session's rows
    (at once when the store has no task): every row opens from then on. (The shell may have
    painted the first rows before: it printed "rows" then.)"""
    import asyncio

    painted = asyncio.Event()
    view = window.list_views[Kind.TODO]
    model = window.models[Kind.TODO]

    def look() -> None:
        if model.rowCount() == 0 and model.total > 0:
            FirstPaint(view.viewport(), look)  # rows not fetched yet: the next paint
            return
        print("session", time.time(), flush=True)
        painted.set()

    FirstPaint(view.viewport(), look)
    view.viewport().update()
    await painted.wait()


class _WindowLife:
    """The main window and what hangs off it (the tray, the clock, Sign out, Quit, the
    second-start socket). Qt's widgets take their texts when they are made, so another
    language chosen in Settings means a new window: `show` builds one where the old one was,
    on the same core, at the same place, with Settings open again, and closes the old one."""

    def __init__(
        self, app: QApplication, core: Core, connection: Connection, bridge: Bridge,
        tasks: TaskKeeper, options: DesktopOptions, exit_: AppExit, data_dir: Path,
    ) -> None:
        import asyncio

        from app.mainpage_boxes.registry import BoxRegistry

        self._app, self._core, self._connection, self._bridge = app, core, connection, bridge
        self._tasks, self._options, self._exit, self._data_dir = tasks, options, exit_, data_dir
        # The box plugins, loaded once for the app's lifetime and handed to what draws pages.
        self._registry = BoxRegistry.installed_on_first_use()
        self._window: MainWindow | None = None
        self._listening: QLocalServer | None = None  # answers a second start: the window's
        self.signing_out = asyncio.Event()  # set once the technician confirmed Sign out

    def show(self, old: MainWindow | None, *, shell: MainWindow | None = None) -> MainWindow:
        """The window on the core: `shell`, the one painted while the store opened, given its
        session; else a new one, in the place of `old` when the language changed."""
        core, controls = self._core, self._core.session.controls
        if shell is not None:
            window = shell
            window.attach(core.session, self._bridge, self._tasks, registry=self._registry)
        else:
            window = MainWindow.on(core.session, self._bridge, self._tasks,
                                   registry=self._registry)
        tray = _tray(window, self._bridge, controls, self._exit.request)
        self._bridge.notice.connect(tray.notify if tray is not None else window.notify)
        # Time alone makes the app out of date: look again every half minute.
        clock_tick = QTimer(window)
        clock_tick.timeout.connect(core.monitor.refresh)
        clock_tick.start(30_000)
        _offer_sign_out(window, core, self._connection, self._tasks, self._options,
                        self.signing_out)
        window.quit_action.triggered.connect(lambda: self._exit.request())
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
        window.show()  # before the old one closes, so closing it is not the last window's
        if old is not None:
            if old.history.current is not None:
                window.open_page(*old.history.current)
            self.close_window(old)
            window.menus.open_settings()  # where the language was chosen, to go on there
            if window.menus.settings is not None:
                window.menus.settings.language.setFocus()
        else:
            self._app.lastWindowClosed.connect(self._window_closed)
        self._stop_listening()
        self._listening = SecondStart.listen(self._data_dir, window)
        self._window = window
        return window

    def close(self) -> None:
        self._app.lastWindowClosed.disconnect(self._window_closed)  # the app outlives a run
        # At once, not with the window's deletion: a start after this run (a sign-out's, or a
        # test's in the same process) asks for a window before the loop deletes anything.
        self._stop_listening()
        if self._window is not None:
            self.close_window(self._window)

    def _stop_listening(self) -> None:
        if self._listening is not None:
            self._listening.close()
            self._listening = None

    def _window_closed(self) -> None:
        from app.views.tray import SyncTray

        # With background sync allowed the app stays in the tray; otherwise it ends.
        if not SyncTray.available() or self._core.session.controls.background_sync is not True:
            self._exit.request()

    @staticmethod
    def close_window(window: MainWindow) -> None:
        window.close()
        window.deleteLater()


async def _connect(
    stack: contextlib.ExitStack, data_dir: Path, options: DesktopOptions,
    shell: MainWindow | None, exit_: AppExit,
) -> tuple[Path, Connection] | None:
    """Where the core's data lives and what it syncs with: the sandbox, --server, the saved
    account, or what the set-up wizard ends with (None: it was closed, or the app was asked
    to end while it was open).

    The wizard opens when nothing is set up, and on the typed details when the saved
    account's secrets cannot be read from the keyring (a restart on another Windows user, a
    keyring that is gone): it says why and asks again. A run that only syncs and exits
    (`--quit-after-sync`) never asks; it says why and ends. The wizard takes the place of
    the window's `shell`, which is hidden.
    """
    from app.composition import (
        Connection,
        NoAccount,
        embedded_sandbox,
        open_connection,
    )
    from app.sync.account import Account, AccountStore, SecretsUnavailable
    from app.sync.provisioning import code_exchange_from
    from app.sync.signin import AccountSetup
    from app.views.setup_wizard import run_setup_wizard

    reason: str | None = None
    try:
        connection = stack.enter_context(open_connection(
            data_dir, sandbox=options.sandbox, server=options.server,
            credentials=options.credentials, sandbox_scale=options.sandbox_scale,
        ))
        connection.credentials()  # the keyring is read here, not halfway through the start
        return data_dir, connection
    except (NoAccount, SecretsUnavailable) as missing:
        if options.quit_after_sync:
            raise
        reason = str(missing) if isinstance(missing, SecretsUnavailable) else None
    if shell is not None:
        shell.hide()
    setup = AccountSetup(data_dir, codes=code_exchange_from(os.environ))
    choice = await exit_.unless_requested(
        run_setup_wizard(setup, reason=reason, prefill=setup.saved()))
    if choice is None:
        return None
    if isinstance(choice, Account):
        return data_dir, Connection(choice, AccountStore(data_dir))
    demo_dir = stack.enter_context(data_folder(None, sandbox=True))
    return demo_dir, stack.enter_context(embedded_sandbox(demo_dir, scale=options.sandbox_scale))


def _offer_sign_out(
    window: MainWindow, core: Core, connection: Connection, tasks: TaskKeeper,
    options: DesktopOptions, confirmed: asyncio.Event,
) -> None:
    """The window's Sign out: refused with the list while changes wait, else confirmed;
    `confirmed` is set once the technician confirmed. A run on --sandbox or --server keeps no
    account, so it has nothing to sign out of."""
    from app.db.outbox import UnsentChanges, ensure_nothing_unsent

    account = connection.account
    demo = connection.sandbox is not None and not options.sandbox
    leave = QCoreApplication.translate("Desktop", "&Leave the demo…")
    sign_out = QCoreApplication.translate("Desktop", "Sign &out…")
    window.sign_out_action.setText(leave if demo else sign_out)
    window.sign_out_action.setVisible(demo or (not options.sandbox and not options.server))

    async def asked() -> None:
        try:
            ensure_nothing_unsent(core.store, "sign out")
        except UnsentChanges as refused:
            await ask(str(refused), tone="warning", parent=window,
                      name="sign-out-message")
            return
        if demo:
            question = QCoreApplication.translate(
                "Desktop", "Leave the demo? Its data is thrown away.")
            accept = QCoreApplication.translate("Desktop", "Leave the demo")
        else:
            question = QCoreApplication.translate(
                "Desktop", "Sign out of {user} on contract {contract}? The local data on this "
                "computer is removed; you can then sign in again, to this contract or another."
            ).format(user=account.username, contract=account.contract)
            accept = QCoreApplication.translate("Desktop", "Sign out")
        cancel = QCoreApplication.translate("Desktop", "Cancel")
        if await ask(question, accept=accept, reject=cancel, tone="question",
                     parent=window, name="sign-out-message"):
            confirmed.set()

    window.sign_out_action.triggered.connect(lambda: tasks.start(asked()))


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
    from PySide6.QtWidgets import QMenu

    from app.views.tray import SyncTray

    if not SyncTray.available():
        return None
    tray = SyncTray(window)
    menu = QMenu(window)
    menu.addAction(QCoreApplication.translate("Desktop", "Open {app}").format(app=APP_NAME),
                   window.showNormal)
    menu.addAction(QCoreApplication.translate("Desktop", "Sync now"), controls.request_sync)
    menu.addSeparator()
    # Not QApplication.quit, which would end the loop under `_run` before it cleaned up.
    menu.addAction(QCoreApplication.translate("Desktop", "Quit"), lambda: quit_app())
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


def _follow_network(monitor: StatusMonitor) -> None:
    """Online/offline and metered from Qt's network information, where the platform has it;
    the calls themselves tell the monitor too (a call that does not reach the server)."""
    from PySide6.QtNetwork import QNetworkInformation

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
    data_dir: Path, connection: Connection, bridge: Bridge, options: DesktopOptions,
    exit_: AppExit,
) -> Core | None:
    """The services on the folder's store; a damaged store is offered for recovery first.

    None: the store was damaged and the technician chose to quit, or the app was asked to end
    meanwhile (the file is untouched).
    """
    from app.composition import build_core
    from app.db.folder import StoreDamaged
    from app.db.recovery import recover

    def build() -> Core:
        return build_core(
            data_dir,
            connection,
            on_changes=bridge.publish_changes,
            on_progress=bridge.publish_progress,
            on_status=bridge.publish_status,
            on_notice=bridge.publish_notice,
            turn=bridge.turn,
        )

    try:
        return build()
    except StoreDamaged as damage:
        log.error("%s", damage)
        if options.quit_after_sync:
            raise
        question = QCoreApplication.translate("Desktop",
            "{damage} Recover it? Your unsent changes are kept, the rest is downloaded "
            "again, and the damaged file is kept aside.").format(damage=damage)
        if not await exit_.unless_requested(
                ask(question, accept=QCoreApplication.translate("Desktop", "Recover"))):
            return None
    log.info("%s", recover(data_dir).message)
    return build()


def export_preview(session: Session, registry: BoxRegistry, folder: Path) -> list[Path]:
    """`fieldclient preview FILE --export DIR`: each main page drawn offscreen (no window, so
    it runs on a CI machine without a display) and saved as a PNG."""
    from app.views.preview import export_pages

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    Language(app).use(None)
    return export_pages(session, registry, folder)


async def startup_message(text: str, exit_: AppExit) -> None:
    """Why the app cannot start, as a dialog; closed by itself when the app is asked to end
    meanwhile (a stop signal, a log-off)."""
    await exit_.unless_requested(ask(text))


async def ask(
    text: str,
    *,
    accept: str | None = None,
    reject: str | None = None,
    tone: Literal["error", "warning", "question"] = "error",
    parent: QWidget | None = None,
    name: str = "startup-message",
) -> bool:
    """A message with OK; with `accept`, a question with that button and `reject` (Quit when
    not given), answered True when `accept` was clicked.

    Opened with `open()` and awaited, never `exec()`, so the event loop runs on meanwhile.
    QMessageBox is imported here: making its class (and its enums) cost the first paint 2 ms.
    """
    import asyncio

    from PySide6.QtWidgets import QMessageBox

    icon = {"error": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning,
            "question": QMessageBox.Icon.Question}[tone]
    box = QMessageBox(icon, APP_NAME, text, parent=parent)
    box.setObjectName(name)
    if accept is not None:
        box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(reject or QCoreApplication.translate("Desktop", "Quit"),
                      QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(QMessageBox.StandardButton.Ok)
    answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        accepted = clicked is not None and (
            box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole)
        if not answer.done():
            answer.set_result(accept is not None and accepted)

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
        """Named before the first paint: Qt's hash, since hashlib's import costs it 3 ms."""
        from PySide6.QtCore import QCryptographicHash

        digest = QCryptographicHash.hash(str(data_dir.resolve()).encode(),
                                         QCryptographicHash.Algorithm.Sha256)
        return f"fieldclient-{bytes(digest.toHex().data()).decode()[:24]}"

    @classmethod
    def listen(cls, data_dir: Path, window: QWidget) -> QLocalServer:
        from PySide6.QtNetwork import QLocalServer

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
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(cls.name(data_dir))
        reached = socket.waitForConnected(1000)
        socket.abort()
        return reached
