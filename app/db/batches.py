"""Rows written many to one statement (`INSERT … VALUES (…), (…), …`).

A sync writes each page's rows on the writer thread while the decoder and the event loop run.
`executemany` lets go of the interpreter for every row and waits to get it back, up to the
switch interval each time, 500 times a page; rows passed as one JSON array cost SQLite a JSON
parse per value read. One statement of many rows does neither.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any


def execute_rows(connection: sqlite3.Connection, head: str, rows: Sequence[Sequence[Any]],
                 tail: str = "") -> None:
    """Run `head VALUES (…), (…) tail` for `rows` (all of one width), as many rows to a
    statement as SQLite binds values for."""
    if not rows:
        return
    width = len(rows[0])
    per_statement = max(1, connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        connection.execute(_statement(head, tail, width, len(chunk)),
                           [value for row in chunk for value in row])


@lru_cache(maxsize=128)
def _statement(head: str, tail: str, width: int, count: int) -> str:
    marks = "(" + ", ".join("?" * width) + ")"
    return f"{head} VALUES {', '.join([marks] * count)} {tail}"
