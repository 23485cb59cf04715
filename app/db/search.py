"""The full-text index behind the search field: one SQLite FTS5 table per searched kind.

Each table's rowid is the object row's `seq` (the order it was first stored, app/db/tables.py),
not its id, and it holds the object's folded `head` and `body` text (app/core/searchable.py):
keyed by id, a first sync wrote each page's entries into places all over the index's own
tables, as it did the objects' rows. Results come most recently stored first. ObjectRepo
writes it in the same statement batch as the object rows, so whatever transaction stores an
object (a sync page, an action's local change, an undo) indexes it too, and a removed object
leaves the index before its row does: the index never shows a result the lists do not hold.

A prefix index for one character keeps the shortest query ("a", "1"), typed at the start of
every search, from merging thousands of terms; two and three characters find few enough terms
without one, and their prefix indexes cost a first sync of 100k objects a third of the
index's writing for 1 to 3 ms at the 95th percentile of keystrokes, far under the 20 ms target
(bench/README.md).
`detail=column` keeps the index small, since the search needs no phrases, only words in
columns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from peewee import Database

from app.core.kinds import Kind
from app.core.searchable import SEARCHED_KINDS, documents

_BATCH = 2000  # rows read at a time while an older store's index is built
_DEFINITION = ("fts5(head, body, detail='column', prefix='1', "
               "tokenize='unicode61 remove_diacritics 2')")


@dataclass(frozen=True, slots=True)
class Found:
    """The ids found, best first; the first `in_head` of them matched in their head."""

    ids: list[int]
    in_head: int


def _table(kind: Kind) -> str:
    return f"search_{kind.value}"


class SearchIndex:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- schema (migration) -----------------------------------------------------------------

    def create(self) -> None:
        for kind in SEARCHED_KINDS:
            self._db.execute_sql(f'CREATE VIRTUAL TABLE IF NOT EXISTS "{_table(kind)}" '
                                 f"USING {_DEFINITION}")

    def outdated(self) -> bool:
        """Whether a table of the index was made with other options than today's."""
        made = self._db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE name IN "
            f"({', '.join('?' * len(SEARCHED_KINDS))})",
            [_table(kind) for kind in SEARCHED_KINDS],
        ).fetchall()
        return any(not row[0].endswith(f" USING {_DEFINITION}") for row in made)

    def drop(self) -> None:
        for kind in SEARCHED_KINDS:
            self._db.execute_sql(f'DROP TABLE IF EXISTS "{_table(kind)}"')

    def rebuild(self) -> int:
        """Index every stored object from its JSON (a store from before the index); the
        number indexed."""
        indexed = 0
        for kind in SEARCHED_KINDS:
            self._db.execute_sql(f'DELETE FROM "{_table(kind)}"')
            last = 0
            while True:
                rows = self._db.execute_sql(
                    f'SELECT id, data FROM "{kind.value}" WHERE id > ? ORDER BY id LIMIT ?',
                    (last, _BATCH),
                ).fetchall()
                if not rows:
                    break
                self.put(kind, [(row[0], orjson.loads(row[1])) for row in rows])
                indexed += len(rows)
                last = rows[-1][0]
            # one segment per table, as if indexed at once: the first searches are the fastest
            self._db.execute_sql(f'INSERT INTO "{_table(kind)}" ("{_table(kind)}") VALUES (?)',
                                 ("optimize",))
        return indexed

    # -- writes (writer thread, in the transaction that writes the objects) -------------------

    def put(self, kind: Kind, objects: Iterable[tuple[int, Any]],
            indexed: Collection[int] = ()) -> None:
        """Index (id, object) pairs; `indexed` are the ids among them the index already holds
        (the objects already stored), whose entries are replaced first. A plain insert costs
        half of an INSERT OR REPLACE, which matters in a first sync; should the index hold an
        entry the store did not know of (a row deleted by hand), the batch is replaced."""
        if kind not in SEARCHED_KINDS:
            return
        latest = dict(objects)  # a page may hold an object twice: its last copy counts
        self.remove(kind, [object_id for object_id in latest if object_id in indexed])
        rows = [(object_id, *documents(kind, obj)) for object_id, obj in latest.items()]
        if not rows:
            return
        # One statement for the whole batch, its rows as one JSON array: SQLite indexes them
        # in one step, where a statement per row let go of the writer thread's turn at the
        # interpreter 500 times a page, and each time it waited for the others to give it back.
        # Each object's row (stored just before) gives its seq.
        sql = (f'INSERT INTO "{_table(kind)}" (rowid, head, body) '
               "SELECT o.seq, json_extract(value, '$[1]'), json_extract(value, '$[2]') "
               f'FROM json_each(?) CROSS JOIN "{kind.value}" o '
               "ON o.id = json_extract(value, '$[0]')")
        batch = (orjson.dumps(rows).decode(),)
        connection = self._db.connection()
        try:
            connection.execute(sql, batch)
        except sqlite3.IntegrityError:
            connection.execute(sql.replace("INSERT", "INSERT OR REPLACE", 1), batch)

    def remove(self, kind: Kind, ids: Sequence[int]) -> None:
        """Take these objects out of the index: before their rows are deleted, which hold
        their seq."""
        if kind not in SEARCHED_KINDS or not ids:
            return
        self._db.connection().execute(
            f'DELETE FROM "{_table(kind)}" WHERE rowid IN (SELECT seq FROM "{kind.value}" '
            "WHERE id IN (SELECT value FROM json_each(?)))",
            (orjson.dumps(list(ids)).decode(),),
        )

    # -- reads (any thread) -----------------------------------------------------------------

    def find(self, kind: Kind, queries: Sequence[Sequence[str]], limit: int) -> Found:
        """Up to `limit` objects of `kind` that have, for one of the `queries`, a word
        beginning with each of its (folded) words: those whose head has them first, the most
        recently stored first within each."""
        queries = [words for words in queries if words]
        if not queries or limit <= 0:
            return Found([], 0)
        ids = self._match(kind, _expression(queries, "{head}: "), limit)
        in_head = len(ids)
        if in_head < limit:
            seen = set(ids)
            ids += [i for i in self._match(kind, _expression(queries, ""), limit + in_head)
                    if i not in seen][: limit - in_head]
        return Found(ids, in_head)

    def _match(self, kind: Kind, expression: str, limit: int) -> list[int]:
        cursor = self._db.execute_sql(
            f'SELECT o.id FROM "{_table(kind)}" s CROSS JOIN "{kind.value}" o '
            f'ON o.seq = s.rowid WHERE "{_table(kind)}" MATCH ? ORDER BY s.rowid DESC LIMIT ?',
            (expression, limit),
        )
        return [row[0] for row in cursor.fetchall()]


def _expression(queries: Sequence[Sequence[str]], column: str) -> str:
    """FTS5 query text: any of the queries, each with all its words as prefixes (the words
    are letters and digits only, see app.core.searchable.tokens, so quoting is safe)."""
    return " OR ".join(
        "(" + " AND ".join(f'{column}"{word}"*' for word in words) + ")" for words in queries
    )
