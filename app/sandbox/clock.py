"""The server clock: Microbizz dates and times, naive, to the second, never backwards.

Change stamps must grow with the change sequence (paging bisects on both), so the clock
follows the monotonic clock from the wall time at start, and ignores a source that steps back.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta


def _wall_clock() -> Callable[[], datetime]:
    started_wall, started = datetime.now(), time.monotonic()
    return lambda: started_wall + timedelta(seconds=time.monotonic() - started)


class ServerClock:
    def __init__(self, source: Callable[[], datetime] | None = None) -> None:
        """`source` gives the time (tests pass a fixed one); the default runs from now."""
        self._source = source or _wall_clock()
        self._last = datetime.min

    def now(self) -> datetime:
        self._last = max(self._last, self._source().replace(microsecond=0))
        return self._last


def date_and_time(moment: datetime) -> tuple[str, str]:
    """("YYYY-MM-DD", "HH:MM:SS"), the pair every Microbizz stamp is sent as."""
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S")


def shift_months(day: date, months: int) -> date:
    """The same day `months` calendar months away, clamped to the month's last day.

    The sync guide's windows are calendar ones ("within a month", "more than a year ago"):
    from 31 March one month back is 28 or 29 February, not 1 March.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
