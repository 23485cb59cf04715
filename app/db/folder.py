"""The data folder: one process writes it at a time, and what stops it opening is said in words.

Why a lock: two processes on one folder would each run an outbox sender, and the second one's
start-up takes the first one's send in flight for an interrupted one and sends it again. The
lock is an OS file lock (`flock` on POSIX, `LockFileEx` on Windows, through `filelock`) on
`fieldclient.lock`: the OS drops it when the process ends however it ends, so an app that was
killed never leaves a stale lock behind.

A lock belongs to the process: the command that starts may take it before anything writes to
the folder, and the store it then opens takes the same lock again (filelock's per-path instance,
counted), so neither needs to hand the other its lock.

Why the error family: SQLite and the OS report a full disk, a read-only folder or a damaged
file in their own words, from wherever the store happens to be touched. `StoreUnavailable`
carries one sentence a technician understands; the command line prints it and the app shows
it in a dialog, so both say the same.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import FieldClientError

if TYPE_CHECKING:
    from filelock import FileLock

DATABASE_FILE = "fieldclient.sqlite3"  # the store, in the data folder

LOCK_FILE = "fieldclient.lock"
_ROOM_TO_WORK = 1024 * 1024  # less free space than this, and an I/O error means a full disk


class StoreUnavailable(FieldClientError):
    """The local data cannot be opened or written; the message says why, in words."""


class FolderInUse(StoreUnavailable):
    """Another Field Client (the app, or a `fieldclient sync`) has this data folder open."""


class FolderMissing(StoreUnavailable):
    """The data folder, or the store in it, does not exist."""


class StoreDamaged(StoreUnavailable):
    """The store file is damaged or is not a database; `app.db.recovery` rebuilds it."""


class FolderLock:
    """The data folder, held for writing by this process (re-entrant within it)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock: FileLock | None = None  # while held

    def acquire(self) -> FolderLock:
        # filelock is imported here, not with the module: its 15-20 ms of imports come after
        # the window's first paint (app/desktop.py).
        from filelock import FileLock, Timeout

        lock = FileLock(
            self.data_dir / LOCK_FILE, timeout=0, thread_local=False, is_singleton=True,
            fallback_to_soft=False,  # a marker file would outlive a killed process
        )
        with unavailable_as_words(self.data_dir):
            self.data_dir.mkdir(parents=True, exist_ok=True)
            try:
                lock.acquire()
            except Timeout:
                raise FolderInUse(
                    f"Field Client is already running on the data folder {self.data_dir}: "
                    "use that window, or close it first."
                ) from None
        self._lock = lock
        return self

    def release(self) -> None:
        if self._lock is not None:
            lock, self._lock = self._lock, None
            lock.release()

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def lock_is_held(data_dir: Path) -> bool:
    """Whether a process (this one too) holds the folder's lock at this moment.

    Why: a start asks the window open on its folder to come forward before it paints its own
    (app/desktop.py), and that question costs QtNetwork's import and a connection, 6-7 ms of
    the first paint. When no one holds the lock, no window can answer, and the question is
    skipped. The look takes the lock and lets it go at once, with the OS call filelock uses,
    without filelock's import; a folder it cannot look at counts as held.
    """
    try:
        descriptor = os.open(data_dir / LOCK_FILE, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        return not _lock_for_a_moment(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _lock_for_a_moment(descriptor: int) -> bool:
        # filelock locks byte zero (LockFileEx); msvcrt locks from the position, which is 0.
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        return True

else:
    import fcntl

    def _lock_for_a_moment(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return True


def require_folder(data_dir: Path) -> None:
    """For commands that only look at or remove existing data: never create the folder."""
    if not data_dir.exists():
        raise FolderMissing(f"There is no data folder {data_dir}.")
    if not data_dir.is_dir():
        raise StoreUnavailable(f"{data_dir} is a file, not a data folder.")


@contextlib.contextmanager
def unavailable_as_words(folder: Path) -> Iterator[None]:
    """Turn SQLite's and the OS's reasons for not reaching the store into StoreUnavailable.

    An IntegrityError stays what it is: it is a bug or a caller's business, not the folder's.
    """
    try:
        yield
    except Exception as error:
        # SQLite and peewee are imported here, not with the module, which the window's
        # shell imports before its first paint (app/desktop.py).
        import sqlite3

        import peewee

        if isinstance(error, peewee.IntegrityError | sqlite3.IntegrityError):
            raise
        if isinstance(error, OSError | sqlite3.Error | peewee.DatabaseError):
            raise in_words(error, folder) from error
        raise


def damaged(folder: Path) -> StoreDamaged:
    return StoreDamaged(f"The local data in {folder} is damaged.")


def in_words(error: BaseException, folder: Path) -> StoreUnavailable:
    """The sentence for one error met in the data folder `folder`."""
    # A failed statement may roll its transaction back, and the rollback that follows then
    # fails too ("no transaction is active"): the reason is the error that came before.
    chain = list(_chain(error))
    reason = " | ".join(str(link) for link in chain).lower()
    numbers = {getattr(link, "errno", None) for link in chain}
    io_error = errno.EIO in numbers or "i/o error" in reason
    if errno.ENOSPC in numbers or "disk is full" in reason or (io_error and _nearly_full(folder)):
        return StoreUnavailable(
            f"The disk holding {folder} is full: free some space, then try again "
            "(nothing you did is lost)."
        )
    if any(isinstance(link, (FileExistsError, NotADirectoryError)) for link in chain):
        return StoreUnavailable(f"{folder} is a file, not a data folder: choose another folder.")
    if (any(isinstance(link, PermissionError) for link in chain) or errno.EROFS in numbers
            or "readonly" in reason or "read-only" in reason):
        return StoreUnavailable(
            f"The data folder {folder} cannot be written (it is read-only or you lack "
            "permission): choose another folder or ask for access."
        )
    if "locked" in reason or "busy" in reason:
        return StoreUnavailable(
            f"The local data in {folder} is locked by another program: close it, then try "
            "again."
        )
    if "not a database" in reason or "malformed" in reason or "corrupt" in reason:
        return damaged(folder)
    if io_error:
        return StoreUnavailable(
            f"The disk holding {folder} could not be read or written: check the disk, then "
            "try again."
        )
    if "unable to open" in reason:
        return StoreUnavailable(
            f"The local data in {folder} cannot be opened: check that the folder exists and "
            "can be written."
        )
    return StoreUnavailable(f"The local data in {folder} cannot be used: {chain[-1]}.")


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a disk with no room for its log or shared-memory file as an I/O error."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    return existing is not None and shutil.disk_usage(existing).free < _ROOM_TO_WORK


def _chain(error: BaseException) -> Iterator[BaseException]:
    link: BaseException | None = error
    while link is not None:
        yield link
        link = link.__cause__ or link.__context__
