"""The Store: one SQLite file, WAL mode, one writer thread, reads from any thread.

Every write goes through `Store.write(fn, …)`: `fn` runs on the single writer thread inside one
transaction, so a page of objects and its resumekey (or a user's change and its outbox row) are
committed together or not at all. Reads use the calling thread's own connection (peewee keeps
one per thread) and, thanks to WAL, never wait for a write.

Opening for writing holds the data folder (app/db/folder.py): a second process is refused
before it can touch the outbox. A read-only store (`Store.reader`) holds nothing, so `status`
works while the app runs. Whatever stops the store from opening arrives as a `StoreUnavailable`
with the reason in words, and a damaged file is found at open by `PRAGMA quick_check`
(`StoreDamaged`). A write that fails later raises SQLite's own error: the loops that write
explain it in words where they report it (app/sync/failures.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from peewee import SqliteDatabase

from app.core.window_turn import WindowTurn
from app.db.cursors import CursorRepo
from app.db.folder import (
    DATABASE_FILE,
    FolderLock,
    FolderMissing,
    damaged,
    require_folder,
    unavailable_as_words,
)
from app.db.migrations import migrate
from app.db.objects import ObjectRepo
from app.db.search import SearchIndex
from app.db.settings import SettingRepo
from app.db.tables import make_tables

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

# The write-ahead log is checkpointed once it holds a quarter of the store (4 MB at least) and cut
# back to that size afterwards: neither a large sync nor a long session leaves a log that fills a
# small disk (a 1.5 MB store once grew a 12.5 MB log). Checkpointing every 4 MB regardless of the
# store's size made a 100k-object first sync 1.85 times slower (see bench/README.md).
_LOG_SHARE = 4
_LOG_MIN_BYTES = 4 * 1024 * 1024
_READ_PRAGMAS: dict[str, object] = {
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -64_000,
}
_PRAGMAS: dict[str, object] = {
    **_READ_PRAGMAS,
    "journal_mode": "wal",
    # FULL: a commit is on the disk before it returns, so a power cut cannot take back an
    # action the technician saw saved (NORMAL may lose the last commits; see bench/README.md).
    "synchronous": "full",
}


class Store:
    """`turn`: the window's (app/core/window_turn.py), which each write waits for before it
    begins, so that a sync's page is not written while the window repaints its lists."""

    def __init__(
        self, path: Path, *, read_only: bool = False, turn: WindowTurn | None = None
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._turn = turn
        self._lock = None if read_only else FolderLock(path.parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._log_limit = 0  # bytes; set on the writer thread
        try:
            self._open()
        except BaseException:
            self._writer.shutdown(wait=True)
            if self._lock is not None:
                self._lock.release()
            raise
        self.search = SearchIndex(self.database)
        self.objects = ObjectRepo(self.database, self.tables, self.search)
        self.cursors = CursorRepo(self.database, self.tables)
        self.settings = SettingRepo(self.database, self.tables)

    @classmethod
    def in_dir(cls, data_dir: Path, *, turn: WindowTurn | None = None) -> Store:
        return cls(data_dir / DATABASE_FILE, turn=turn)

    @classmethod
    def reader(cls, data_dir: Path) -> Store:
        """The store of `data_dir` for reading only: never creates it, holds no lock."""
        require_folder(data_dir)
        path = data_dir / DATABASE_FILE
        if not path.is_file():
            raise FolderMissing(f"There is no local data in {data_dir} yet.")
        return cls(path, read_only=True)

    def _open(self) -> None:
        if self._lock is not None:
            self._lock.acquire()
        if self.read_only:
            name, pragmas = self.path.resolve().as_uri() + "?mode=ro", _READ_PRAGMAS
        else:
            name, pragmas = str(self.path), _PRAGMAS
        with unavailable_as_words(self.path.parent):
            self.database = SqliteDatabase(name, pragmas=pragmas, thread_safe=True,
                                           uri=self.read_only)
            self.tables = make_tables(self.database)
            self._writer.submit(self._open_on_writer).result()

    def _open_on_writer(self) -> None:
        self.database.connect(reuse_if_open=True)
        try:
            problems = [row[0] for row in self.database.execute_sql("PRAGMA quick_check")]
            if problems != ["ok"]:
                log.error("The store %s failed its check: %s", self.path, problems[:5])
                raise damaged(self.path.parent)
            if not self.read_only:
                migrate(self.database, self.tables)
                self._bound_log()
        except BaseException:
            self.database.close()
            raise

    async def write(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `fn` on the writer thread in one transaction; its result comes back."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, self._transaction, fn, args, kwargs)

    def write_blocking(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The same, for code with no event loop (command-line tools)."""
        return self._writer.submit(self._transaction, fn, args, kwargs).result()

    def write_soon(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """The same without waiting, for a small write nobody awaits (a list's remembered
        sort): queued behind the writes before it, so closing the store still makes it; a
        failure is logged."""
        future = self._writer.submit(self._transaction, fn, args, kwargs)
        future.add_done_callback(_log_failure)
        return future

    def _transaction(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
        if self._turn is not None:
            self._turn.wait()
        with self.database.atomic():
            result = fn(*args, **kwargs)
        self._bound_log()
        return result

    def _bound_log(self) -> None:
        """Follow the store's size with the log's checkpoint threshold and size limit."""
        pages, page_size = (self.database.execute_sql(f"PRAGMA {name}").fetchone()[0]
                            for name in ("page_count", "page_size"))
        limit = max(_LOG_MIN_BYTES, pages * page_size // _LOG_SHARE)
        if limit != self._log_limit:
            self.database.execute_sql(f"PRAGMA wal_autocheckpoint = {limit // page_size}")
            self.database.execute_sql(f"PRAGMA journal_size_limit = {limit}")
            self._log_limit = limit

    def close(self) -> None:
        """Close the writer's connection on its own thread, then this thread's; let go of the
        folder last, when nothing of this store can write any more."""
        try:
            self._writer.submit(self.database.close).result()
        finally:
            self._writer.shutdown(wait=True)
            if not self.database.is_closed():
                self.database.close()
            if self._lock is not None:
                self._lock.release()


def _log_failure(future: Future[Any]) -> None:
    error = None if future.cancelled() else future.exception()
    if error is not None:
        log.error("A background write to the store failed", exc_info=error)
