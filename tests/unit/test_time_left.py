"""The time left of a sync pass, as the window shows it, against the time that really was left.

A pass is played here by hand on a ManualClock: loops of different sizes take turns in four
slots, a page takes a loop 3 s (unless a test says otherwise: the wait for the server), their
change stamps are not spread evenly over their objects (drawn as the sandbox draws them), and
two reads by date follow. Every report goes to the
estimator the way the engine sends it, and what it says is set against the truth, which the
played pass knows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from app.sync.estimate import TimeLeft
from app.sync.progress import StepProgress
from tests.clock import ManualClock

PAGE = 500
SECONDS_PER_PAGE = 3.0
SLOTS = 4
DATED = ("registrations", "calendar")


@dataclass(frozen=True)
class Report:
    elapsed: float
    estimate: float | None


def _crowded(skew: float) -> Callable[[float], float]:
    """Stamps as the sandbox draws them (app/sandbox/draws.py): a change's age is the oldest
    age times random() ** skew. Read oldest first, a loop that has read `share` of its objects
    has read 1 - (1 - share) ** skew of the time its changes span."""
    return lambda share: 1 - (1 - share) ** skew


# Changes crowded towards now, as in a live contract (the sandbox's skew for customers and
# persons): the stamps run ahead of the objects.
_stamps_ahead = _crowded(1.5)
# Changes crowded towards the past (a contract migrated long ago, little edited since): the
# stamps lag behind the objects.
_stamps_behind = _crowded(0.75)


def play(sizes: list[int], stamps: Callable[[float], float] = _stamps_ahead,
         page_seconds: list[float] | None = None) -> tuple[float, list[Report]]:
    """Play a pass of loops with these sizes (and seconds per page, SECONDS_PER_PAGE unless
    told); its duration and each report's estimate."""
    seconds = page_seconds or [SECONDS_PER_PAGE] * len(sizes)
    clock = ManualClock()
    started = clock.monotonic()
    keys = [f"loop{n}" for n in range(len(sizes))]
    estimator = TimeLeft(keys, SLOTS)
    steps = {key: StepProgress(key, key) for key in (*keys, *DATED)}
    reports: list[Report] = []

    def report(key: str, **changes: object) -> None:
        steps[key] = replace(steps[key], **changes)  # type: ignore[arg-type]
        estimate = estimator.update(clock.monotonic(), tuple(steps.values()))
        reports.append(Report(clock.monotonic() - started, estimate))

    # Each slot's next page is due at a moment; a free slot takes the next waiting loop.
    waiting = list(range(len(sizes)))
    due: dict[int, float] = {}
    for _ in range(SLOTS):
        if waiting:
            loop = waiting.pop(0)
            due[loop] = clock.monotonic() + seconds[loop]
    read = [0] * len(sizes)
    while due:
        loop = min(due, key=lambda n: due[n])
        clock.advance(due.pop(loop) - clock.monotonic())
        read[loop] = min(read[loop] + PAGE, sizes[loop])
        finished = read[loop] == sizes[loop]
        step = steps[keys[loop]]
        report(keys[loop], pages=step.pages + 1, objects=read[loop], done=finished,
               fraction=1.0 if finished else stamps(read[loop] / sizes[loop]))
        if not finished:
            due[loop] = clock.monotonic() + seconds[loop]
        elif waiting:
            turn = waiting.pop(0)
            due[turn] = clock.monotonic() + seconds[turn]
    for key in DATED:
        clock.advance(SECONDS_PER_PAGE)
        report(key, done=True)
    return clock.monotonic() - started, reports


# About two and a half minutes: four loops, then a big one that waits for its turn.
SIZES = [12000, 6000, 9000, 3000, 15000]


def test_nothing_is_said_before_the_loops_can_tell() -> None:
    _, reports = play(SIZES)
    first_pages = reports[:SLOTS]  # one page of each loop: no rate, no size to trust
    assert [report.estimate for report in first_pages] == [None] * SLOTS


@pytest.mark.parametrize("stamps", [_stamps_ahead, _stamps_behind], ids=["ahead", "behind"])
def test_from_a_quarter_of_the_pass_on_it_is_off_by_half_at_most(
    stamps: Callable[[float], float],
) -> None:
    """Estimate / truth within 2/3 … 3/2 (a page's time of slack for the last seconds)."""
    duration, reports = play(SIZES, stamps)
    judged = [r for r in reports if r.elapsed >= duration / 4 and r.estimate is not None]
    assert len(judged) > len(reports) / 2
    for report in judged:
        truth = duration - report.elapsed
        assert truth / 1.5 - SECONDS_PER_PAGE <= report.estimate <= truth * 1.5 + \
            SECONDS_PER_PAGE, (round(report.elapsed), round(truth), round(report.estimate))


def test_the_last_seconds_are_not_shown_as_minutes() -> None:
    """The issue: "about 2 min left" with 11 seconds left. Here the last loop gets its turn 16
    seconds before the end and reads its pages three times as fast as the others did: the
    time left of the pass is not that loop's share of the pass's elapsed time."""
    duration, reports = play([12000, 12000, 12000, 12000, 5000], _stamps_behind,
                             page_seconds=[3.0, 3.0, 3.0, 3.0, 1.0])
    last_seconds = [r for r in reports if duration - r.elapsed <= 11]
    assert last_seconds
    assert all(r.estimate is None or r.estimate < 60 for r in last_seconds), [
        (round(duration - r.elapsed), r.estimate and round(r.estimate)) for r in last_seconds
    ]


def test_the_time_left_never_jumps_up() -> None:
    """A loop starting late, or the stamps of a page, may move the estimate; the number the
    user reads grows by a tenth at most from one report to the next, plus the time between
    them (so an estimate that ran out too early can come back)."""
    _, reports = play(SIZES)
    shown = [r for r in reports if r.estimate is not None]
    assert shown
    for before, after in itertools.pairwise(shown):
        assert after.estimate <= before.estimate * 1.1 + (after.elapsed - before.elapsed) + 1e-9, (
            before, after)
