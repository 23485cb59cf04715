"""The app as a tester drives it: its main window on a sandbox, signed in, its own loops
running, and the waits a test needs between a click and what follows from it.

Built the way `fieldclient` builds itself (app/desktop.py): the account is signed in with
the shared sign-in code (so its secrets go to the keyring the plugin installed), the core is
wired by app/composition.py, the window gets the installed box plugins, and the sync
scheduler and the outbox sender run as in the app: the first sync starts at once, a change
is sent as soon as it is saved, and Sync now asks for a pass. Nothing of the app is replaced.

The event loop is the app's (qasync on Qt's), and it counts as running for the whole test
(`fieldclient_loop`): the app's coroutines go on whenever Qt processes events, so a test's
waits (these, or qtbot's own) let both Qt and the app work, and neither runs while the test
reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.composition import Connection, Core, build_core
from app.core.kinds import Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.account import Account, AccountStore
from app.sync.progress import SyncProgress
from app.sync.signin import sign_in
from app.testkit.pages import Indicators, MainPage, Outbox
from app.testkit.sandbox import Sandbox
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper

T = TypeVar("T")

# How long a wait lasts by default before it fails the test: a step of the app against a
# loopback sandbox takes milliseconds; seconds mean something is stuck.
DEFAULT_TIMEOUT = 10.0


class SyncFailed(AssertionError):
    """The first sync of `fieldclient_app` failed: the window would show no data."""


class FieldClientApp:
    """The app's main window on the test's sandbox, signed in and synced.

    Attributes:
        window: the `MainWindow` (a QWidget: `qtbot` clicks and keys work on it).
        sandbox: the `Sandbox` it syncs with.
        qtbot: the test's qtbot.
        data_dir: the app's data folder (the store, the account; secrets are in the keyring).
        outbox: the changes made in the app (`Outbox`: wait until sent, the failed calls).
        indicators: the sync indicators in the status bar (`Indicators`).
        core: the app's services (app/composition.py), for what no page object reads yet;
            not part of the public API: it follows the app's internals.
    """

    def __init__(self, qtbot: QtBot, sandbox: Sandbox, data_dir: Path,
                 loop: asyncio.AbstractEventLoop) -> None:
        """Sign in and open the window; `start()` starts the app's loops (the first sync)."""
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.data_dir = data_dir
        self._loop = loop
        self._passes: list[SyncProgress] = []
        account = Account(sandbox.url, sandbox.credentials.contract,
                          sandbox.credentials.username)
        self.run(sign_in(data_dir, account, password=sandbox.credentials.password,
                         apikey=sandbox.credentials.apikey))
        self._bridge = Bridge()
        self.core: Core = build_core(
            data_dir,
            Connection(account, AccountStore(data_dir)),
            on_changes=self._bridge.publish_changes,
            on_progress=self._progressed,
            on_status=self._bridge.publish_status,
            on_notice=self._bridge.publish_notice,
            turn=self._bridge.turn,
        )
        self._tasks = TaskKeeper(loop)
        self.window = MainWindow.on(self.core.session, self._bridge, self._tasks,
                                 registry=BoxRegistry.installed())
        self.window.show()
        self.outbox = Outbox(self)
        self.indicators = Indicators(self)

    def _progressed(self, progress: SyncProgress) -> None:
        self._bridge.publish_progress(progress)
        if not progress.running:
            self._passes.append(progress)

    def start(self, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Start the sync scheduler and the outbox sender as the app does, and wait for the
        first sync; SyncFailed (with the app's own sentence) when it fails."""

        async def started() -> None:
            self.core.scheduler.start()
            self.core.sender.start()

        self.run(started())
        self.wait_until(lambda: bool(self._passes), timeout=timeout, what="the first sync")
        if self._passes[-1].last_error is not None:
            raise SyncFailed(self._passes[-1].last_error)
        self.settle()

    def close(self) -> None:
        """Stop the loops, close the window and the store (a send under way may finish)."""
        self.run(self._tasks.cancel_all())
        self.window.close()
        self.window.deleteLater()
        self.run(self.core.aclose(grace=1.0))
        # Deleted now, on this thread: left to a later garbage collection, the window's
        # widgets and timers could be freed on a worker thread (the store's writer, the
        # sandbox's), where Qt cannot stop their timers.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    # -- waiting ---------------------------------------------------------------------------

    def run(self, coroutine: Coroutine[Any, Any, T], *,
            timeout: float = DEFAULT_TIMEOUT) -> T:
        """Run a coroutine on the app's loop and return its result (the window stays live)."""
        task = self._loop.create_task(coroutine)
        try:
            self.wait_until(task.done, timeout=timeout,
                            what=getattr(coroutine, "__qualname__", "a coroutine"))
        except TimeoutError:
            task.cancel()
            raise
        return task.result()

    def wait_until(self, condition: Callable[[], object], *, timeout: float = DEFAULT_TIMEOUT,
                   what: str = "the condition") -> None:
        """Let the app run until `condition()` is true; TimeoutError naming `what` after
        `timeout` seconds. (`qtbot.waitUntil` and `qtbot.waitSignal` work too: the app's
        coroutines run whenever Qt processes events.)

        Parameters:
            condition: checked while the app runs (Qt events and its coroutines).
            timeout: seconds before giving up.
            what: how the failure names what was waited for.
        """
        try:
            self.qtbot.waitUntil(lambda: bool(condition()), timeout=int(timeout * 1000))
        except self.qtbot.TimeoutError:
            raise TimeoutError(f"Waited {timeout:g} s for {what}") from None

    def settle(self, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until what the last clicks started has finished and the window shows it."""
        self.wait_until(lambda: self._tasks.running == 0, timeout=timeout,
                        what="the app's actions to finish")
        self._bridge.flush()

    # -- what a technician does --------------------------------------------------------------

    def sync(self, *, timeout: float = DEFAULT_TIMEOUT) -> SyncProgress:
        """Sync now (as the button does) and wait for the pass to end.

        Returns how it ended: `last_error` is None when it succeeded, else the sentence the
        app shows (a fault injected into the sandbox makes one)."""
        before = len(self._passes)
        self.core.session.controls.request_sync()
        self.wait_until(lambda: len(self._passes) > before, timeout=timeout, what="a sync")
        self.settle()
        return self._passes[-1]

    def open(self, kind: str, object_id: int) -> MainPage:
        """Open the main page of an object (`kind`: "todo", "customer", "person" or "tool")
        as a click on its list row does; the object must be on the device (synced)."""
        self.window.open_page(Kind(kind), object_id)
        self.settle()
        page = self.window.page
        if page is None:
            raise LookupError(f"no page opened for {kind} {object_id}")
        shown = MainPage(self, page)
        if page.gone:
            raise LookupError(f"{kind} {object_id} is not on this device: {shown.message}")
        return shown

    def ids(self, kind: str) -> list[int]:
        """The ids of the objects of `kind` on the device, as its list holds them."""
        return sorted(self.core.store.objects.ids(Kind(kind)))


@contextlib.contextmanager
def running_app(qtbot: QtBot, sandbox: Sandbox, data_dir: Path,
                loop: asyncio.AbstractEventLoop) -> Iterator[FieldClientApp]:
    """A `FieldClientApp`, started (synced); closed afterwards."""
    app = FieldClientApp(qtbot, sandbox, data_dir, loop)
    try:
        app.start()
        yield app
    finally:
        app.close()
