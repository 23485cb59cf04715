"""The local store: idempotent ingest, deletions, malformed objects, schema versions, what a
first sync costs the disk."""

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.kinds import Kind
from app.db import Store
from app.db.columns import COLUMNS
from app.db.migrations import SCHEMA_VERSION, NewerSchemaError
from app.db.outbox import OutboxRepo
from app.db.store import DATABASE_FILE


@pytest.fixture
def store(tmp_path: Path):
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def test_ingest_reports_added_then_changed_and_keeps_unknown_fields(store: Store) -> None:
    first = store.write_blocking(store.objects.ingest, Kind.CUSTOMER,
                                 [{"id": 5, "name": "Hansen VVS", "brandnew": {"a": 1}}])
    assert first.changes.added == {5}
    again = store.write_blocking(store.objects.ingest, Kind.CUSTOMER,
                                 [{"id": "5", "name": "Hansen VVS ApS"}])
    assert again.changes.changed == {5} and not again.changes.added
    assert store.objects.get(Kind.CUSTOMER, 5) == {"id": "5", "name": "Hansen VVS ApS"}
    assert store.objects.count(Kind.CUSTOMER) == 1


def test_first_ingest_keeps_unknown_fields(store: Store) -> None:
    store.write_blocking(store.objects.ingest, Kind.TOOL, [{"id": 1, "futurefield": [1, 2]}])
    assert store.objects.get(Kind.TOOL, 1) == {"id": 1, "futurefield": [1, 2]}


def test_deleted_objects_leave_and_come_back_when_the_server_says_so(store: Store) -> None:
    store.write_blocking(store.objects.ingest, Kind.TODO, [{"id": 1}, {"id": 2}])
    gone = store.write_blocking(store.objects.ingest, Kind.TODO, [{"id": 2, "isdeleted": "1"}])
    assert gone.changes.removed == {2}
    assert store.objects.ids(Kind.TODO) == {1}
    back = store.write_blocking(store.objects.ingest, Kind.TODO, [{"id": 2, "isdeleted": 0}])
    assert back.changes.added == {2}


@pytest.mark.expected_warnings("app.db.objects")
def test_malformed_objects_are_skipped_and_the_rest_kept(store: Store, strict_logs) -> None:
    result = store.write_blocking(
        store.objects.ingest, Kind.PERSON,
        [{"id": 1, "firstname": "Ane"}, {"name": "no id"}, "not an object", {"id": [3]},
         {"id": 4, "firstname": 17, "customerid": "x"}],
    )
    assert result.skipped == 3
    assert store.objects.ids(Kind.PERSON) == {1, 4}
    assert any("malformed person" in r.getMessage() for r in strict_logs.records)


def test_a_failed_write_commits_nothing(store: Store) -> None:
    def half_then_fail() -> None:
        store.objects.ingest(Kind.TODO, [{"id": 1}])
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.write_blocking(half_then_fail)
    assert store.objects.count(Kind.TODO) == 0


