"""The start's first look at the task list (app/sync/first_look.py) reads the store's file
before the store is opened: whatever stops it — no store yet, a damaged file, a store of an
older layout, a read slower than its budget — means no first rows, never an error; the store's
opening says what is wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from app.core.kinds import Kind
from app.sync import first_look
from app.sync.first_look import first_rows
from app.sync.keys import list_choice_key
from app.sync.listing import ListChoice

COLUMNS = ["number", "title", "enddate"]


def _look(store: Path) -> first_look.FirstRows | None:
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


def _store_kept_on(tmp_path: Path, kept: str | None) -> Path:
    """A store of three tasks whose task list was left as `kept` says (JSON text)."""
    store = tmp_path / "fieldclient.sqlite3"
    with sqlite3.connect(store) as made:
        made.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)")
        made.execute("CREATE TABLE todo (seq INTEGER PRIMARY KEY, id INTEGER UNIQUE, "
                     "number TEXT, title TEXT, enddate TEXT, statetext TEXT)")
        made.execute("CREATE INDEX todo_enddate ON todo (enddate, id)")
        made.executemany("INSERT INTO todo (id, number, title, enddate, statetext) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [(1, "T-1", "Alarm", "2026-12-03", "Planlagt"),
                          (2, "T-2", "Blæser", "2026-12-01", "Lukket"),
                          (3, "T-3", "Cirkulation", "2026-12-02", "Planlagt")])
        if kept is not None:
            made.execute("INSERT INTO setting VALUES (?, ?)", (list_choice_key("todo"), kept))
    return store


def _ids(looked: first_look.FirstRows | None) -> list[int] | None:
    return None if looked is None else [row[0] for row in looked.rows]


def test_the_first_rows_are_those_of_the_sort_and_filter_the_list_was_left_with(
    tmp_path: Path,
) -> None:
    kept = orjson.dumps(ListChoice("enddate", descending=True, filter="state",
                                   state="Planlagt").as_json()).decode()
    assert _ids(_look(_store_kept_on(tmp_path, kept))) == [1, 3]


@pytest.mark.parametrize(
    "kept", [None, "[1, 2]", '"enddate"', '{"sort": "nope", "descending": 1}', "{}"])
def test_a_list_left_with_no_choice_it_still_offers_looks_as_by_default(
    tmp_path: Path, kept: str | None
) -> None:
    assert _ids(_look(_store_kept_on(tmp_path, kept))) == [2, 3, 1]  # by deadline, ascending


def test_a_garbled_kept_choice_means_no_first_rows(tmp_path: Path) -> None:
    assert _look(_store_kept_on(tmp_path, '{"sort": "title", ')) is None


def test_a_look_slower_than_its_budget_gives_way_to_the_first_paint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list kept on a state no task is in: the look walks the whole deadline index."""
    store = tmp_path / "fieldclient.sqlite3"
    with sqlite3.connect(store) as made:
        made.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)")
        made.execute("CREATE TABLE todo (seq INTEGER PRIMARY KEY, id INTEGER UNIQUE, "
                     "number TEXT, title TEXT, enddate TEXT, statetext TEXT)")
        made.execute("CREATE INDEX todo_enddate ON todo (enddate, id)")
        made.executemany("INSERT INTO todo (id, number, title, enddate, statetext) "
                         "VALUES (?, ?, ?, ?, 'Planlagt')",
                         [(n, f"T-{n}", "Eftersyn", f"2026-12-{n % 28 + 1:02}")
                          for n in range(1, 20001)])
        made.execute("INSERT INTO setting VALUES (?, ?)", (list_choice_key("todo"), orjson.dumps(
            ListChoice("enddate", filter="state", state="Lukket").as_json()).decode()))
    looked = _look(store)
    assert looked is not None and looked.rows == []  # within the budget: no such task
    monkeypatch.setattr(first_look, "BUDGET_S", 0.0)
    assert _look(store) is None
