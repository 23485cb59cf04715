"""The bridge folds a sync's many page commits into few list refreshes."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.sync.progress import SyncProgress
from app.views.bridge import Bridge


def test_sync_changes_are_folded_into_one_signal(qtbot: QtBot) -> None:
    bridge = Bridge()
    received: list[ChangeSet] = []
    bridge.changes.connect(received.append)
    for object_id in range(50):
        bridge.publish_changes(ChangeSet.single(Kind.TODO, added=[object_id]))
    assert received == []
    qtbot.waitUntil(lambda: len(received) == 1, timeout=2000)
    assert received[0].of(Kind.TODO).added == set(range(50))


def test_a_long_sync_reaches_the_lists_at_most_twice_a_second(qtbot: QtBot) -> None:
    """Each refresh repaints the shown list: a first sync's pages, committed every few
    milliseconds, are shown in a few steps, not tens (app/views/bridge.py)."""
    bridge = Bridge()
    received: list[ChangeSet] = []
    bridge.changes.connect(received.append)
    pages = iter(range(60))

    def commit_a_page() -> None:
        page = next(pages, None)
        if page is not None:
            bridge.publish_changes(ChangeSet.single(Kind.TODO, added=[page]))
            QTimer.singleShot(20, commit_a_page)  # 60 pages over some 1.2 s

    started = time.monotonic()
    commit_a_page()
    qtbot.waitUntil(lambda: sum(len(c.of(Kind.TODO).added) for c in received) == 60,
                    timeout=10_000)
    # one refresh per half second it took (more on a slow machine), and the last pages'
    assert len(received) <= (time.monotonic() - started) / 0.5 + 1


def test_a_users_change_is_shown_at_once_after_what_was_pending(qtbot: QtBot) -> None:
    bridge = Bridge()
    received: list[ChangeSet] = []
    bridge.changes.connect(received.append)
    bridge.publish_changes(ChangeSet.single(Kind.TODO, added=[1]))
    bridge.publish_changes(ChangeSet.single(Kind.TODO, changed=[1], initiator="user"))
    assert [c.initiator for c in received] == ["sync", "user"]


def test_the_end_of_a_pass_flushes_before_it_reports(qtbot: QtBot) -> None:
    bridge = Bridge()
    order: list[str] = []
    bridge.changes.connect(lambda _c: order.append("changes"))
    bridge.progress.connect(lambda _p: order.append("progress"))
    bridge.publish_changes(ChangeSet.single(Kind.CUSTOMER, added=[4]))
    bridge.publish_progress(SyncProgress(running=False, last_success="2026-11-22 10:00:00"))
    assert order == ["changes", "progress"]


def test_a_running_syncs_progress_reaches_the_window_at_most_ten_times_a_second(
    qtbot: QtBot,
) -> None:
    """Each page brings a progress; the window shows the first at once, then the latest at
    most every 100 ms, and the end of the pass at once (app/views/bridge.py)."""
    bridge = Bridge()
    shown: list[SyncProgress] = []
    bridge.progress.connect(shown.append)
    pages = iter(range(60))

    def a_page() -> None:
        page = next(pages, None)
        if page is None:
            bridge.publish_progress(SyncProgress(running=False, last_success="2026-12-07 22:00"))
            return
        bridge.publish_progress(SyncProgress(running=True, activity=f"page {page}"))
        QTimer.singleShot(10, a_page)  # 60 pages over some 0.6 s or more

    started = time.monotonic()
    a_page()
    assert [p.activity for p in shown] == ["page 0"]  # the first at once
    qtbot.waitUntil(lambda: bool(shown) and not shown[-1].running, timeout=10_000)
    # one per 100 ms it took (more on a slow machine), plus the first and the end
    assert len(shown) <= (time.monotonic() - started) / 0.1 + 2
    assert [p.running for p in shown].count(False) == 1


def test_the_latest_progress_of_a_burst_is_shown_once_the_window_is_quiet(
    qtbot: QtBot,
) -> None:
    bridge = Bridge()
    shown: list[str] = []
    bridge.progress.connect(lambda progress: shown.append(progress.activity))
    for page in range(5):
        bridge.publish_progress(SyncProgress(running=True, activity=f"page {page}"))
    assert shown == ["page 0"]
    qtbot.waitUntil(lambda: shown == ["page 0", "page 4"], timeout=2000)
    qtbot.wait(250)
    assert shown == ["page 0", "page 4"]  # nothing again while nothing new came


def test_the_lists_take_in_a_syncs_changes_in_the_windows_turn(qtbot: QtBot) -> None:
    """While the lists refresh and repaint, the sync's writer and decoder begin nothing new
    (app/core/window_turn.py); the turn is given back once they have painted."""
    bridge = Bridge()
    taken_while_shown: list[bool] = []
    bridge.changes.connect(lambda _changes: taken_while_shown.append(bridge.turn.taken))
    bridge.publish_changes(ChangeSet.single(Kind.TODO, added=[1]))
    assert not bridge.turn.taken  # folding: nothing shown yet, the sync goes on
    qtbot.waitUntil(lambda: taken_while_shown == [True], timeout=2000)
    qtbot.waitUntil(lambda: not bridge.turn.taken, timeout=1000)