def test_store_is_wal_and_versioned(store: Store) -> None:
    assert store.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_refuses_a_store_from_a_newer_app(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    store.write_blocking(store.database.execute_sql, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store.close()
    with pytest.raises(NewerSchemaError, match="newer Field Client"):
        Store.in_dir(tmp_path)


def test_a_version_1_store_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    from peewee import SqliteDatabase

    from app.db.migrations import MIGRATIONS
    from app.db.tables import make_tables

    database = SqliteDatabase(str(tmp_path / "fieldclient.sqlite3"))
    tables = make_tables(database)
    MIGRATIONS[0](database, tables)
    database.execute_sql("PRAGMA user_version = 1")
    tables.objects[Kind.TODO].insert(id=9, data='{"id": 9}').execute()
    database.close()

    store = Store.in_dir(tmp_path)
    try:
        assert store.objects.get(Kind.TODO, 9) == {"id": 9}
        store.write_blocking(store.objects.ingest, Kind.STODO, [{"id": 1, "objectid": 9}])
        assert store.objects.count(Kind.STODO) == 1
        assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        store.close()


def test_replace_removes_what_the_servers_list_for_that_scope_no_longer_holds(
    store: Store,
) -> None:
    store.write_blocking(store.objects.ingest, Kind.PRODUCTUSE, [
        {"id": 1, "todoid": 7}, {"id": 2, "todoid": 7}, {"id": 3, "todoid": 8},
    ])
    result = store.write_blocking(store.objects.replace, Kind.PRODUCTUSE, {"todoid": 7},
                                  [{"id": 2, "todoid": 7, "amount": 3}])
    assert result.changes.removed == {1} and result.changes.changed == {2}
    assert store.objects.ids(Kind.PRODUCTUSE) == {2, 3}  # task 8's line is untouched
    assert [obj["id"] for obj in store.objects.find(Kind.PRODUCTUSE, todoid=7)] == [2]


@pytest.mark.expected_warnings("app.db.objects")
def test_an_id_that_is_not_a_microbizz_id_never_lands_on_another_object(
    store: Store, strict_logs
) -> None:
    store.write_blocking(store.objects.ingest, Kind.TODO, [{"id": 1, "title": "Service"}])
    bad = [{"id": True, "title": "true"}, {"id": 1.5, "title": "1.5"},
           {"id": 2**63, "title": "too big"}, {"id": 1e30, "title": "1e30"}]
    ingested = store.write_blocking(store.objects.ingest, Kind.TODO, bad)
    assert ingested.skipped == 4 and not ingested.changes
    assert store.objects.get(Kind.TODO, 1) == {"id": 1, "title": "Service"}
    assert store.objects.ids(Kind.TODO) == {1}
    assert [r.getMessage()[:30] for r in strict_logs.records] == [
        "Skipped 4 malformed todo objec"]  # one warning per page, not one per object


def test_a_reference_sqlite_cannot_hold_keeps_the_object_without_the_reference(
    store: Store,
) -> None:
    """One such number used to raise OverflowError and fail that page on every later sync."""
    store.write_blocking(store.objects.ingest, Kind.TOOL, [
        {"id": 3, "title": "Pumpe", "customerid": 1e30, "placeofhome": 2**63,
         "carrier_userid": True},
        {"id": 4, "title": "Boremaskine", "customerid": "12"},
    ])
    assert store.objects.ids(Kind.TOOL) == {3, 4}
    assert store.objects.get(Kind.TOOL, 3)["customerid"] == 1e30  # the raw object is kept
    assert store.objects.find(Kind.TOOL, customerid=12)[0]["id"] == 4
    assert store.objects.find(Kind.TOOL, carrier_userid=1) == []


# Any value a JSON answer can hold (orjson reads integers beyond 64 bits as floats).
_JSON_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | _JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_JSON_TEXT, inner, max_size=3),
    max_leaves=6,
)
_IDS = st.sampled_from([True, False, 1.0, 1.5, "1", " 2 ", "1.0", "+1", -1, 0, 2**63, 1e30,
                        "1e30", [1], {"id": 1}]) | _JSON
_BASELINE = [{"id": n, "title": f"original {n}"} for n in (1, 2, 3)]


