"""The sandbox tests' shared server: one per module, built from the module's SANDBOX; and a
store synced from it once per module, for tests that read it and act on objects of their own."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from app.sandbox import SandboxServer
from app.sync.session import Session
from tests.sync_harness import Harness
from tests.unit.test_sandbox_support import MovableClock


@pytest.fixture(scope="module")
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest, clock: MovableClock) -> Iterator[SandboxServer]:
    """SANDBOX = (seed, scale, page size) in the test module says which sandbox it needs."""
    seed, scale, page_size = request.module.SANDBOX
    with SandboxServer(seed=seed, scale=scale, page_size=page_size, clock=clock) as running:
        yield running


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as http:
        yield http


@pytest.fixture(scope="module")
def synced(server: SandboxServer,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """One sync for the module; its tests only add local actions, each on its own object."""
    loop = asyncio.new_event_loop()
    harness = Harness(server, tmp_path_factory.mktemp("data"), loop)
    assert harness.sync().ok
    yield harness
    harness.close()
    loop.close()


@pytest.fixture
def session(synced: Harness) -> Session:
    return synced.core.session
