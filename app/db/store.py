"""The Store: one SQLite file, WAL mode, one writer thread, reads from any thread.

Every write goes through `Store.write(fn, …)`: `fn` runs on the single writer thread inside one
transaction, so a page of objects and its resumekey (or a user's change and its outbox row) are
committed together or not at all. Reads use the calling thread's own connection (peewee keeps
one per thread) and, thanks to WAL, never wait for a write.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

from peewee import SqliteDatabase

from app.db.cursors import CursorRepo
from app.db.migrations import migrate
from app.db.objects import ObjectRepo
from app.db.settings import SettingRepo
from app.db.tables import make_tables

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DATABASE_FILE = "fieldclient.sqlite3"
_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",  # durable across app crashes; WAL keeps it consistent
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -64_000,
    "wal_autocheckpoint": 20_000,
}


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.database = SqliteDatabase(str(path), pragmas=_PRAGMAS, thread_safe=True)
        self.tables = make_tables(self.database)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._writer.submit(self._open_on_writer).result()
        self.objects = ObjectRepo(self.database, self.tables)
        self.cursors = CursorRepo(self.database, self.tables)
        self.settings = SettingRepo(self.database, self.tables)

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DATABASE_FILE)

    def _open_on_writer(self) -> None:
        self.database.connect(reuse_if_open=True)
        migrate(self.database, self.tables)


    async def write(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `fn` on the writer thread in one transaction; its result comes back."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, self._transaction, fn, args, kwargs)

    def write_blocking(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The same, for code with no event loop (command-line tools)."""
        return self._writer.submit(self._transaction, fn, args, kwargs).result()

    def _transaction(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
        with self.database.atomic():
            return fn(*args, **kwargs)

    def close(self) -> None:
        """Close the writer's connection on its own thread, then this thread's."""
        try:
            self._writer.submit(self.database.close).result()
        finally:
            self._writer.shutdown(wait=True)
            if not self.database.is_closed():
                self.database.close()
