"""A background task that does its work each time it is woken, or after a quiet interval.

The sync scheduler and the outbox sender both need this: wake now, wake a little later (one
pending timer at a time), run at most one round at a time, and stop cleanly at exit.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable


class WakeLoop:
    def __init__(
        self, name: str, work: Callable[[], Awaitable[None]], *, every: float | None = None
    ) -> None:
        self._name = name
        self._work = self._round(work)
        self._every = every
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._idle = asyncio.Event()  # clear while a round runs
        self._idle.set()
        self._stopping = False

    def start(self) -> None:
        """Start, with a first round at once."""
        if self._task is None:
            self._wake.set()
            self._task = asyncio.get_running_loop().create_task(self._run(), name=self._name)

    def wake(self) -> None:
        self._wake.set()

    def wake_in(self, seconds: float, *, replace: bool = True) -> None:
        """Wake after `seconds`. `replace=False` keeps a timer already pending, so a burst of
        requests shares the first one."""
        if self._timer is not None:
            if not replace:
                return
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(max(0.0, seconds), self._fire)

    def _fire(self) -> None:
        self._timer = None
        self._wake.set()

    async def stop(self, grace: float = 0.0) -> None:
        """Stop; a round under way may first finish for up to `grace` seconds, then it is
        cancelled. (Cut off mid-way, an outbox send can only be settled by reading it back.)"""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._task is not None:
            self._stopping = True  # no new round starts while we wait
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), grace)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
            self._stopping = False

    def _round(self, work: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        """`work`, with `_idle` telling `stop` whether a round is under way."""

        async def round_() -> None:
            if self._stopping:
                return
            self._idle.clear()
            try:
                await work()
            finally:
                self._idle.set()

        return round_

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._every)
            self._wake.clear()
            await self._work()
