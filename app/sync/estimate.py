"""The time left in a sync pass: how long each loop still needs at its own pace, in turns.

Why not the change stamps alone (elapsed * (1 - f) / f from the slowest loop): stamps are not
spread evenly over the objects, a loop that starts late judges itself against the whole pass's
elapsed time, and a loop still waiting for its turn says nothing at all. Measured
(bench/estimate.py), that showed "75 s left" two seconds before the end. What the stamps do
tell fairly well is how big a loop is. So:

- a loop's size: fitted through two of its reports to changes crowding towards now (see
  _Pace.size; objects / share of its changes read until it has enough pages); exact once
  done. A loop that cannot tell yet (waiting for its turn, or its stamps say nothing) is
  expected to be as big as the others on average: the server does not say how many objects
  it has, so while a small loop waits the estimate is pessimistic;
- each running loop goes on at its own recent pace (objects per second): a loop waits for the
  server's answer to each page, so four loops together are not four times as fast as one,
  and the last loop alone is not faster than it was;
- loops waiting for their turn start as running ones end (the plan's slots), at the average
  pace; each read by date after the loops is one request, as long as a loop's page;
- nothing is said until a loop can tell its size and has a pace, and the last few estimates
  agree on the end; what is shown is that end, smoothed, so it counts down between reports,
  drops soon when the end comes nearer, and grows by a little at most from one report to the
  next.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.sync.progress import StepProgress

# A loop's size is judged once the stamps say it has read this share of its changes (before,
# objects / fraction is too sensitive to the first page).
MIN_FRACTION = 0.05
# The crowding of changes towards now a loop's size is fitted with (see _Pace.size), and how
# many pages the two reports it is fitted through must be apart.
CROWDING = (0.5, 2.0)
FIT_PAGES = 3
# A loop's pace is measured over this share of its own time so far (the most recent part).
PACE_SHARE = 1 / 2
# An estimate is shown once this many in a row agree on the end within STABLE_SPREAD of the
# time left.
STABLE_REPORTS = 3
STABLE_SPREAD = 0.3
# How much of a new estimate's end moment a report takes on (the rest is the one shown): a
# later end only a little, an earlier one mostly (a number that drops is no bad surprise, and
# a loop found small must not leave minutes on screen for the last seconds).
SMOOTHING = 0.3
SMOOTHING_DOWN = 0.7
# The time left shown grows by at most this share from one report to the next (and by the
# time between them).
MAX_RISE = 0.1


@dataclass(slots=True)
class _Pace:
    """One loop's recent reports, from its first page on: (moment, objects, pages, fraction)."""

    reports: deque[tuple[float, int, int, float | None]] = field(default_factory=deque)
    first: float | None = None
    origin: int = 0  # objects read before the stamps started again from the oldest

    def add(self, now: float, step: StepProgress) -> None:
        if self.first is None:
            self.first = now
        if self.reports and _restarted(self.reports[-1][3], step.fraction):
            # Tasks: the most important first, then all of them from the oldest change on.
            self.origin = self.reports[-1][1]
            self.first = now
            self.reports.clear()
        if not self.reports or self.reports[-1][2] != step.pages:
            self.reports.append((now, step.objects, step.pages, step.fraction))
        since = now - (now - self.first) * PACE_SHARE
        while len(self.reports) > 2 and self.reports[1][0] <= since:
            self.reports.popleft()

    def rates(self) -> tuple[float, float] | None:
        """Objects per second and seconds per page (None: fewer than two pages seen)."""
        if len(self.reports) < 2:
            return None
        (first_at, first_objects, first_pages, _), (at, objects, pages, _) = (
            self.reports[0], self.reports[-1]
        )
        if at <= first_at:
            return None
        return (objects - first_objects) / (at - first_at), (at - first_at) / (pages - first_pages)

    def size(self) -> float | None:
        """The loop's size, fitted through its recent reports (None: too few to fit).

        Changes crowd towards now in a live contract, so a loop read oldest first finds its
        stamps running ahead of its objects: at a share f of its changes it has read
        1 - (1 - f) ** c of its objects, c < 1 (c = 1: stamps spread evenly, c > 1: crowded
        the other way). Two reports, one from half its time ago and the latest, fix c and the
        size; c stays within CROWDING, so two noisy pages cannot say anything wild.
        """
        if len(self.reports) < 2:
            return None
        (_, objects_then, pages_then, then), (_, objects, pages, now) = (
            self.reports[0], self.reports[-1]
        )
        read_then, read = objects_then - self.origin, objects - self.origin
        if (then is None or now is None or not MIN_FRACTION <= then < now < 1
                or not 0 < read_then < read or pages - pages_then < FIT_PAGES):
            return None
        low, high = CROWDING
        for _ in range(30):
            c = (low + high) / 2
            if _read_share(then, c) / _read_share(now, c) < read_then / read:
                low = c
            else:
                high = c
        return self.origin + read / _read_share(now, (low + high) / 2)


