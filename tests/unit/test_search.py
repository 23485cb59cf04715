"""The search field's index and Session.search against a store synced from the sandbox: what
the sync writes is found by its numbers, names, addresses, phones, e-mail, serial numbers and
custom fields, Danish letters typed either way; changes and deletions follow at once, and a
store from before the index, or from before its objects were kept in the order stored, finds
its old objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from peewee import SqliteDatabase

from app.core.kinds import Kind
from app.core.searchable import tokens
from app.db import Store
from app.db.columns import COLUMNS
from app.db.migrations import MIGRATIONS, SCHEMA_VERSION
from app.db.tables import make_tables
from app.sandbox import SandboxServer
from app.sync.actions import Effect
from app.sync.session import Session
from tests import admin
from tests.sync_harness import Harness

SANDBOX = (23, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py




def indexed(synced: Harness, kind: Kind, text: str) -> list[int]:
    """What the index holds for `text`, once it is checked to hold an entry for each stored
    object of `kind` and for nothing else (its entries refer to the objects' rows, so an entry
    a removed object left behind finds nothing: only the count shows it)."""
    database = synced.core.store.database
    entries, rows = (database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                     for table in (f"search_{kind.value}", kind.value))
    assert entries == rows
    return synced.core.store.search.find(kind, [tokens(text)], 10_000).ids


def found(session: Session, text: str, kind: Kind, limit: int = 50) -> dict[int, Any]:
    """The hits of `kind` for `text`, by id."""
    return {hit.id: hit for hit in session.search(text, limit_per_kind=limit).get(kind, ())}


def stored(synced: Harness, kind: Kind, where: Any) -> dict[str, Any]:
    """The first stored object of `kind` for which `where(obj)` holds."""
    for object_id in sorted(synced.local_ids(kind)):
        obj = synced.core.store.objects.get(kind, object_id)
        if obj is not None and where(obj):
            return obj
    raise AssertionError(f"no {kind.value} object fits")


def test_synced_objects_are_found_by_number_name_address_and_custom_field(
    synced: Harness, session: Session
) -> None:
    task = stored(synced, Kind.TODO, lambda o: o.get("custom101") and o.get("address"))
    assert task["id"] in found(session, task["number"], Kind.TODO)
    assert task["id"] in found(session, task["number"].split("-")[1], Kind.TODO)
    assert task["id"] in found(session, f"{task['title']} {task['number']}", Kind.TODO)
    street = task["address"].split(" ")[0]
    assert task["id"] in found(session, f"{street} {task['number']}", Kind.TODO)
    hit = found(session, f"{task['custom101']} {task['number']}", Kind.TODO)[task["id"]]
    assert (hit.field, hit.text) == ("custom101", task["custom101"])  # why it was found
    assert task["number"] in hit.title and task["title"] in hit.title

    customer = stored(synced, Kind.CUSTOMER, lambda o: o.get("customernumber"))
    assert customer["id"] in found(session, customer["name"], Kind.CUSTOMER)
    assert customer["id"] in found(session, customer["customernumber"], Kind.CUSTOMER)


def test_phone_email_and_serial_number(synced: Harness, session: Session) -> None:
    person = stored(synced, Kind.PERSON, lambda o: o.get("email") and o.get("phone"))
    digits = "".join(c for c in person["phone"] if c.isdigit())[-8:]
    for typed in (person["phone"], digits[:5], f"{digits[:4]} {digits[4:]}"):
        hit = found(session, typed, Kind.PERSON).get(person["id"])
        assert hit is not None, typed
        assert hit.field == "phone"
    email = person["email"]
    hit = found(session, email[: email.index("@") + 3], Kind.PERSON)[person["id"]]
    assert email in hit.title or hit.field == "email"

    tool = stored(synced, Kind.TOOL, lambda o: o.get("serialnumber"))
    hit = found(session, tool["serialnumber"], Kind.TOOL)[tool["id"]]
    assert tool["serialnumber"] in hit.title
    assert tool["id"] in found(session, tool["barcode"], Kind.TOOL)


def test_danish_letters_fold_both_ways_and_prefixes_find(
    synced: Harness, session: Session
) -> None:
    customer = stored(synced, Kind.CUSTOMER, lambda o: "ø" in o.get("city", "").lower())
    city = customer["city"]
    spelled = city.lower().replace("ø", "oe")
    name = customer["name"]
    for typed in (city, spelled, city.upper(), spelled[: spelled.index("oe") + 2]):
        assert customer["id"] in found(session, f"{name} {typed}", Kind.CUSTOMER), typed
    assert found(session, "Ålb", Kind.CUSTOMER).keys() == found(session, "aalb",
                                                                  Kind.CUSTOMER).keys()
    first = found(session, name[:2], Kind.CUSTOMER, limit=8)
    assert 0 < len(first) <= 8  # two letters: the first few, at once
    assert session.search("", limit_per_kind=8) == {}
    assert session.search("  -*\"( ", limit_per_kind=8) == {}  # no word, no query syntax


def test_results_come_grouped_by_kind_those_matching_by_name_first(
    synced: Harness, session: Session
) -> None:
    results = session.search("a", limit_per_kind=3)
    assert list(results) == [Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL]
    assert all(0 < len(hits) <= 3 and all(h.kind == kind for h in hits)
               for kind, hits in results.items())
    # A customer's name is also in its tasks (their customer), but the customer comes first.
    customer = stored(synced, Kind.CUSTOMER, lambda o: o["id"] in {
        t["customerid"] for t in synced.core.store.objects.find(Kind.TODO)})
    results = session.search(customer["name"], limit_per_kind=8)
    assert next(iter(results)) == Kind.CUSTOMER and Kind.TODO in results
    assert results[Kind.CUSTOMER][0].id == customer["id"]


def test_a_changed_object_is_found_by_its_new_text_and_a_deleted_one_not_at_all(
    synced: Harness, session: Session, server: SandboxServer
) -> None:
    customer = stored(synced, Kind.CUSTOMER, lambda o: o["id"] > 5)
    old = customer["name"]
    admin.change_object(server, "customer", customer["id"], name="Quixotic Ærø Købmand",
                        email="", www="")  # the old address held the old name
    assert synced.sync().ok
    assert customer["id"] in found(session, "quixo aeroe koebm", Kind.CUSTOMER)
    assert customer["id"] not in found(session, old, Kind.CUSTOMER)

    person = stored(synced, Kind.PERSON, lambda o: o["id"] > 5)
    assert person["id"] in found(session, f"{person['firstname']} {person['lastname']}",
                                 Kind.PERSON)
    admin.delete_object(server, "person", person["id"])
    assert synced.sync().ok
    assert person["id"] not in synced.local_ids(Kind.PERSON)
    assert person["id"] not in found(session, f"{person['firstname']} {person['lastname']}",
                                     Kind.PERSON)
    assert person["id"] not in indexed(synced, Kind.PERSON, person["firstname"])


def test_objects_a_replaced_list_no_longer_holds_leave_the_index(synced: Harness) -> None:
    store = synced.core.store
    tool = stored(synced, Kind.TOOL, lambda o: o.get("customerid") and o["id"] > 9)
    assert tool["id"] in indexed(synced, Kind.TOOL, tool["serialnumber"])
    store.write_blocking(store.objects.replace, Kind.TOOL, {"customerid": tool["customerid"]},
                         [])  # the server's list of the customer's equipment is now empty
    assert tool["id"] not in synced.local_ids(Kind.TOOL)
    assert tool["id"] not in indexed(synced, Kind.TOOL, tool["serialnumber"])


def test_a_local_change_is_found_at_once_and_an_undo_brings_the_old_text_back(
    synced: Harness, session: Session
) -> None:
    """The write path of every action (app/sync/actions.Effect): no sync in between."""
    store = synced.core.store
    tool = stored(synced, Kind.TOOL, lambda o: o["id"] > 9 and not o.get("customerid"))

    def rename() -> list[dict[str, Any]]:
        effect = Effect(store)
        effect.patch(Kind.TOOL, tool["id"], {"serialnumber": "ZZQ-4242"})
        return effect.undo

    undo = store.write_blocking(rename)
    assert tool["id"] in found(session, "zzq 4242", Kind.TOOL)
    assert tool["id"] not in found(session, tool["serialnumber"], Kind.TOOL)

    store.write_blocking(lambda: Effect(store).restore(undo[0]))
    assert tool["id"] not in found(session, "zzq", Kind.TOOL)
    assert tool["id"] in found(session, tool["serialnumber"], Kind.TOOL)

    store.write_blocking(lambda: Effect(store).remove(Kind.TOOL, tool["id"]))
    assert tool["id"] not in found(session, tool["serialnumber"], Kind.TOOL)
    assert tool["id"] not in indexed(synced, Kind.TOOL, tool["serialnumber"])


def a_version_7_table(database: SqliteDatabase, kind: Kind) -> None:
    """An object table as versions 1 to 7 made it: kept by object id, an index per indexed
    column."""
    columns = "".join(f', "{column.name}" {column.sql_type} NOT NULL' for column in COLUMNS[kind])
    database.execute_sql(f'DROP TABLE "{kind.value}"')
    database.execute_sql(f'CREATE TABLE "{kind.value}" ("id" INTEGER NOT NULL PRIMARY KEY, '
                         f'"data" TEXT NOT NULL{columns})')
    for column in COLUMNS[kind]:
        if column.index is not None:
            database.execute_sql(f'CREATE INDEX "{kind.value}_{column.name}" '
                                 f'ON "{kind.value}" ("{column.name}")')


def old_rows(database: SqliteDatabase, kind: Kind, objects: list[dict[str, Any]]) -> None:
    """These objects in a table as versions 1 to 7 made it."""
    for obj in objects:
        columns = {column.name: column.extract(obj) for column in COLUMNS[kind]}
        names = ", ".join(["id", "data", *columns])
        database.execute_sql(
            f'INSERT INTO "{kind.value}" ({names}) '
            f"VALUES ({', '.join('?' * (len(columns) + 2))})",
            [obj["id"], orjson.dumps(obj).decode(), *columns.values()])


def a_store_of_version(version: int, folder: Path) -> SqliteDatabase:
    """The schema as `version` (5 to 7) left it, its object tables as those versions made
    them; the caller fills it, sets user_version and closes it."""
    database = SqliteDatabase(str(folder / "fieldclient.sqlite3"))
    tables = make_tables(database)
    for migration in MIGRATIONS[:version]:
        migration(database, tables)
    for kind in Kind:
        if kind in COLUMNS:
            a_version_7_table(database, kind)
    return database


def a_version_5_store(folder: Path, objects: dict[Kind, list[dict[str, Any]]]) -> None:
    """The schema as version 5 left it (no search index), holding these objects."""
    database = a_store_of_version(5, folder)
    for kind, rows in objects.items():
        old_rows(database, kind, rows)
    database.execute_sql("PRAGMA user_version = 5")
    database.close()


def test_a_version_5_store_upgrades_and_finds_its_old_objects(tmp_path: Path) -> None:
    a_version_5_store(tmp_path, {
        Kind.CUSTOMER: [{"id": 7, "name": "Brødrene Ås ApS", "city": "Aalborg",
                         "phone": "+45 98 12 34 56"}],
        Kind.TOOL: [{"id": 3, "title": "Varmepumpe", "serialnumber": "SN-77812-B",
                     "custom301": "Tag over garagen"}],
    })
    store = Store.in_dir(tmp_path)
    try:
        assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        session = Session(store, actions=None, loader=None, controls=None,  # type: ignore[arg-type]
                          changes=None)  # type: ignore[arg-type]
        assert found(session, "broedrene aas", Kind.CUSTOMER).keys() == {7}
        assert found(session, "Ålborg", Kind.CUSTOMER).keys() == {7}
        assert found(session, "98123", Kind.CUSTOMER).keys() == {7}
        assert found(session, "77812", Kind.TOOL).keys() == {3}
        assert found(session, "garag", Kind.TOOL)[3].field == "custom301"
    finally:
        store.close()


def test_a_version_6_store_has_its_index_made_again_and_finds_its_objects(
    tmp_path: Path,
) -> None:
    """Version 6 indexed two- and three-character prefixes too; the upgrade makes the index
    again without them, from the stored objects, and the search finds what it found."""
    a_version_5_store(tmp_path, {
        Kind.CUSTOMER: [{"id": 7, "name": "Brødrene Ås ApS", "city": "Aalborg"}],
        Kind.TOOL: [{"id": 3, "title": "Varmepumpe", "serialnumber": "SN-77812-B"}],
    })
    database = SqliteDatabase(str(tmp_path / "fieldclient.sqlite3"))
    for kind in (Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL):
        database.execute_sql(
            f'CREATE VIRTUAL TABLE "search_{kind.value}" USING fts5(head, body, '
            "detail='column', prefix='1 2 3', tokenize='unicode61 remove_diacritics 2')")
    database.execute_sql("INSERT INTO search_customer (rowid, head, body) "
                         "VALUES (7, 'broedrene aas aps', 'aalborg')")
    database.execute_sql("PRAGMA user_version = 6")
    database.close()
    store = Store.in_dir(tmp_path)
    try:
        assert not store.search.outdated()
        session = Session(store, actions=None, loader=None, controls=None,  # type: ignore[arg-type]
                          changes=None)  # type: ignore[arg-type]
        assert found(session, "Ålb", Kind.CUSTOMER).keys() == {7}
        assert found(session, "b", Kind.CUSTOMER).keys() == {7}
        assert found(session, "77812", Kind.TOOL).keys() == {3}
    finally:
        store.close()


def test_a_version_7_store_keeps_its_objects_and_finds_them_in_the_new_order(
    tmp_path: Path,
) -> None:
    """Version 8 keeps the objects in the order stored (app/db/tables.py) and the index refers
    to that order: a version 7 store's tables are copied, its index made again, and what it
    held is read, listed, found and changed as before."""
    database = a_store_of_version(7, tmp_path)
    customers = [{"id": 7, "name": "Brødrene Ås ApS", "city": "Aalborg"},
                 {"id": 4, "name": "Aalborg Ventilation", "city": "Aalborg"}]
    old_rows(database, Kind.CUSTOMER, customers)
    for obj in customers:
        database.execute_sql("INSERT INTO search_customer (rowid, head, body) VALUES (?, ?, ?)",
                             (obj["id"], " ".join(tokens(obj["name"])), "aalborg"))
    database.execute_sql("PRAGMA user_version = 7")
    database.close()
    store = Store.in_dir(tmp_path)
    try:
        assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        session = Session(store, actions=None, loader=None, controls=None,  # type: ignore[arg-type]
                          changes=None)  # type: ignore[arg-type]
        assert store.objects.get(Kind.CUSTOMER, 7) == customers[0]
        assert [row[0] for row in session.rows(Kind.CUSTOMER, ["name"], order_by="name")] == [4, 7]
        assert found(session, "Ålb", Kind.CUSTOMER).keys() == {4, 7}
        assert found(session, "broedrene", Kind.CUSTOMER).keys() == {7}
        store.write_blocking(store.objects.ingest, Kind.CUSTOMER,
                             [{"id": 7, "isdeleted": 1}, {"id": 12, "name": "Brødrene Hansen"}])
        assert found(session, "brødrene", Kind.CUSTOMER).keys() == {12}
    finally:
        store.close()
