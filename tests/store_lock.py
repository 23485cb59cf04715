"""Another program holding the store's write lock, as a second instance or a backup tool would."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from app.db import Store


@contextlib.contextmanager
def locked(store: Store) -> Iterator[None]:
    """BEGIN EXCLUSIVE from another connection. The store's writer gives up after 50 ms
    instead of its 5 s, to keep the tests fast; reads go on (WAL)."""
    store.write_blocking(store.database.execute_sql, "PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
