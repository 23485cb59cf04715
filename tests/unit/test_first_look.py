"""The start's first look at the task list (app/sync/first_look.py) reads the store's file
before the store is opened: whatever stops it — no store yet, a damaged file, a store of an
older layout — means no first rows, never an error; the store's opening says what is wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.kinds import Kind
from app.sync.first_look import first_rows
from app.sync.listing import ListChoice

COLUMNS = ["number", "title", "enddate"]


def _look(store: Path) -> object:
    return first_rows(store, Kind.TODO, COLUMNS, ListChoice("enddate"), 10)


def test_no_store_yet_means_no_first_rows(tmp_path: Path) -> None:
    assert _look(tmp_path / "fieldclient.sqlite3") is None


def test_a_damaged_store_means_no_first_rows_and_is_left_as_it_is(tmp_path: Path) -> None:
    store = tmp_path / "fieldclient.sqlite3"
    store.write_bytes(b"not a database, " * 512)
    assert _look(store) is None
    assert store.read_bytes() == b"not a database, " * 512
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fieldclient.sqlite3"]


def test_a_store_without_the_lists_tables_means_no_first_rows(tmp_path: Path) -> None:
    store = tmp_path / "fieldclient.sqlite3"
    with sqlite3.connect(store) as older:
        older.execute("CREATE TABLE todo (id INTEGER PRIMARY KEY, data TEXT)")
    assert _look(store) is None
