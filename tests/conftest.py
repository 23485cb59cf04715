"""Shared test set-up: offscreen Qt, an in-memory keyring, strict logs, sandbox servers."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_API", "pyside6")

import keyring
import pytest

from app.sandbox import SandboxServer
from app.sync.account import MemoryKeyring
from app.testkit.sandbox import SandboxOptions, started_sandbox


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The OS keyring cannot run here; no test may touch a real one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def strict_logs(request: pytest.FixtureRequest) -> Iterator[_Collector]:
    """An unexpected WARNING (or worse) log record fails the test.

    A test that expects some marks itself `@pytest.mark.expected_warnings("app.sync", …)`
    with the logger-name prefixes it allows.
    """
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    previous_level = root.level
    root.setLevel(min(previous_level or logging.WARNING, logging.INFO))
    yield collector
    root.removeHandler(collector)
    root.setLevel(previous_level)
    marker = request.node.get_closest_marker("expected_warnings")
    allowed = tuple(marker.args) if marker else ()
    unexpected = [
        record for record in collector.records
        if not (allowed and record.name.startswith(allowed))
    ]
    if unexpected:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"Unexpected warning logs:\n{lines}")


_qt_garbage_pending = False


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Free the Qt objects a Qt test left behind, at the start of the next test, here on the
    GUI thread.

    Left to a later collection they may be freed on a worker thread (the store writer, a
    sandbox), where Qt refuses to stop their timers and warns in an unrelated test.
    """
    global _qt_garbage_pending
    if _qt_garbage_pending:
        gc.collect()
        _qt_garbage_pending = False
    yield
    _qt_garbage_pending = "qapp" in request.fixturenames


@pytest.fixture
def interpreter_as_it_was() -> Iterator[None]:
    """A window settles the interpreter for itself (app/core/interpreter.py): the collector
    frozen and its full passes left to the window, a shorter switch interval. Given back as
    they were for the tests after it."""
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    sys.setswitchinterval(interval)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A small sandbox of its own for each test (tests change its data and faults), built as
    the testers' `fieldclient_sandbox` is (app/testkit), with smaller pages to exercise paging.

    The demo technician starts checked out, whatever the hour: the seed checks them in on the
    task planned for the wall clock's time, which would make a test pass in the morning and
    fail after lunch. A test that needs a check-in makes one."""
    with started_sandbox(SandboxOptions(seed=7, scale=0.05, page_size=20)) as started:
        yield started.server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One event loop for the whole test, as in the app (clients live as long as the loop)."""
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.run_until_complete(event_loop.shutdown_asyncgens())
    event_loop.close()
