"""Time as a dependency, so tests and the status model can be given any "now"."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Local wall-clock time, naive (Microbizz dates and times carry no zone)."""

    def monotonic(self) -> float:
        """Seconds for measuring intervals; never jumps with the wall clock."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now()

    def monotonic(self) -> float:
        return time.monotonic()


class ServerTime:
    """The back office's clock as this device knows it: the device clock plus the offset seen
    in the last answer.

    Times the app sends (a check-in's date and time, a photo's creation) must be the server's:
    a laptop two hours fast would otherwise check a technician in two hours late. Every answer's
    envelope says when the server received the request, so the offset is measured against the
    moment the request left (`observe` is given how long the request took, parsing included).
    That stamp is cut to the second and comes a little after the request left, so the measure
    is off by up to a second plus the upload time: it is rounded to whole seconds, and one below
    IGNORED_SECONDS counts as none, so noise never makes stamps wander from pass to pass.
    """

    IGNORED_SECONDS = 5

    def __init__(self, clock: Clock, offset: int = 0) -> None:
        """`offset`: the last one known (kept by the caller), for a start without a network."""
        self._clock = clock
        self._offset = offset

    @property
    def offset(self) -> int:
        """Seconds the server's clock is ahead of the device (negative: behind)."""
        return self._offset

    def now(self) -> datetime:
        return self._clock.now() + timedelta(seconds=self._offset)

    def observe(self, server_now: datetime | None, seconds_taken: float) -> None:
        """An answer arrived `seconds_taken` after its request left, stamped `server_now`
        (None: the answer had no valid stamp, and tells nothing)."""
        if server_now is None:
            return
        sent = self._clock.now() - timedelta(seconds=seconds_taken)
        offset = round((server_now - sent).total_seconds())
        self._offset = offset if abs(offset) >= self.IGNORED_SECONDS else 0
