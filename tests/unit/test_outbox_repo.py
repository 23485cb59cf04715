"""The outbox table: order per object and lane, what a refusal blocks, discard, start-up."""

from pathlib import Path

import pytest

from app.db import Store
from app.db.outbox import (
    Lane,
    NewEntry,
    NotAllowed,
    OutboxRepo,
    State,
    UnsentChanges,
    ensure_nothing_unsent,
)

NOW = "2024-05-01 10:00:00"


@pytest.fixture
def store(tmp_path: Path):
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def add(store: Store, kind: str, object_id: int, *, lane: Lane = Lane.SMALL,
        depends_on: int | None = None, summary: str = "") -> int:
    repo = OutboxRepo.of(store)
    entry = NewEntry(request_id=f"r{repo.unsent_count()}-{kind}-{object_id}-{summary}",
                     created=NOW, summary=summary or f"{kind} {object_id}", command="Echo",
                     params={"text": "x"}, object_kind=kind, object_id=object_id, lane=lane,
                     depends_on=depends_on, undo=[{"setting": summary, "before": None}])
    return store.write_blocking(repo.add, entry)


def test_order_is_kept_per_object_and_a_refusal_blocks_only_its_object(store: Store) -> None:
    repo = OutboxRepo.of(store)
    first_a, second_a = add(store, "todo", 1), add(store, "todo", 1)
    b = add(store, "todo", 2)
    assert repo.next_sendable(Lane.SMALL, NOW).id == first_a
    store.write_blocking(repo.mark_sending, first_a, NOW)
    # Task 1's second change waits for the first; task 2 does not.
    assert repo.next_sendable(Lane.SMALL, NOW).id == b
    store.write_blocking(repo.mark_failed, first_a, "Invalid stateid: 99", "Echo {}")
    assert repo.next_sendable(Lane.SMALL, NOW).id == b
    store.write_blocking(repo.mark_done, b, {})
    assert repo.next_sendable(Lane.SMALL, NOW) is None
    assert [e.id for e in repo.blocked_by(first_a)] == [second_a]
    store.write_blocking(repo.retry, first_a)
    assert repo.next_sendable(Lane.SMALL, NOW).id == first_a


def test_a_dependent_waits_for_its_dependency_to_be_done(store: Store) -> None:
    repo = OutboxRepo.of(store)
    checkin = add(store, "todo", 1)
    other = add(store, "customer", 5, depends_on=checkin)
    store.write_blocking(repo.mark_sending, checkin, NOW)
    assert repo.next_sendable(Lane.SMALL, NOW) is None
    store.write_blocking(repo.mark_done, checkin, {"checkinid": 3})
    assert repo.next_sendable(Lane.SMALL, NOW).id == other


def test_a_retry_waits_for_its_time_and_holds_back_its_object(store: Store) -> None:
    repo = OutboxRepo.of(store)
    first = add(store, "tool", 1)
    add(store, "tool", 1)
    store.write_blocking(repo.schedule_retry, first, "2024-05-01 10:00:04", "offline")
    assert repo.next_sendable(Lane.SMALL, NOW) is None
    assert repo.next_due() == "2024-05-01 10:00:04"
    assert repo.next_sendable(Lane.SMALL, "2024-05-01 10:00:04").id == first


def test_attachments_have_their_own_lane(store: Store) -> None:
    repo = OutboxRepo.of(store)
    photo = add(store, "todo", 1, lane=Lane.ATTACHMENT)
    state = add(store, "todo", 1)
    assert repo.next_sendable(Lane.SMALL, NOW).id == state
    assert repo.next_sendable(Lane.ATTACHMENT, NOW).id == photo


def test_discard_takes_what_cannot_succeed_without_it_newest_first(store: Store) -> None:
    repo = OutboxRepo.of(store)
    first = add(store, "todo", 1, summary="a")
    later = add(store, "todo", 1, summary="b")
    dependent = add(store, "customer", 2, depends_on=later, summary="c")
    unrelated = add(store, "todo", 3, summary="d")
    gone = store.write_blocking(repo.discard, first)
    assert [e.id for e in gone] == [dependent, later, first]
    assert [e.id for e in repo.unsent()] == [unrelated]
    store.write_blocking(repo.mark_sending, unrelated, NOW)
    with pytest.raises(NotAllowed):
        store.write_blocking(repo.discard, unrelated)


def test_entries_left_sending_are_in_doubt_after_a_restart(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    entry = add(store, "todo", 1)
    store.write_blocking(OutboxRepo.of(store).mark_sending, entry, NOW)
    store.close()
    store = Store.in_dir(tmp_path)
    try:
        repo = OutboxRepo.of(store)
        assert store.write_blocking(repo.recover_interrupted) == 1
        assert repo.get(entry).state is State.IN_DOUBT
        assert repo.get(entry).attempts == 1
    finally:
        store.close()


def test_logout_is_refused_while_changes_are_unsent(store: Store) -> None:
    ensure_nothing_unsent(store, "log out")
    for n in range(3):
        add(store, "todo", n, summary=f"Set task {n} to Udført")
    with pytest.raises(UnsentChanges, match=r"Cannot log out: 3 changes are not sent yet: "
                                            r"Set task 0 to Udført; Set task 1"):
        ensure_nothing_unsent(store, "log out")
    assert OutboxRepo.of(store).counts()[State.PENDING] == 3
