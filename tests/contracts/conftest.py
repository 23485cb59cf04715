"""One store synced from a sandbox for the whole module, with the test box package installed.

The contract tests only read the store (and hand boxes made-up ChangeSets), so one sync
serves them all and keeps each test well under a second.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from app.mainpage_boxes.registry import BoxRegistry
from app.sandbox import SandboxServer
from tests.plugins import WEATHER_BOX, installed
from tests.sync_harness import Harness


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoxRegistry]:
    """Every installed box plugin, the third-party test package's among them."""
    with installed(WEATHER_BOX, tmp_path_factory.mktemp("site-packages")):
        yield BoxRegistry.installed()


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """The sandbox's data in a store; its event loop is the current one, as the app's is, so a
    box that starts a task starts it there (and the contract test sees it)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    with SandboxServer(seed=7, scale=0.05, page_size=200) as server:
        harness = Harness(server, tmp_path_factory.mktemp("data"), loop)
        result = harness.sync()
        assert result.ok, result.errors
        yield harness
        harness.close()
    asyncio.set_event_loop(None)
    loop.close()
