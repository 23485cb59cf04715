"""GUI tests run coroutines on a qasync loop, so Qt events are processed while they wait."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    yield event_loop
    event_loop.close()
    # Collect the test's Qt objects here, on the GUI thread: left to a later collection they
    # may be freed on a worker thread, where Qt refuses to stop their timers.
    gc.collect()
