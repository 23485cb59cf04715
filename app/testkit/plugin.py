"""The pytest plugin testers get with the app (`pip install "fieldclient[test]"`), registered
through the `pytest11` entry point, so its fixtures are there in any project's tests.

Fixtures (all prefixed `fieldclient_`, so they never clash with a project's own):

- `fieldclient_sandbox`: a `Sandbox` (app/testkit/sandbox.py) started for the test, holding
  what `fieldclient_sandbox_options` and the `fieldclient_sandbox` marker choose.
- `fieldclient_sandbox_options`: the `SandboxOptions`; override it in a conftest.py to
  change them for a directory of tests.
- `fieldclient_app`: a `FieldClientApp` (app/testkit/running_app.py): the main window on
  that sandbox, signed in and synced, its loops running; closed after the test.
- `fieldclient_keyring`: a keyring backend in memory, installed the way keyring documents
  (`keyring.set_keyring`) for the test, so no test ever touches the OS keyring.
- `fieldclient_loop`: the app's event loop (qasync on pytest-qt's `qapp`).

The module imports only pytest at import time: the app (Qt, the sandbox) loads when a test asks
for one of these fixtures, so a pytest run that uses none of them pays nothing for it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from app.sync.account import MemoryKeyring
    from app.testkit.running_app import FieldClientApp
    from app.testkit.sandbox import Sandbox, SandboxOptions

MARKER = "fieldclient_sandbox"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Register the marker (for --strict-markers) and choose Qt's binding and platform before
    pytest-qt reads them: the app is PySide6; with no display asked for, offscreen."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): the sandbox's seed, scale, page_size, layout, functions and "
        "checked_out for this test (app.testkit.SandboxOptions)",
    )
    os.environ.setdefault("PYTEST_QT_API", "pyside6")
    os.environ.setdefault("QT_API", "pyside6")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def fieldclient_sandbox_options() -> SandboxOptions:
    """The sandbox's options for the tests below this conftest: override this fixture to
    change them for many tests; the `fieldclient_sandbox` marker changes them for one."""
    from app.testkit.sandbox import SandboxOptions

    return SandboxOptions()


@pytest.fixture
def fieldclient_sandbox(request: pytest.FixtureRequest,
                        fieldclient_sandbox_options: SandboxOptions) -> Iterator[Sandbox]:
    """A sandbox of the test's own on a free loopback port (a test changes its data freely).

    Its options are `fieldclient_sandbox_options`, with the keywords of the closest
    `@pytest.mark.fieldclient_sandbox(seed=…, scale=…, page_size=…, layout=…, functions=…,
    checked_out=…)` (on the test, its class or its module's `pytestmark`) over them.
    """
    from app.testkit.sandbox import started_sandbox

    marker = request.node.get_closest_marker(MARKER)
    options = fieldclient_sandbox_options.but(**_keywords(marker))
    with started_sandbox(options) as sandbox:
        yield sandbox


def _keywords(marker: pytest.Mark | None) -> dict[str, Any]:
    if marker is None:
        return {}
    if marker.args:
        raise pytest.UsageError(f"@pytest.mark.{MARKER} takes keywords only "
                                "(seed=…, scale=…, layout=…, functions=…)")
    return dict(marker.kwargs)


@pytest.fixture
def fieldclient_keyring() -> Iterator[MemoryKeyring]:
    """A keyring in memory for this test (`keyring.set_keyring`); the one before it is put
    back afterwards. The app keeps its password and API key there, as in the OS keyring."""
    import keyring

    from app.sync.account import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fieldclient_loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """The app's event loop: qasync's, on pytest-qt's QApplication, set as the running loop
    for the whole test. In the app, Qt's event loop runs the coroutines inside
    `QApplication.exec`; here the test drives Qt's events (qtbot's waits and clicks), and
    every event Qt processes may step a coroutine, which needs its loop to be the running
    one. So, as qasync does in `run_forever`, it is set so for the test's duration."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        asyncio.events._set_running_loop(None)
        loop.close()


@pytest.fixture
def fieldclient_app(qtbot: QtBot, fieldclient_sandbox: Sandbox, fieldclient_keyring: Any,
                    fieldclient_loop: asyncio.AbstractEventLoop,
                    tmp_path: Path) -> Iterator[FieldClientApp]:
    """The app's main window on `fieldclient_sandbox`: signed in (secrets in
    `fieldclient_keyring`), first sync done, sync scheduler and outbox sender running, in a
    data folder of its own under the test's `tmp_path`. Closed after the test."""
    from app.testkit.running_app import running_app

    with running_app(qtbot, fieldclient_sandbox, tmp_path / "fieldclient-data",
                     fieldclient_loop) as app:
        yield app
