"""Rebuilding a damaged store without losing one of the technician's unsent actions.

The order matters: each step leaves the folder usable, and every action recoverable, if the next
one fails or the process dies.

1. Read every outbox row SQLite can still read from the damaged file, read-only (its write-ahead
   log included: the newest actions are often only there).
2. Write them to `outbox-rescued-<time>.json` beside the store and flush it to the disk.
3. Move the damaged file and its log aside as `fieldclient-damaged-<time>.sqlite3`: never
   deleted, support may still read more from it.
4. Open a fresh store and import the rows as they were (ids, request ids, states, answers), in
   one transaction.

The rest is downloaded again by the next sync (a fresh store starts with the initial
configuration). The imported entries are sent as after any restart; one that was being sent is
settled by reading back, so nothing is sent twice. All outbox rows are kept, sent ones too: a
check-out still waiting needs its check-in's answer.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from app.db.folder import FolderLock
from app.db.outbox import UNFINISHED
from app.db.store import DATABASE_FILE, Store

log = logging.getLogger(__name__)

OUTBOX_TABLE = "outbox"


@dataclass(frozen=True, slots=True)
class Recovered:
    kept: int
    unsent: int
    complete: bool  # False: part of the outbox could not be read from the damaged file
    damaged_file: Path
    rescued_file: Path

    @property
    def message(self) -> str:
        noun = "change" if self.unsent == 1 else "changes"
        kept = f"The local data was rebuilt: {self.unsent} unsent {noun} kept"
        if not self.complete:
            return (f"{kept}, but part of the list of changes could not be read: the damaged "
                    f"file is kept as {self.damaged_file} for support.")
        return f"{kept}; the damaged file is kept as {self.damaged_file}."


def recover(data_dir: Path) -> Recovered:
    """Rescue the outbox of the damaged store in `data_dir` and start a fresh store with it."""
    with FolderLock(data_dir):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = data_dir / DATABASE_FILE
        rows, complete = _read_outbox(path)
        rescued = data_dir / f"outbox-rescued-{stamp}.json"
        _write_durably(rescued, orjson.dumps(rows, option=orjson.OPT_INDENT_2))
        aside = data_dir / f"fieldclient-damaged-{stamp}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").rename(f"{aside}{suffix}")
        store = Store(path)
        try:
            store.write_blocking(_import, store, rows)
        finally:
            store.close()
    unsent = sum(1 for row in rows if row.get("state") in UNFINISHED)
    log.info("Rebuilt the damaged store in %s: %d outbox rows kept (%d unsent), "
                "complete=%s; the damaged file is %s", data_dir, len(rows), unsent, complete,
                aside)
    return Recovered(len(rows), unsent, complete, aside, rescued)


def _read_outbox(path: Path) -> tuple[list[dict[str, Any]], bool]:
    """Every readable row, oldest first, and whether nothing was left unread.

    A scan stops at the first damaged page; then each id up to the largest is looked up on its
    own, so rows on the pages that are still whole are found too.
    """
    rows: dict[int, dict[str, Any]] = {}
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return [], False
    connection.row_factory = sqlite3.Row
    try:
        complete = _scan(connection, rows)
        if not complete:
            complete = _probe(connection, rows)
    finally:
        connection.close()
    return [rows[key] for key in sorted(rows)], complete


def _scan(connection: sqlite3.Connection, rows: dict[int, dict[str, Any]]) -> bool:
    try:
        for row in connection.execute(f"SELECT * FROM {OUTBOX_TABLE} ORDER BY id"):
            rows[row["id"]] = dict(row)
    except sqlite3.OperationalError as error:
        return "no such table" in str(error)  # a store from before the outbox: nothing to keep
    except sqlite3.DatabaseError:
        return False
    return True


def _probe(connection: sqlite3.Connection, rows: dict[int, dict[str, Any]]) -> bool:
    try:
        largest = connection.execute(f"SELECT max(id) FROM {OUTBOX_TABLE}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        return False
    complete = True
    for entry_id in range(1, largest + 1):
        if entry_id in rows:
            continue
        try:
            row = connection.execute(
                f"SELECT * FROM {OUTBOX_TABLE} WHERE id = ?", (entry_id,)).fetchone()
        except sqlite3.DatabaseError:
            complete = False
            continue
        if row is not None:
            rows[entry_id] = dict(row)
    return complete


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def _import(store: Store, rows: list[dict[str, Any]]) -> None:
    """The rows, column by column where the fresh table has the column (its schema may be
    newer than the damaged file's)."""
    columns = {column.name for column in store.database.get_columns(OUTBOX_TABLE)}
    for row in rows:
        names = [name for name in row if name in columns]
        store.database.execute_sql(
            f"INSERT OR IGNORE INTO {OUTBOX_TABLE} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})",
            [row[name] for name in names],
        )
