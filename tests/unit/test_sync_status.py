"""The indicator table: every combination of the facts against what the user is shown."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from app.sync.status import Indicator, SyncFacts, stopped_message, sync_status
from app.sync.wakeloop import RoundFailed

NOW = datetime(2026, 11, 22, 12, 0, 0)
Ind = Indicator

# (in flight, failed, minutes since GetCheckIn/full sync or None, background allowed)
#   → indicators in the window (tray order); the tray shows the first.
TABLE = [
    ((0, 0, 5, True), ()),
    ((1, 0, 5, True), (Ind.IN_FLIGHT,)),
    ((0, 2, 5, True), (Ind.FAILED,)),
    ((3, 2, 5, True), (Ind.FAILED, Ind.IN_FLIGHT)),
    ((0, 0, 21, True), (Ind.OUT_OF_DATE,)),
    ((0, 0, 20, True), ()),  # exactly 20 minutes is not yet "more than 20"
    ((0, 0, None, True), (Ind.OUT_OF_DATE,)),  # never synced
    ((1, 0, 21, True), (Ind.OUT_OF_DATE, Ind.IN_FLIGHT)),
    ((0, 1, 21, True), (Ind.FAILED, Ind.OUT_OF_DATE)),
    ((1, 1, 21, True), (Ind.FAILED, Ind.OUT_OF_DATE, Ind.IN_FLIGHT)),
    ((0, 0, 5, False), (Ind.PERMISSION_DECLINED,)),
    ((0, 0, 21, False), (Ind.PERMISSION_DECLINED,)),  # declined overrules out of date
    ((0, 0, None, False), (Ind.PERMISSION_DECLINED,)),
    ((1, 0, 21, False), (Ind.PERMISSION_DECLINED, Ind.IN_FLIGHT)),
    ((0, 4, 21, False), (Ind.FAILED, Ind.PERMISSION_DECLINED)),
    ((2, 4, 21, False), (Ind.FAILED, Ind.PERMISSION_DECLINED, Ind.IN_FLIGHT)),
    ((2, 4, 5, False), (Ind.FAILED, Ind.PERMISSION_DECLINED, Ind.IN_FLIGHT)),
    ((1, 0, 5, False), (Ind.PERMISSION_DECLINED, Ind.IN_FLIGHT)),
    ((0, 1, 5, False), (Ind.FAILED, Ind.PERMISSION_DECLINED)),
]


def facts(in_flight: int, failed: int, minutes: int | None, allowed: bool,
          online: bool = True):
    last = None if minutes is None else NOW - timedelta(minutes=minutes)
    return SyncFacts(in_flight, failed, last, allowed, online, NOW)


@pytest.mark.parametrize(("given", "shown"), TABLE)
def test_indicator_table(given, shown) -> None:
    status = sync_status(facts(*given))
    assert status.active == shown
    assert status.tray == (shown[0] if shown else None)


def test_table_covers_every_combination() -> None:
    """Each combination of the four facts (with 'stale' as one value) is in the table."""
    seen = {(bool(f), bool(x), m is None or m > 20, a) for (f, x, m, a), _ in TABLE}
    assert seen == set(itertools.product([False, True], repeat=4))


@pytest.mark.parametrize("online", [True, False])
def test_offline_does_not_change_the_indicators_only_reports_it(online: bool) -> None:
    status = sync_status(facts(0, 0, 30, True, online))
    assert status.active == (Ind.OUT_OF_DATE,)
    assert status.online is online


def test_badges_carry_counts_or_an_exclamation_mark() -> None:
    status = sync_status(facts(3, 7, 30, True))
    assert status.badge(Ind.IN_FLIGHT) == "3"
    assert status.badge(Ind.FAILED) == "7"
    assert status.badge(Ind.OUT_OF_DATE) == "!"


def test_work_that_stopped_raises_failed_with_its_message_and_a_mark() -> None:
    problem = stopped_message("Sending changes", RoundFailed("the disk is full", 120))
    assert problem == "Sending changes stopped: the disk is full. Retrying in 2 min."
    status = sync_status(SyncFacts(0, 0, NOW, True, True, NOW, problems=(problem,)))
    assert status.active == (Ind.FAILED,) and status.tray is Ind.FAILED
    assert status.badge(Ind.FAILED) == "!"
    assert status.problems == (problem,)
    assert sync_status(SyncFacts(0, 3, NOW, True, True, NOW, problems=(problem,))).badge(
        Ind.FAILED) == "3"
