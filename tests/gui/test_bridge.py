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
