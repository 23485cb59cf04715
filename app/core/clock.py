"""Time as a dependency, so tests and the status model can be given any "now"."""

from __future__ import annotations

import time
from datetime import datetime
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
