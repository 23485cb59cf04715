"""When to sync: at start, every N minutes, on demand, and shortly after each user action.

Never two passes at once: requests made while a pass runs are folded into one pass after it.
The slower tiers (setup data hourly, the calendar daily) are decided by the engine per pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from app.sync.engine import SyncEngine
from app.sync.progress import PassResult

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 10
AFTER_ACTION_SECONDS = 3.0  # long enough to fold a burst of ticks into one pass


def _ignore(_result: PassResult) -> None:
    return None


class SyncScheduler:
    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        after_action_seconds: float = AFTER_ACTION_SECONDS,
        on_pass: Callable[[PassResult], None] = _ignore,
    ) -> None:
        self._engine = engine
        self._interval = interval_minutes * 60
        self._after_action = after_action_seconds
        self._on_pass = on_pass
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._soon: asyncio.TimerHandle | None = None

    @property
    def interval_minutes(self) -> float:
        return self._interval / 60

    def start(self) -> None:
        """Sync now, then every interval."""
        if self._task is None:
            self._wake.set()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="sync-scheduler")

    def request(self) -> None:
        """A pass as soon as possible (the Sync now button)."""
        self._wake.set()

    def request_soon(self) -> None:
        """A pass shortly after a user action; more actions in the meantime share it."""
        if self._soon is None:
            self._soon = asyncio.get_running_loop().call_later(self._after_action, self._fire)

    def _fire(self) -> None:
        self._soon = None
        self._wake.set()

    async def stop(self) -> None:
        if self._soon is not None:
            self._soon.cancel()
            self._soon = None
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
