"""A background task that does its work each time it is woken, or after a quiet interval.

The sync scheduler and the outbox sender both need this: wake now, wake a little later (one
pending timer at a time), run at most one round at a time, and stop cleanly at exit.

It also keeps them alive. A round that raises (a locked store, a full disk, a bug) would
otherwise end the task for the rest of the run, silently: later actions never sent, "Sync now"
doing nothing. Here a failed round is logged once with its traceback, reported through
`on_error` in words a technician understands, and retried after a backoff (exponential,
capped); the next round that succeeds reports `None`, which clears it. A round may also report
an expected failure by returning False (a sync pass the server refused): the same backoff
applies, without the error report. A wake (the Sync now button, a new action) still runs a
round at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.core.callbacks import ignore
from app.sync.failures import FailureLog

log = logging.getLogger(__name__)

RETRY_FIRST_SECONDS = 30.0
RETRY_MAX_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class RoundFailed:
    """Why the last round of a loop failed, and when it tries again by itself."""

    reason: str  # one sentence, no traceback (see app/sync/failures.py)
    retry_in: float


class Backoff:
    """Waits of first, twice that, four times … up to `cap`, from a failure until a success."""

    def __init__(self, first: float = RETRY_FIRST_SECONDS, cap: float = RETRY_MAX_SECONDS) -> None:
        self._first = first
        self._cap = max(first, cap)
        self._failures = 0

    def next(self) -> float:
        delay = min(self._cap, self._first * 2 ** min(self._failures, 32))
        self._failures += 1
        return delay

    def reset(self) -> bool:
        """After a success; True if there had been failures."""
        failed, self._failures = self._failures > 0, 0
        return failed


class WakeLoop:
    def __init__(
        self,
        name: str,
        work: Callable[[], Awaitable[bool | None]],
        *,
        every: float | None = None,
        retry: Backoff | None = None,
        on_error: Callable[[RoundFailed | None], None] = ignore,
    ) -> None:
        self._name = name
        self._work = self._tracked(work)
        self._every = every
        self._retry = retry or Backoff()
        self._on_error = on_error
        self._failures = FailureLog(log)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._timer: asyncio.Handle | None = None
        self._timer_due = 0.0  # time.monotonic(): the GUI loop's timer handles do not know theirs
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

    def set_every(self, seconds: float) -> None:
        """A new quiet interval; the wait under way ends no later than `seconds` from now."""
        self._every = seconds
        if self._task is not None:
            self.wake_in(seconds, replace=False)

    def wake_in(self, seconds: float, *, replace: bool = True) -> None:
        """Wake after `seconds`. `replace=False` keeps a timer already pending that fires no
        later, so a burst of requests shares the first one."""
        seconds = max(0.0, seconds)
        due = time.monotonic() + seconds
        if self._timer is not None:
            if not replace and self._timer_due <= due:
                return
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(seconds, self._fire)
        self._timer_due = due

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

    def _tracked(
        self, work: Callable[[], Awaitable[bool | None]]
    ) -> Callable[[], Awaitable[bool | None]]:
        """`work`, with `_idle` telling `stop` whether a round is under way."""

        async def round_() -> bool | None:
            if self._stopping:
                return None
            self._idle.clear()
            try:
                return await work()
            finally:
                self._idle.set()

        return round_

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._every)
            self._wake.clear()
            await self._round()

    async def _round(self) -> None:
        try:
            succeeded = await self._work() is not False
        except Exception as error:  # any error: this loop must outlive every round
            retry_in = self._retry.next()
            self.wake_in(retry_in, replace=False)
            self._on_error(RoundFailed(self._failures.failed(self._name, error), retry_in))
            return
        if self._failures.recovered(self._name):
            self._on_error(None)
        if succeeded:
            self._retry.reset()
        else:
            self.wake_in(self._retry.next(), replace=False)
