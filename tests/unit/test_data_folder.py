"""The data folder: one writer process, each way it can fail said in words, a damaged store
found at open and rebuilt without losing an unsent action, a bounded write-ahead log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from app.core.kinds import Kind
from app.db import Store
from app.db.folder import (
    FolderInUse,
    FolderLock,
    StoreDamaged,
    StoreUnavailable,
    in_words,
    lock_is_held,
)
from app.db.outbox import NewEntry, OutboxRepo, State
from app.db.recovery import recover
from app.db.store import DATABASE_FILE
from app.sandbox import SandboxServer
from tests.admin import commands_sent
from tests.folder_faults import (
    garble_table,
    held_by_another_process,
    read_only_view,
)
from tests.sync_harness import Harness

NOW = "2024-05-01 10:00:00"


def queue(store: Store, text: str) -> str:
    request_id = f"note-{text}"
    store.write_blocking(OutboxRepo.of(store).add, NewEntry(
        request_id=request_id, created=NOW, summary=f"Note {text}", command="PostMessage",
        params={"message": {"message": text}}, object_kind="todo", object_id=1))
    return request_id


def some_tasks(store: Store, count: int = 2000) -> None:
    store.write_blocking(store.objects.ingest, Kind.TODO,
                         [{"id": n, "title": f"Opgave {n} " * 10} for n in range(1, count)])


def test_a_folder_is_held_while_its_store_is_open_and_freed_when_the_holder_is_killed(
    data_dir: Path,
) -> None:
    Store.in_dir(data_dir).close()
    with held_by_another_process(data_dir) as holder:
        with pytest.raises(FolderInUse, match="already running on the data folder"):
            Store.in_dir(data_dir)
        reader = Store.reader(data_dir)  # `status` still reads while the app runs
        assert reader.objects.count(Kind.TODO) == 0
        reader.close()
        holder.kill()  # SIGKILL: no clean-up of any kind
        holder.wait(timeout=10)
        store = Store.in_dir(data_dir)  # the OS let go of the lock: nothing stale is left
        store.close()


def test_a_look_at_the_folders_lock_says_whether_it_is_held_and_leaves_it_as_it_was(
    data_dir: Path,
) -> None:
    """The start skips asking for a running window when no one holds the folder (app/desktop.py):
    the look must see a holder in another process and in this one, and must not take the lock
    from either, nor keep it."""
    assert not lock_is_held(data_dir)  # no folder yet
    Store.in_dir(data_dir).close()
    assert not lock_is_held(data_dir)  # the lock's file is left behind, held by no one
    with held_by_another_process(data_dir) as holder:
        assert lock_is_held(data_dir)
        with pytest.raises(FolderInUse):  # still the holder's
            Store.in_dir(data_dir)
        holder.kill()
        holder.wait(timeout=10)
        assert not lock_is_held(data_dir)
    with FolderLock(data_dir):
        assert lock_is_held(data_dir)
        assert lock_is_held(data_dir)  # a look did not let this process's lock go
    assert not lock_is_held(data_dir)
    Store.in_dir(data_dir).close()  # and the looks kept nothing


def test_the_read_only_store_never_creates_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="There is no data folder"):
        Store.reader(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_full_disk_is_said_in_words_and_what_was_saved_stays(data_dir: Path) -> None:
    store = Store.in_dir(data_dir)
    try:
        kept = queue(store, "Kedlen er skiftet")
        # SQLite's own limit makes it report "database or disk is full", as a full disk does;
        # the transaction it rolled back then fails its own rollback, which hid the reason.
        pages = store.write_blocking(
            lambda: store.database.execute_sql("PRAGMA page_count").fetchone()[0])
        store.write_blocking(store.database.execute_sql, f"PRAGMA max_page_count = {pages}")
        with pytest.raises(peewee.DatabaseError) as full:
            some_tasks(store)
        assert str(in_words(full.value, data_dir)) == (
            f"The disk holding {data_dir} is full: free some space, then try again "
            "(nothing you did is lost).")
        assert [entry.request_id for entry in OutboxRepo.of(store).unsent()] == [kept]
    finally:
        store.close()


def test_a_folder_that_is_a_file_is_said_in_words(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("notes")
    with pytest.raises(StoreUnavailable, match="is a file, not a data folder"):
        Store.in_dir(not_a_folder)
    assert not_a_folder.read_text() == "notes"


def test_a_read_only_folder_is_said_in_words(tmp_path: Path) -> None:
    source = tmp_path / "source"
    store = Store.in_dir(source)
    queue(store, "Kedlen er skiftet")
    store.close()
    with read_only_view(source, tmp_path / "view") as view, pytest.raises(
        StoreUnavailable, match="cannot be written"
    ):
        Store.in_dir(view)


def test_a_store_locked_by_another_program_is_said_in_words(data_dir: Path) -> None:
    Store.in_dir(data_dir).close()
    other = sqlite3.connect(data_dir / DATABASE_FILE, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")  # e.g. a database tool left open on the file
    try:
        with pytest.raises(StoreUnavailable, match="locked by another program"):
            Store.in_dir(data_dir)
    finally:
        other.rollback()
        other.close()


@pytest.mark.expected_warnings("app.db.store")
@pytest.mark.parametrize("damage", ["garbled", "truncated", "not a database"])
def test_a_damaged_store_is_found_at_open(data_dir: Path, damage: str) -> None:
    store = Store.in_dir(data_dir)
    some_tasks(store)
    store.close()
    path = data_dir / DATABASE_FILE
    if damage == "garbled":
        garble_table(data_dir, "todo")
    elif damage == "truncated":
        with open(path, "r+b") as file:
            file.truncate(path.stat().st_size // 2)
    else:
        path.write_bytes(b"Field notes, not SQLite. " * 400)
    with pytest.raises(StoreDamaged, match="is damaged"):
        Store.in_dir(data_dir)


@pytest.mark.expected_warnings("app.db.store")
def test_recovery_keeps_every_outbox_row_and_the_damaged_file(data_dir: Path) -> None:
    store = Store.in_dir(data_dir)
    some_tasks(store)
    first, second = queue(store, "Kedlen er skiftet"), queue(store, "Kunden betaler kontant")
    repo = OutboxRepo.of(store)
    store.write_blocking(repo.mark_sending, repo.unsent()[0].id, NOW)
    store.close()
    garble_table(data_dir, "todo")

    recovered = recover(data_dir)

    assert recovered.complete and recovered.unsent == 2
    assert "2 unsent changes kept" in recovered.message
    assert recovered.damaged_file.exists() and recovered.rescued_file.exists()
    store = Store.in_dir(data_dir)
    try:
        entries = OutboxRepo.of(store).entries()
        assert [(e.request_id, e.state) for e in entries] == [
            (first, State.SENDING), (second, State.PENDING)]
        assert store.objects.count(Kind.TODO) == 0  # downloaded again by the next sync
    finally:
        store.close()


@pytest.mark.expected_warnings("app.db.store")
def test_a_rebuilt_store_sends_its_unsent_actions_once(
    sandbox: SandboxServer, data_dir: Path, loop
) -> None:
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    task = min(harness.core.store.objects.ids(Kind.TODO))
    for text in ("Kedlen er skiftet", "Kunden betaler kontant"):
        harness.run(harness.core.actions.post_note(Kind.TODO, task, text))
    queued = [entry.request_id for entry in harness.core.outbox.unsent()]
    harness.close()
    garble_table(data_dir, "todo")
    with pytest.raises(StoreDamaged):
        Store.in_dir(data_dir)

    recover(data_dir)

    harness = Harness(sandbox, data_dir, loop)
    try:
        harness.run(harness.core.sender.run_once())
        sent = commands_sent(sandbox, "PostMessage")
        assert [note["clientrequestid"] for note in sent] == queued
        assert [note["message"]["message"] for note in sent] == [
            "Kedlen er skiftet", "Kunden betaler kontant"]
        assert harness.sync().ok
        assert task in harness.core.store.objects.ids(Kind.TODO)
    finally:
        harness.close()


@pytest.mark.expected_warnings("app.db.store")
def test_recovery_of_a_file_that_is_not_a_database_keeps_it_and_says_so(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILE).write_bytes(b"Field notes, not SQLite. " * 400)
    recovered = recover(data_dir)
    assert not recovered.complete
    assert "could not be read" in recovered.message and str(recovered.damaged_file) in (
        recovered.message)
    assert recovered.damaged_file.read_bytes().startswith(b"Field notes")
    Store.in_dir(data_dir).close()


def test_commits_are_durable_and_the_write_ahead_log_stays_small(data_dir: Path) -> None:
    """A small store rewritten many times (a long day of syncs) keeps a log of a few MB."""
    store = Store.in_dir(data_dir)
    wal = data_dir / f"{DATABASE_FILE}-wal"
    largest = 0
    try:
        synchronous = store.write_blocking(
            lambda: store.database.execute_sql("PRAGMA synchronous").fetchone()[0])
        assert synchronous == 2  # FULL: a commit is on the disk when the write returns
        # 8 x 6 MB rewritten (the title is in the object and in its column), two rows to a
        # page: with 1,000 characters a row is just over half a page since it also holds its id
        # (schema 8 keeps rows in the order stored), which doubled the store and its log
        for round_ in range(8):
            store.write_blocking(store.objects.ingest, Kind.TODO, [
                {"id": n, "title": f"{round_}" * 900} for n in range(1, 3000)])
            largest = max(largest, wal.stat().st_size)
    finally:
        store.close()
    assert largest < 10_000_000
