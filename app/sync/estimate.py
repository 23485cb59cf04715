"""The time left in a sync pass: the objects its loops still owe, at the rate they now arrive.

Why not the change stamps alone (elapsed * (1 - f) / f from the slowest loop): stamps are not
spread evenly over the objects, a loop that starts late judges itself against the whole pass's
elapsed time, and a loop still waiting for its turn says nothing at all — measured, that showed
"75 s left" two seconds before the end (bench/estimate.py). What a user notices is a number that
jumps or lies; what the stamps do tell well is how big a loop is (objects read / share of its
changes read). So:

- the work is counted in objects: each loop's expected size is what it has read divided by the
  share of its changes read (exact once it is done); a loop that has not started yet is expected
  to be as big as the others were on average (the server does not say how many objects it has);
- the rate is objects per second over the recent part of the pass (the start, with its setup
  request, is not how fast the loops read);
- nothing is said until every running loop can tell its size and the last few estimates agree;
- what is shown is a moment of the end, smoothed, so it counts down between reports and a new
  report only nudges it; it never grows by more than a little at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Sequence

from app.sync.progress import StepProgress

# A loop's size is judged once the stamps say it has read this share of its changes (before,
# objects / fraction is too sensitive to the first page).
MIN_FRACTION = 0.05
# The rate is measured over this share of the pass so far (the most recent part)...
RATE_SHARE = 1 / 2
# ...and over at least this many reports, so a single page does not set it.
RATE_REPORTS = 4
# An estimate is shown once this many in a row agree on the end within STABLE_SPREAD of the
# time left.
STABLE_REPORTS = 3
STABLE_SPREAD = 0.3
# How much of a new estimate's end moment a report takes on (the rest is the one shown).
SMOOTHING = 0.3
# The time left shown grows by at most this share from one report to the next.
MAX_RISE = 0.1


class TimeLeft:
    """Estimates the seconds left in one pass. Fed the pass's steps at each progress report;
    `loops` names the steps that page through objects (the others are short reads by date)."""

    def __init__(self, started: float, loops: Collection[str]) -> None:
        self._started = started
        self._loops = frozenset(loops)
        self._history: deque[tuple[float, int, int]] = deque([(started, 0, 0)])
        self._ends: deque[float] = deque(maxlen=STABLE_REPORTS)
        self._shown: tuple[float, float] | None = None  # (moment, end moment)

    def update(self, now: float, steps: Sequence[StepProgress]) -> float | None:
        """Seconds left as of `now`, or None while it cannot be told honestly."""
        loops = [step for step in steps if step.key in self._loops]
        running = sum(1 for step in loops if step.pages and not step.done and not step.error)
        self._history.append(
            (now, sum(step.objects for step in loops), sum(step.pages for step in loops))
        )
        owed = _objects_owed(loops)
        rates = self._rates(now)
        if owed is None or rates is None:
            self._ends.clear()
            return self._countdown(now)
        objects_per_second, seconds_per_page = rates
        # Each read by date still to come is one request, about as long as one loop's page.
        others = sum(1 for step in steps
                     if step.key not in self._loops and not step.done and not step.error)
        end = now + owed / objects_per_second + others * seconds_per_page * max(running, 1)
        self._ends.append(end)
        if self._shown is None and not self._stable(now):
            return None
        return self._show(now, end)

    def _rates(self, now: float) -> tuple[float, float] | None:
        """Objects per second and seconds per page, all loops together, over the recent part
        of the pass (None: too early to say). Older reports are let go as the window moves."""
        since = now - (now - self._started) * RATE_SHARE
        history = self._history
        while len(history) > RATE_REPORTS and history[1][0] <= since:
            history.popleft()
        if len(history) < RATE_REPORTS:
            return None
        (first_at, first_read, first_pages), (last_at, last_read, last_pages) = (
            history[0], history[-1]
        )
        if last_at <= first_at or last_read <= first_read:
            return None
        seconds = last_at - first_at
        return (last_read - first_read) / seconds, seconds / (last_pages - first_pages)

    def _stable(self, now: float) -> bool:
        if len(self._ends) < STABLE_REPORTS:
            return False
        left = max(min(self._ends) - now, 0.0)
        return max(self._ends) - min(self._ends) <= STABLE_SPREAD * max(left, 1e-9)

    def _show(self, now: float, end: float) -> float:
        if self._shown is None:
            self._shown = (now, end)
            return max(end - now, 0.0)
        shown_at, shown_end = self._shown
        was_left = max(shown_end - shown_at, 0.0)
        smoothed = shown_end + SMOOTHING * (end - shown_end)
        ceiling = now + was_left * (1 + MAX_RISE)
        self._shown = (now, min(smoothed, ceiling))
        return max(self._shown[1] - now, 0.0)

    def _countdown(self, now: float) -> float | None:
        """Between estimates, the last one counts down rather than vanish."""
        if self._shown is None:
            return None
        return max(self._shown[1] - now, 0.0)


def _objects_owed(loops: Sequence[StepProgress]) -> float | None:
    """Objects the loops have still to read (None: no loop can tell its size yet).

    A loop that cannot tell its size (not started, or its stamps say nothing yet) is expected
    to be as big as the loops that can tell were on average."""
    sizes: list[float] = []
    unknown: list[StepProgress] = []
    for step in loops:
        if step.done or step.error:
            sizes.append(step.objects)
        elif step.fraction is not None and step.fraction >= MIN_FRACTION and step.objects:
            sizes.append(max(step.objects / step.fraction, step.objects))
        else:
            unknown.append(step)
    known = [size for size in sizes if size]
    if not known:
        return None
    typical = sum(known) / len(known)
    expected = sum(sizes) + sum(max(typical, step.objects) for step in unknown)
    return max(expected - sum(step.objects for step in loops), 0.0)
