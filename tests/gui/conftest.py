"""GUI tests run coroutines on a qasync loop, so Qt events are processed while they wait."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.composition import build_core, sandbox_connection
from app.mainpage_boxes.registry import BoxRegistry
from app.sandbox import SandboxServer
from app.sync.session import Session
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper
from tests.clock import ManualClock
from tests.sync_harness import Harness


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    yield event_loop
    event_loop.close()


@pytest.fixture
def window_and_core(qtbot: QtBot, sandbox: SandboxServer, data_dir: Path, loop):
    """The main window on a real store, syncing with a sandbox over loopback."""
    bridge = Bridge()
    core = build_core(
        data_dir,
        sandbox_connection(sandbox, data_dir),
        on_changes=bridge.publish_changes,
        on_progress=bridge.publish_progress,
        on_status=bridge.publish_status,
    )
    requests: list[bool] = []
    controls = replace(core.session.controls, request_sync=lambda: requests.append(True))
    session = Session(core.store, actions=core.actions, loader=core.loader, controls=controls,
                      changes=core.session.changes)
    tasks = TaskKeeper(loop)
    window = MainWindow.on(session, bridge, tasks, registry=BoxRegistry.installed())
    qtbot.addWidget(window)
    window.show()
    yield window, core, requests
    loop.run_until_complete(tasks.cancel_all())
    loop.run_until_complete(core.aclose())


@pytest.fixture
def app_as_run(qapp: QApplication, interpreter_as_it_was: None) -> Iterator[None]:
    """For tests that run the whole app (`run_desktop`): it sets the shared application up for
    itself, settles the interpreter once it is up and installs the chosen language; give all
    three back as they were."""
    quits = qapp.quitOnLastWindowClosed()
    locale = QLocale()
    yield
    qapp.setQuitOnLastWindowClosed(quits)
    for translator in qapp.findChildren(QTranslator):  # a language the run chose
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def clock() -> ManualClock | None:
    """The clock of the `synced` store's app: the wall clock unless a test module fixes one."""
    return None


@pytest.fixture
def synced(sandbox: SandboxServer, data_dir: Path, loop: asyncio.AbstractEventLoop,
           clock: ManualClock | None) -> Iterator[Harness]:
    """A store synced from the sandbox, for the page and box tests (the `sandbox` fixture
    starts with the technician checked out, so what reads the check-in does not change with
    the time of day the tests run)."""
    harness = Harness(sandbox, data_dir, loop, clock=clock)
    assert harness.sync().ok
    yield harness
    harness.close()