def _same_id(value: object, row_id: int) -> bool:
    """Whether a server's `id` value names this row, by any spelling a person would accept."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return False
    try:
        return float(value) == row_id
    except ValueError:
        return False


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(COLUMNS, key=lambda k: k.value)), data=st.data())
@pytest.mark.expected_warnings("app.db.objects")
def test_any_json_value_in_any_field_never_raises_nor_overwrites_another_object(
    store: Store, kind: Kind, data: st.DataObject
) -> None:
    fields = [column.name for column in COLUMNS[kind]] + ["firstname", "isdeleted"]
    incoming = data.draw(st.lists(
        st.builds(lambda object_id, values: {**values, "id": object_id},
                  _IDS, st.dictionaries(st.sampled_from(fields), _JSON)),
        max_size=3,
    ))

    def reset_and_ingest() -> None:
        store.database.execute_sql(f'DELETE FROM "{kind.value}"')
        store.objects.ingest(kind, _BASELINE)
        store.objects.ingest(kind, incoming)

    store.write_blocking(reset_and_ingest)
    for row_id in store.objects.ids(kind):
        assert _same_id(store.objects.get(kind, row_id)["id"], row_id)
    for before in _BASELINE:
        if not any(_same_id(obj["id"], before["id"]) for obj in incoming):
            assert store.objects.get(kind, before["id"]) == before


def test_a_version_3_outbox_gains_the_server_time_and_keeps_its_entries(tmp_path: Path) -> None:
    """The outbox as schema 3 made it: no `created_server` column."""
    store = Store.in_dir(tmp_path)
    store.database.execute_sql("ALTER TABLE outbox DROP COLUMN created_server")
    store.database.execute_sql(
        "INSERT INTO outbox (request_id, created, summary, command, params, object_kind, "
        "object_id, lane, state, attempts, undo) VALUES ('r-1', '2026-12-02 12:00:00', "
        "'Note on task 9', 'PostMessage', '{}', 'todo', 9, 'small', 'pending', 0, '[]')")
    store.database.execute_sql("PRAGMA user_version = 3")
    store.close()

    store = Store.in_dir(tmp_path)
    try:
        [entry] = OutboxRepo.of(store).unsent()
        assert (entry.summary, entry.created, entry.created_server) == (
            "Note on task 9", "2026-12-02 12:00:00", None)
        assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        store.close()


def _bytes_written() -> int:
    """What this process has written through system calls so far (Linux)."""
    counters = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(counters["wchar"])


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts bytes through /proc")
def test_a_first_sync_writes_its_objects_about_once_whatever_order_their_ids_come_in(
    store: Store, tmp_path: Path,
) -> None:
    """A server sends a first sync in the order its objects changed, and their ids come in no
    order. Kept by id, each page's 500 objects rewrote some 500 pages of the file, in the log
    and again at its checkpoint: 18 times the store here, 31 times for 500k objects (17 GB;
    bench/README.md). The pages of a first sync cost the disk a few times what they hold."""
    ids = list(range(1, 20_001))
    random.Random(1).shuffle(ids)
    before = _bytes_written()
    for start in range(0, len(ids), 500):
        store.write_blocking(store.objects.ingest, Kind.CUSTOMER, [
            {"id": object_id, "name": f"Kunde {object_id}", "city": "Aalborg", "note": "x" * 600}
            for object_id in ids[start:start + 500]])
    written = _bytes_written() - before
    assert store.objects.count(Kind.CUSTOMER) == 20_000
    assert written < 6 * (tmp_path / DATABASE_FILE).stat().st_size


def _indexes(store: Store) -> set[str]:
    return {row[0] for row in store.database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


# What a store made before version 8's release had from its start, by peewee's names: the ones
# a first sync now makes after its loops must have the same names, or a store from before would
# be given each of them twice.
LOOKUPS_AS_NAMED_BEFORE = {
    "todorow_customerid_id", "todorow_userid_id", "customerrow_parentcust_id",
    "personrow_customerid_id", "toolrow_customerid_id", "toolrow_placeofhome_id",
    "toolrow_carrier_userid_id", "threadrow_objectid_id", "procedurerow_sysref_id",
    "relationrow_personid_id", "relationrow_customerid_id", "registrationrow_todoid_id",
    "stodorow_objectid_id", "callrow_customerid_id", "productuserow_todoid_id",
    "productuserow_toolid_id",
}


def test_what_main_pages_look_up_by_is_indexed_once_asked_and_then_read_from_its_index(
    store: Store,
) -> None:
    """A store a first sync is filling has the indexes its lists sort by, not those main
    pages look up related objects by: each page's values spread over all of those, and they
    made the writer slower per object the larger the store (bench/README.md)."""
    made_with_the_tables = _indexes(store)
    assert not made_with_the_tables & LOOKUPS_AS_NAMED_BEFORE
    assert "todorow_enddate_id" in made_with_the_tables  # the task list's sort
    store.write_blocking(store.objects.ingest, Kind.TOOL, [
        {"id": n, "title": f"Boremaskine {n}", "customerid": n % 7 + 1} for n in range(1, 500)])
    assert store.write_blocking(store.objects.index_lookups) == len(LOOKUPS_AS_NAMED_BEFORE)
    assert _indexes(store) == made_with_the_tables | LOOKUPS_AS_NAMED_BEFORE
    assert store.write_blocking(store.objects.index_lookups) == 0  # a store that has them
    plan = store.database.execute_sql(
        'EXPLAIN QUERY PLAN SELECT data FROM "tool" WHERE customerid = ?', (3,)).fetchall()
    assert "toolrow_customerid_id" in str(plan)
    assert len(store.objects.find(Kind.TOOL, customerid=3)) == len(
        [n for n in range(1, 500) if n % 7 + 1 == 3])
