"""Synced objects: ingest pages from the server, read rows for the views.

Every write here also writes the search index (app/db/search.py) on the same connection, so
the index changes in the transaction that changes the objects.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from peewee import Database

from app.core.changes import KindChanges
from app.core.kinds import Kind
from app.core.values import as_bool, as_id
from app.db.columns import COLUMNS
from app.db.search import SearchIndex
from app.db.tables import Tables

log = logging.getLogger(__name__)

_CHUNK = 900  # stays below SQLite's bound-variable limit on old builds


@dataclass(frozen=True, slots=True)
class Ingested:
    changes: KindChanges
    received: int
    skipped: int


class ObjectRepo:
    def __init__(self, database: Database, tables: Tables, search: SearchIndex) -> None:
        self._db = database
        self._tables = tables
        self._search = search
        self._upsert_sql = {kind: _upsert_sql(kind) for kind in COLUMNS}

    # -- writes (writer thread, inside a transaction) --------------------------------------

    def ingest(self, kind: Kind, objects: Sequence[Any]) -> Ingested:
        """Upsert live objects and drop those the server marks `isdeleted`.

        Malformed objects (not a set, no valid Microbizz ID: see `as_id`, so `true` or 1e30
        never stands for another object) are skipped and logged once per call: one bad object
        must not stop the sync of thousands of good ones.
        """
        extracts = [column.extract for column in COLUMNS[kind]]
        rows: list[tuple[Any, ...]] = []
        kept: list[tuple[int, Any]] = []
        deleted: list[int] = []
        skipped: list[str] = []
        for obj in objects:
            object_id = as_id(obj.get("id")) if isinstance(obj, dict) else 0
            if not object_id:
                skipped.append(repr(obj)[:80])
                continue
            if as_bool(obj.get("isdeleted")):
                deleted.append(object_id)
                continue
            rows.append(
                (object_id, *[extract(obj) for extract in extracts],
                 orjson.dumps(obj).decode())
            )
            kept.append((object_id, obj))
        if skipped:
            log.warning(
                "Skipped %d malformed %s object(s) without a usable id, e.g. %s",
                len(skipped), kind.value, skipped[0],
            )
        ids = [row[0] for row in rows]
        existing = self._existing(kind, [*ids, *deleted])
        connection = self._db.connection()
        if rows:
            connection.executemany(self._upsert_sql[kind], rows)
            self._search.put(kind, kept, indexed=existing)
        removed = [object_id for object_id in deleted if object_id in existing]
        self._search.remove(kind, removed)
        for chunk in _chunks(removed):
            marks = ",".join("?" * len(chunk))
            connection.execute(f'DELETE FROM "{kind.value}" WHERE id IN ({marks})', chunk)
        changes = KindChanges(
            added=frozenset(i for i in ids if i not in existing),
            changed=frozenset(i for i in ids if i in existing),
            removed=frozenset(removed),
        )
        return Ingested(changes, received=len(objects), skipped=len(skipped))

    def replace(self, kind: Kind, scope: Mapping[str, Any], objects: Sequence[Any]) -> Ingested:
        """The server's whole list for `scope` (e.g. {"todoid": 7}): rows in the scope that the
        list no longer holds are removed, the rest ingested. An empty scope is the whole table.
        """
        ingested = self.ingest(kind, objects)
        keep = {as_id(obj.get("id")) for obj in objects if isinstance(obj, dict)}
        model = self._tables.objects[kind]
        query = model.select(model.id)
        for column, value in scope.items():
            query = query.where(getattr(model, column) == value)
        stale = [row[0] for row in query.tuples() if row[0] not in keep]
        self._search.remove(kind, stale)
        for chunk in _chunks(stale):
            model.delete().where(model.id.in_(chunk)).execute()
        if not stale:
            return ingested
        changes = ingested.changes.merged(KindChanges(removed=frozenset(stale)))
        return Ingested(changes, ingested.received, ingested.skipped)

    def index_lookups(self) -> int:
        """Make the indexes main pages look up related objects by where they are missing (a
        store a first sync is filling), and say how many were made.

        Why later than the tables: a first sync's pages spread their values over every index,
        and each of these indexes made the writer slower per object the larger the store was
        (app/db/columns.py, `ColumnIndex`). Made at once from the rows, each is written in order,
        once: 0.1 s for all of them at 100k objects, 0.7 s at 500k.
        """
        count = "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
        before = self._db.execute_sql(count).fetchone()[0]
        for index in self._tables.lookups:
            self._db.execute(index)  # CREATE INDEX IF NOT EXISTS
        made: int = self._db.execute_sql(count).fetchone()[0] - before
        if made:
            log.info("Indexed what main pages look up by: %d indexes", made)
        return made

    def _existing(self, kind: Kind, ids: Sequence[int]) -> set[int]:
        """The ids among `ids` that are stored, in one statement whatever their number: the
        ids go in as one JSON array, so the statement is prepared once and SQLite looks them
        all up in one step (a sync asks this for every page)."""
        if not ids:
            return set()
        cursor = self._db.connection().execute(
            f'SELECT id FROM "{kind.value}" WHERE id IN (SELECT value FROM json_each(?))',
            (orjson.dumps(ids).decode(),),
        )
        return {row[0] for row in cursor}

    # -- reads (any thread) -----------------------------------------------------------------

    def count(self, kind: Kind) -> int:
        return self._tables.objects[kind].select().count()

    def counts(self) -> dict[Kind, int]:
        return {kind: self.count(kind) for kind in COLUMNS}

    def get(self, kind: Kind, object_id: int) -> dict[str, Any] | None:
        model = self._tables.objects[kind]
        row = model.select(model.data).where(model.id == object_id).tuples().first()
        return orjson.loads(row[0]) if row else None

    def find(self, kind: Kind, **equals: Any) -> list[dict[str, Any]]:
        """Objects whose indexed columns equal the given values, e.g. find(TOOL, customerid=4)."""
        model = self._tables.objects[kind]
        query = model.select(model.data)
        for column, value in equals.items():
            query = query.where(getattr(model, column) == value)
        return [orjson.loads(row[0]) for row in query.tuples()]

    def ids(self, kind: Kind) -> set[int]:
        model = self._tables.objects[kind]
        return {row[0] for row in model.select(model.id).tuples()}


def _upsert_sql(kind: Kind) -> str:
    names = ["id", *(column.name for column in COLUMNS[kind]), "data"]
    quoted = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" * len(names))
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in names[1:])
    return (
        f'INSERT INTO "{kind.value}" ({quoted}) VALUES ({marks}) '
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
