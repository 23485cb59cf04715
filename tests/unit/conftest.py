"""The sandbox tests' shared server: one per module, built from the module's SANDBOX."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.sandbox import SandboxServer
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
