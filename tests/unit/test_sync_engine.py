"""The sync engine against the sandbox over loopback: a full pass, paging, resuming an
interrupted sync, and failures that move no cursor."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import orjson
import pytest

from app.api.shapes import BY_LAST_CHANGE
from app.core.kinds import LISTED_KINDS, Kind
from app.sandbox import SandboxServer
from tests.admin import change_object, commands_sent, fault, request_log
from tests.reshaping import Reshaping
from tests.server_data import live_ids
from tests.sync_harness import Harness


def _position(cursor) -> tuple:
    return cursor.changedate, cursor.changetime, cursor.resumekey


def _step(kind: Kind) -> str:
    return BY_LAST_CHANGE[kind].command


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    yield harness
    harness.close()


def test_first_pass_brings_exactly_the_servers_live_objects(harness: Harness) -> None:
    result = harness.sync()
    assert result.ok, result.errors
    for kind in LISTED_KINDS:
        assert harness.local_ids(kind) == live_ids(harness.server, kind), kind
    assert harness.core.store.settings.get("sync.last_success") == result.finished
    assert harness.progress[-1].running is False and harness.progress[-1].last_error is None


def test_settings_come_first_and_loops_page_with_resumekey(harness: Harness) -> None:
    harness.sync()
    log = request_log(harness.server)
    assert log[0]["commands"][0]["command"] == "GetMobileAppSettings"
    pages = commands_sent(harness.server, "GetCustomersByLastChange")
    expected_pages = -(-len(live_ids(harness.server, Kind.CUSTOMER)) // 20)
    assert len(pages) >= expected_pages > 1
    assert "resumekey" not in pages[0]
    assert all("resumekey" in page for page in pages[1:])
    # Never combined: each …ByLastChange request carries that one command only.
    for request in log:
        names = [c["command"] for c in request["commands"]]
        if any(name.endswith("ByLastChange") for name in names):
            assert len(names) == 1, names


def test_the_cursor_is_the_servers_time_of_the_loops_first_page(harness: Harness) -> None:
    harness.sync()
    cursor = harness.cursor(_step(Kind.CUSTOMER))
    first = next(r for r in request_log(harness.server)
                 if r["commands"][0]["command"] == "GetCustomersByLastChange")
    assert f"{cursor.changedate} {cursor.changetime}" == first["received"]
    assert cursor.resumekey is None and cursor.phase == "normal"


def test_the_loops_read_their_cursor_once_not_at_every_page(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's transaction hands back the cursor it committed: the loops' thread (the
    window's, in the app) runs no query per page, whose waits for the interpreter lock the
    sync's own threads held stalled the window during a first sync."""
    from app.db.cursors import CursorRepo

    reads_on_the_loop: list[str] = []
    read = CursorRepo.get
    loop_thread = threading.current_thread()

    def recording(self: CursorRepo, key: str):  # type: ignore[no-untyped-def]
        if threading.current_thread() is loop_thread:
            reads_on_the_loop.append(key)
        return read(self, key)

    monkeypatch.setattr(CursorRepo, "get", recording)
    result = harness.sync()
    assert result.ok, result.errors
    pages = len(commands_sent(harness.server, "GetCustomersByLastChange"))
    assert pages > 2
    assert reads_on_the_loop.count("GetCustomersByLastChange") == 1


def test_a_second_pass_brings_only_what_changed(harness: Harness) -> None:
    harness.sync()
    target = min(live_ids(harness.server, Kind.CUSTOMER))
    change_object(harness.server, "customer", target, name="Omdøbt ApS")
    harness.changes.clear()
    result = harness.sync()
    assert result.ok
    assert result.received["GetCustomersByLastChange"] >= 1
    touched = [c.of(Kind.CUSTOMER) for c in harness.changes if c.touches(Kind.CUSTOMER)]
    assert any(target in c.changed for c in touched)
    assert harness.core.store.objects.get(Kind.CUSTOMER, target)["name"] == "Omdøbt ApS"


@pytest.mark.expected_warnings("app.sync.engine")
@pytest.mark.parametrize("mode", ["http_500", "malformed", "drop"])
def test_a_failing_server_moves_no_cursor_and_says_why(harness: Harness, mode: str) -> None:
    harness.sync()
    before = {kind: harness.cursor(_step(kind)) for kind in LISTED_KINDS}
    fault(harness.server, mode, times=100, command="GetTodosByLastChange")
    result = harness.sync()
    assert not result.ok
    assert "GetTodosByLastChange" in result.errors
    after = harness.cursor(_step(Kind.TODO))
    assert _position(after) == _position(before[Kind.TODO])
    assert after.last_error
    assert harness.progress[-1].last_error and "Sync failed" in harness.progress[-1].last_error


@pytest.mark.expected_warnings("app.sync.engine")
def test_a_server_that_does_not_answer_times_out_with_a_message(
    sandbox: SandboxServer, data_dir: Path, loop
) -> None:
    harness = Harness(sandbox, data_dir, loop, timeout=0.3)
    try:
        fault(sandbox, "delay", delay=1.5, times=1, command="GetMobileAppSettings")
        result = harness.sync()
        assert not result.ok
        assert "did not answer in time" in result.message
        assert all(harness.cursor(_step(kind)).changedate == "1970-01-01" for kind in LISTED_KINDS)
    finally:
        harness.close()


