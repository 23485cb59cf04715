"""Unexpected errors in background work: one sentence for the technician, one traceback for
the log.

A locked store, a full disk or a bug fails every retry the same way; logging the traceback of
each retry would bury the first one. `FailureLog` logs a failure with its traceback when it is
new for that piece of work, and only a debug line while it repeats, until the work succeeds.
"""

from __future__ import annotations

import logging

from app.core.errors import FieldClientError

# What SQLite says (through sqlite3 or peewee, which keeps the text) → what it means to a user.
_STORE_TROUBLE = (
    ("database is locked", "the local store is locked by another program"),
    ("database table is locked", "the local store is locked by another program"),
    ("disk is full", "the disk is full"),
    ("readonly database", "the data folder cannot be written to"),
    ("disk i/o error", "the disk could not be read or written"),
    ("malformed", "the local store is damaged"),
    ("not a database", "the local store is damaged"),
)


def explain(error: BaseException) -> str:
    """What went wrong, in words a technician understands: never a traceback, never a secret
    (the errors this package raises on purpose redact theirs; others are named by kind)."""
    if isinstance(error, FieldClientError):
        return str(error)
    text = str(error).lower()
    for known, meaning in _STORE_TROUBLE:
        if known in text:
            return meaning
    if isinstance(error, OverflowError):
        return "a number from the server is too large to store"
    if isinstance(error, MemoryError):
        return "the computer ran out of memory"
    return f"an unexpected error ({type(error).__name__}); the details are in the log"


class FailureLog:
    """Logs each new failure of a piece of work (by key) once, with its traceback."""

    def __init__(self, logger: logging.Logger) -> None:
        self._log = logger
        self._last: dict[str, str] = {}

    def failed(self, key: str, error: BaseException) -> str:
        """Log `error` for `key` (with its traceback unless it repeats); return `explain`."""
        reason = explain(error)
        seen = f"{type(error).__name__}: {error}"
        if self._last.get(key) == seen:
            self._log.debug("%s failed again: %s", key, seen)
        else:
            self._last[key] = seen
            self._log.error("%s failed: %s", key, reason, exc_info=error)
        return reason

    def recovered(self, key: str) -> bool:
        """The work succeeded: its next failure is new again. True if it had failed."""
        return self._last.pop(key, None) is not None

    def reset(self) -> None:
        """Every piece of work succeeded (a whole sync pass)."""
        self._last.clear()
