"""When to sync: at start, every N minutes, and on demand. Never two passes at once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from app.sync.engine import SyncEngine
from app.sync.progress import PassResult

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 10


def _ignore(_result: PassResult) -> None:
    return None


class SyncScheduler:
    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        on_pass: Callable[[PassResult], None] = _ignore,
    ) -> None:
        self._engine = engine
        self._interval = interval_minutes * 60
        self._on_pass = on_pass
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Sync now, then every interval; `request()` brings the next pass forward."""
        if self._task is None:
            self._wake.set()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="sync-scheduler")

    def request(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._interval)
            self._wake.clear()
            result = await self._engine.run_pass()
            self._on_pass(result)