@pytest.fixture
def big_harness(data_dir: Path, loop) -> Iterator[Harness]:
    """Enough visible tasks for many pages after the limitnumobjects read."""
    with SandboxServer(seed=7, scale=0.2, page_size=20) as server:
        harness = Harness(server, data_dir, loop)
        yield harness
        harness.close()


@pytest.mark.expected_warnings("app.sync.engine")
def test_an_interrupted_sync_resumes_from_the_stored_resumekey(big_harness: Harness) -> None:
    harness = big_harness
    # Let five pages of tasks through (past the limitnumobjects read), then fail the rest.
    fault(harness.server, "http_500", times=1000, command="GetTodosByLastChange", after=5)
    first = harness.sync()
    assert not first.ok
    stuck = harness.cursor(_step(Kind.TODO))
    assert stuck.resumekey and stuck.pages >= 1
    assert stuck.changedate == "1970-01-01"
    assert len(harness.local_ids(Kind.TODO)) >= stuck.objects

    httpx_clear_faults(harness.server)
    harness.restart()
    sent_before = len(commands_sent(harness.server, "GetTodosByLastChange"))
    second = harness.sync()
    assert second.ok, second.errors
    resumed = commands_sent(harness.server, "GetTodosByLastChange")[sent_before]
    assert resumed["resumekey"] == stuck.resumekey
    assert harness.local_ids(Kind.TODO) == live_ids(harness.server, Kind.TODO)


def httpx_clear_faults(server: SandboxServer) -> None:
    import httpx

    httpx.delete(f"{server.base_url}/_sandbox/faults").raise_for_status()


@pytest.mark.expected_warnings("app.db.objects")
def test_malformed_objects_are_skipped_and_logged_and_the_sync_carries_on(
    harness: Harness, strict_logs
) -> None:
    fault(harness.server, "bad_objects", times=1000, command="GetCustomersByLastChange")
    result = harness.sync()
    assert result.ok, result.errors
    assert harness.local_ids(Kind.CUSTOMER) == live_ids(harness.server, Kind.CUSTOMER)
    skipped = [r.getMessage() for r in strict_logs.records if "malformed customer" in
               r.getMessage()]
    assert skipped and all(message.startswith("Skipped 4 malformed") for message in skipped)


class _Watching(Reshaping):
    """Hears, as each request leaves, the loop command it carries and its resumekey."""

    def __init__(self) -> None:
        super().__init__()
        self.on_request: Callable[[str, str], None] = lambda command, resumekey: None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        envelope = orjson.loads(parse_qs(request.content.decode())["json"][0])
        for command in envelope["commands"]:
            if command["command"].endswith("ByLastChange") and "resumekey" in command:
                self.on_request(command["command"], command["resumekey"])
        return await super().handle_async_request(request)


def test_a_loop_asks_for_its_next_page_while_the_current_one_is_written(
    sandbox: SandboxServer, data_dir: Path, loop
) -> None:
    """The next page is on its way while the writer stores the one that named it (a first
    sync no longer waits for each page's commit before asking again), and the cursors still
    move only with their pages."""
    transport = _Watching()
    harness = Harness(sandbox, data_dir, loop, transport=transport)
    asked_before_stored: list[str] = []

    def note(command: str, resumekey: str) -> None:
        if harness.cursor(command).resumekey != resumekey:
            asked_before_stored.append(resumekey)

    transport.on_request = note
    try:
        result = harness.sync()
        assert result.ok, result.errors
        assert asked_before_stored
        for kind in (Kind.TODO, Kind.CUSTOMER):
            assert harness.local_ids(kind) == live_ids(harness.server, kind)
            done = harness.cursor(_step(kind))
            assert done.resumekey is None and done.changedate != "1970-01-01"
    finally:
        harness.close()


def test_a_first_pass_indexes_what_main_pages_look_up_by_after_its_loops_not_during_them(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each lookup index would take every page's values all over its range
    (app/db/columns.py, `ColumnIndex`); made after the loops, the steps after them (the company
    tools', the calendar's) have it."""
    store = harness.core.store
    indexed_at_each_write: list[bool] = []
    ingest = store.objects.ingest

    def noting(kind, objects):  # type: ignore[no-untyped-def]
        indexed_at_each_write.append(bool(store.database.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'toolrow_customerid_id'").fetchone()))
        return ingest(kind, objects)

    monkeypatch.setattr(store.objects, "ingest", noting)
    assert harness.sync().ok
    loop_pages = sum(len(commands_sent(harness.server, step.command))
                     for step in BY_LAST_CHANGE.values())
    # every loop page without it, then every write after the loops with it
    assert indexed_at_each_write == sorted(indexed_at_each_write)
    assert indexed_at_each_write.count(False) >= loop_pages > 1
    assert indexed_at_each_write[-1]


@pytest.mark.expected_warnings("app.sync.engine")
def test_lookup_indexes_that_could_not_be_written_are_made_by_the_next_pass(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk as the indexes are made: the pass says so, what its loops stored stays, and
    the next pass makes them."""
    store = harness.core.store
    made = store.objects.index_lookups

    def disk_full() -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.objects, "index_lookups", disk_full)
    failed = harness.sync()
    assert not failed.ok and "disk is full" in failed.message
    assert harness.local_ids(Kind.CUSTOMER) == live_ids(harness.server, Kind.CUSTOMER)
    monkeypatch.setattr(store.objects, "index_lookups", made)
    assert harness.sync().ok
    assert store.database.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'toolrow_customerid_id'").fetchone()
