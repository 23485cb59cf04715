"""A list's first rows, read from the store's file before the app's core is loaded, so that a
start paints its window with them (bench/cold_start.py).

Opening the store (peewee, its checks and upgrades), reading the keyring and loading the sync
modules take about half a second; the standard library's sqlite3 reads a list's first rows in
a few milliseconds. They are asked for with the list's own query (`listing.page`) and the
choice the technician left the list with, so they are the rows the list holds once its
session comes and takes over.

Only what can be read exactly without the core is looked at. A list left on a filter that is
measured against something else than the rows (who the technician is, their teams, their
calendar, where they are, today's date on the server's clock) shows its rows when the session
comes, as before. Nor is a look that would hold the first paint back: a list sorted by a column
without an index (a pass over the whole table and a sort: 60 ms at 100,000 tasks), or one whose
filter keeps so few rows that finding them takes longer than BUDGET_S. Nothing is written (a
read-only connection), and whatever stops the read (no store yet, one of another version, a
damaged or busy file) only means no first rows: the store's opening, a moment later, says what
is wrong.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core.kinds import Kind
from app.db.columns import indexed_columns
from app.sync import listing
from app.sync.keys import list_choice_key
from app.sync.listing import ListChoice

# The filters whose rows depend on nothing but the rows themselves (and the choice).
WITHOUT_CONTEXT = frozenset({"all", "state"})
BUDGET_S = 0.02  # longer than this, and the first paint goes without rows
_NO_CONTEXT = listing.Context(user_id=0, teams=frozenset(), today=date.min)
_JSON_TRUTH = {"true": True, "false": False}  # json_each's atom for these is 1 and 0


@dataclass(frozen=True, slots=True)
class FirstRows:
    """The first rows of a list, (id, *columns)."""

    kind: Kind
    rows: list[tuple[Any, ...]]


def first_rows(
    store_file: Path, kind: Kind, columns: Sequence[str], default: ListChoice, limit: int
) -> FirstRows | None:
    """Up to `limit` first rows of `kind`'s list as the technician left it; None where they
    cannot be read exactly without the core, or not at once (see the module's docstring)."""
    if not store_file.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{store_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        choice = ListChoice.from_json(_kept_choice(connection, kind), default, kind, columns)
        if choice.filter not in WITHOUT_CONTEXT or choice.sort not in indexed_columns(kind):
            return None
        where = listing.condition(kind, choice, _NO_CONTEXT)
        sql, params = listing.page(kind, columns, choice.sort, choice.descending, where)
        deadline = time.perf_counter() + BUDGET_S
        # a nonzero answer interrupts the query (sqlite3.OperationalError, below)
        connection.set_progress_handler(lambda: time.perf_counter() > deadline, 1000)
        rows = connection.execute(f"{sql} LIMIT ?", (*params, limit)).fetchall()
    except sqlite3.Error:  # malformed JSON too
        return None
    finally:
        connection.close()
    return FirstRows(kind, rows)


def _kept_choice(connection: sqlite3.Connection, kind: Kind) -> dict[str, Any] | None:
    """The top-level members of the choice kept for `kind`'s list, decoded by SQLite's own
    JSON functions: a JSON library would cost the first paint its imports (orjson brings uuid
    and json with it, 4-6 ms). None where nothing is kept, or what is kept is no object."""
    members = connection.execute(
        "SELECT key, type, atom FROM json_each((SELECT value FROM setting WHERE key = ?))",
        (list_choice_key(kind.value),)).fetchall()
    return {key: _JSON_TRUTH.get(type_, atom) for key, type_, atom in members
            if isinstance(key, str)} or None  # an array's keys are numbers, a scalar's NULL
