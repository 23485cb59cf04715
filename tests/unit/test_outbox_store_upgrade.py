"""A store written by the version before read-back baselines opens, keeps its unsent actions
and stores a baseline with each entry from then on."""

from pathlib import Path

from peewee import SqliteDatabase

from app.db import Store
from app.db.migrations import MIGRATIONS, SCHEMA_VERSION
from app.db.outbox import Lane, NewEntry, OutboxRepo, State
from app.db.tables import make_tables


def a_version_3_store(folder: Path) -> None:
    """The schema as version 3 left it: the outbox without `baseline`."""
    database = SqliteDatabase(str(folder / "fieldclient.sqlite3"))
    tables = make_tables(database)
    for migration in MIGRATIONS[:3]:
        migration(database, tables)
    database.execute_sql("ALTER TABLE outbox DROP COLUMN baseline")
    database.execute_sql("PRAGMA user_version = 3")
    OutboxRepo(database, tables).add(NewEntry(
        request_id="r-1", created="2024-05-01 10:00:00", summary="Note on task 9",
        command="PostMessage", params={"message": {"message": "OK"}, "objecttype": "todo",
                                       "objectid": 9, "title": ""},
        object_kind="todo", object_id=9, lane=Lane.SMALL))
    database.execute_sql("UPDATE outbox SET state = 'in_doubt'")
    database.close()


def test_a_version_3_store_upgrades_and_keeps_its_unsent_entries(tmp_path: Path) -> None:
    a_version_3_store(tmp_path)
    store = Store.in_dir(tmp_path)
    try:
        assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        repo = OutboxRepo.of(store)
        [entry] = repo.unsent()
        assert (entry.state, entry.baseline) == (State.IN_DOUBT, None)  # sent without one
        store.write_blocking(repo.mark_sending, entry.id, "2024-05-01 10:01:00",
                             entry.params, {"messageids": [4, 7], "userid": 3})
        assert repo.get(entry.id).baseline == {"messageids": [4, 7], "userid": 3}
    finally:
        store.close()
