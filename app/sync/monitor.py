"""Gathers the facts of the sync indicator and reports the status whenever it changes.

Facts come from the wire client (calls in flight, whether the last one reached the server),
the network (told by the views from Qt's network information), the store (the last
successful GetCheckIn or full sync, the background permission), the outbox (failed calls), the
background loops (one that stopped on an unexpected error and is retrying) and the sender and
the sync passes (the server refused the login).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.api.client import CallActivity
from app.core.callbacks import ignore
from app.core.clock import Clock
from app.db import Store
from app.sync.keys import CHECKIN_READ_KEY, LAST_SUCCESS_KEY
from app.sync.preferences import Preferences
from app.sync.status import SyncFacts, SyncStatus, stopped_message, sync_status
from app.sync.wakeloop import RoundFailed


def _no_failures() -> int:
    """No outbox wired (headless tools): nothing failed, nothing unsent."""
    return 0


class StatusMonitor:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        preferences: Preferences,
        *,
        failed_calls: Callable[[], int] = _no_failures,
        unsent: Callable[[], int] = _no_failures,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._preferences = preferences
        self._failed_calls = failed_calls
        self._unsent = unsent
        self._on_status = on_status or ignore
        self._activity = CallActivity()
        self._network_up = True
        self._metered = False
        self._last: SyncStatus | None = None
        self._problems: dict[str, str] = {}
        self._refusals: dict[str, str] = {}  # work ("Sync", …) → the server's message
        self._stored = self._read_store()

    @property
    def calls_in_flight(self) -> tuple[str, ...]:
        return self._activity.in_flight

    @property
    def online(self) -> bool:
        """Online unless the network is down or the last call did not reach the server."""
        return self._network_up and self._activity.reached is not False

    def last_synced(self) -> datetime | None:
        stamps = [self._store.settings.get(key) for key in (CHECKIN_READ_KEY, LAST_SUCCESS_KEY)]
        moments = [datetime.fromisoformat(stamp) for stamp in stamps if stamp]
        return max(moments, default=None)

    def calls_changed(self, activity: CallActivity) -> None:
        """Per request, so it reads nothing from the store: only the calls changed."""
        self._activity = activity
        self._report()

    def loop_failed(self, work: str, failure: RoundFailed | None) -> None:
        """A background loop's round failed (shown until it reports None: a round succeeded).
        `work` names it for the technician: "Sync", "Sending changes"."""
        if failure is None:
            self._problems.pop(work, None)
        else:
            self._problems[work] = stopped_message(work, failure)
        self._report()

    def login_refused(self, work: str, server_message: str | None) -> None:
        """The server refused `work`'s login (None: its login was accepted, or it is no
        longer refused). Shown until every work that was refused is accepted again."""
        if server_message is None:
            self._refusals.pop(work, None)
        else:
            self._refusals[work] = server_message
        self._report()

    def login_accepted(self) -> None:
        """The technician entered a password the server accepts: nothing is refused now (a
        work refused again says so itself)."""
        self._refusals.clear()
        self._report()

    @property
    def refused_login(self) -> bool:
        """The server refuses the login now: the timed syncs wait for the new password."""
        return bool(self._refusals)

    @property
    def metered(self) -> bool:
        """A metered or slow connection: photos wait (Planado's rule)."""
        return self._metered

    def network_changed(self, up: bool, *, metered: bool = False) -> None:
        self._network_up = up
        self._metered = metered
        self.refresh()

    def status(self) -> SyncStatus:
        last_synced, failed, unsent, allowed = self._stored
        return sync_status(
            SyncFacts(
                calls_in_flight=len(self._activity.in_flight),
                failed_calls=failed,
                last_synced=last_synced,
                background_allowed=allowed,
                online=self.online,
                now=self._clock.now(),
                unsent=unsent,
                problems=tuple(self._problems.values()),
                login_refused=next(iter(self._refusals.values()), None),
            )
        )

    def refresh(self) -> None:
        """Read the stored facts again and report a change: after a pass, an outbox event, a
        preference, and every half minute (time alone makes the app out of date)."""
        self._stored = self._read_store()
        self._report()

    def _read_store(self) -> tuple[datetime | None, int, int, bool]:
        allowed = self._preferences.background_sync is not False
        return self.last_synced(), self._failed_calls(), self._unsent(), allowed

    def _report(self) -> None:
        status = self.status()
        if status != self._last:
            self._last = status
            self._on_status(status)
