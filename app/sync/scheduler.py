"""When to sync: at start, every N minutes, on demand, and shortly after each user action.

Never two passes at once: requests made while a pass runs are folded into one pass after it.
The slower tiers (setup data hourly, the calendar daily) are decided by the engine per pass.
After a failed pass the next one comes sooner than the interval but backs off: 30 s, 60 s, …
up to the interval, so a server that keeps failing is not hammered and one that recovers is
back within a minute; Sync now still runs a pass at once.

While the server refuses the login (`held`), the timed and after-action passes wait: each would
be refused with the old password again, and a server may lock an account after repeated
wrong logins. Sync now (and entering the new password, which asks for one) still runs a pass.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.core.callbacks import ignore
from app.sync.engine import SyncEngine
from app.sync.preferences import DEFAULT_INTERVAL_MINUTES
from app.sync.progress import PassResult
from app.sync.wakeloop import Backoff, RoundFailed, WakeLoop

log = logging.getLogger(__name__)

AFTER_ACTION_SECONDS = 3.0  # long enough to fold a burst of ticks into one pass
FIRST_RETRY_SECONDS = 30.0  # after a failed pass; doubling up to the interval


class SyncScheduler:
    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        after_action_seconds: float = AFTER_ACTION_SECONDS,
        first_retry_seconds: float = FIRST_RETRY_SECONDS,
        on_pass: Callable[[PassResult], None] = ignore,
        on_error: Callable[[RoundFailed | None], None] = ignore,
        held: Callable[[], bool] = lambda: False,
    ) -> None:
        self._engine = engine
        self._held = held
        self._asked = False  # Sync now was pressed: it runs even while held
        self._interval = interval_minutes * 60
        self._after_action = after_action_seconds
        self._on_pass = on_pass
        self._loop = WakeLoop(
            "sync-scheduler", self._pass, every=self._interval,
            retry=Backoff(first_retry_seconds, self._interval), on_error=on_error,
        )

    @property
    def interval_minutes(self) -> float:
        return self._interval / 60

    def set_interval(self, minutes: float) -> None:
        """A new interval (Settings), in force at once: the next timed pass comes no later
        than one new interval from now."""
        self._interval = minutes * 60
        self._loop.set_every(self._interval)

    def start(self) -> None:
        """Sync now, then every interval."""
        self._loop.start()

    def request(self) -> None:
        """A pass as soon as possible (the Sync now button)."""
        self._asked = True
        self._loop.wake()

    def request_soon(self) -> None:
        """A pass shortly after a user action; more actions in the meantime share it."""
        self._loop.wake_in(self._after_action, replace=False)

    async def stop(self) -> None:
        await self._loop.stop()

    async def _pass(self) -> bool:
        asked, self._asked = self._asked, False
        if self._held() and not asked:
            log.info("Sync waits for the new password")
            return True
        result = await self._engine.run_pass()
        self._on_pass(result)
        return result.ok