def _restarted(before: float | None, fraction: float | None) -> bool:
    return before is not None and fraction is not None and fraction < before


def _read_share(fraction: float, c: float) -> float:
    return 1 - (1 - fraction) ** c


class TimeLeft:
    """Estimates the seconds left in one pass, fed the pass's steps at each progress report.
    `loops` names the steps that page through objects, in the order they take their turns;
    `slots` is how many of them run at once. The other steps are single reads by date."""

    def __init__(self, loops: Sequence[str], slots: int) -> None:
        self._order = list(loops)
        self._slots = max(slots, 1)
        self._paces: dict[str, _Pace] = {key: _Pace() for key in loops}
        self._ends: deque[float] = deque(maxlen=STABLE_REPORTS)
        self._shown: tuple[float, float] | None = None  # (moment, end moment)

    def update(self, now: float, steps: Sequence[StepProgress]) -> float | None:
        """Seconds left as of `now`, or None while it cannot be told honestly."""
        by_key = {step.key: step for step in steps}
        loops = [by_key[key] for key in self._order if key in by_key]
        for step in loops:
            if step.pages:
                self._paces[step.key].add(now, step)
        end = self._end(now, loops, [s for s in steps if s.key not in self._paces])
        if end is None:
            self._ends.clear()
            return self._countdown(now)
        self._ends.append(end)
        if self._shown is None and not self._stable(now):
            return None
        return self._show(now, end)

    def _end(self, now: float, loops: list[StepProgress], others: list[StepProgress]
             ) -> float | None:
        """When the pass should end, playing the loops' turns forward (None: cannot tell)."""
        told = {step.key: _told_size(step, self._paces[step.key]) for step in loops}
        sizes = [size for size in told.values() if size]
        if not sizes:
            return None
        # A loop that cannot tell its size is expected to be as big as the others on average.
        typical = sum(sizes) / len(sizes)
        paces = [rates for step in loops if (rates := self._paces[step.key].rates())]
        pace = sum(rate for rate, _ in paces) / len(paces) if paces else 0.0
        if pace <= 0:
            return None
        seconds_per_page = sum(seconds for _, seconds in paces) / len(paces)
        running: list[float] = []  # the moment each running loop should end
        waiting: list[float] = []  # the seconds each waiting loop should take
        for step in loops:
            if step.done or step.error:
                continue
            size = told[step.key]
            owed = max((typical if size is None else size) - step.objects, 0.0)
            if not step.pages:
                waiting.append(owed / pace)
                continue
            rates = self._paces[step.key].rates()  # a loop just started: the average pace
            own = rates[0] if rates and rates[0] > 0 else pace
            running.append(now + owed / own)
        free = sorted(running) + [now] * max(self._slots - len(running), 0)
        heapq.heapify(free)
        for seconds in waiting:
            heapq.heappush(free, heapq.heappop(free) + seconds)
        loops_end = max([now, *running, *free])
        remaining_reads = sum(1 for step in others if not step.done and not step.error)
        return loops_end + remaining_reads * seconds_per_page

    def _stable(self, now: float) -> bool:
        if len(self._ends) < STABLE_REPORTS:
            return False
        left = max(min(self._ends) - now, 0.0)
        return max(self._ends) - min(self._ends) <= STABLE_SPREAD * max(left, 1e-9)

    def _show(self, now: float, end: float) -> float:
        if self._shown is None or end <= now:  # the first estimate, or nothing left to do
            self._shown = (now, end)
            return max(end - now, 0.0)
        shown_at, shown_end = self._shown
        left = max(shown_end - now, 0.0)  # what the last estimate says now, counted down
        smoothed = shown_end + (SMOOTHING if end > shown_end else SMOOTHING_DOWN) * (
            end - shown_end)
        # It may grow by a little, and by the time since the last report, so one that ran out
        # too early can still come back up.
        ceiling = now + left * (1 + MAX_RISE) + (now - shown_at)
        self._shown = (now, min(smoothed, ceiling))
        return max(self._shown[1] - now, 0.0)

    def _countdown(self, now: float) -> float | None:
        """Between estimates, the last one counts down rather than vanish."""
        if self._shown is None:
            return None
        self._shown = (now, self._shown[1])
        return max(self._shown[1] - now, 0.0)


def _told_size(step: StepProgress, pace: _Pace) -> float | None:
    """A loop's size as its stamps tell it (exact once done; None: they cannot tell yet)."""
    if step.done or step.error:
        return step.objects
    if step.fraction is None or step.fraction < MIN_FRACTION or not step.objects:
        return None
    fitted = pace.size()
    return max(step.objects, fitted if fitted is not None else step.objects / step.fraction)
