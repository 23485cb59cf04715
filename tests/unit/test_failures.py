"""What a technician is told about an unexpected error, and how often the log gets its
traceback."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from app.core.errors import TransportError
from app.sync.failures import FailureLog, explain


@pytest.mark.parametrize(("error", "told"), [
    (sqlite3.OperationalError("database is locked"),
     "the local store is locked by another program"),
    (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
    (sqlite3.OperationalError("attempt to write a readonly database"),
     "the data folder cannot be written to"),
    (sqlite3.DatabaseError("database disk image is malformed"), "the local store is damaged"),
    (OverflowError("Python int too large to convert to SQLite INTEGER"),
     "a number from the server is too large to store"),
    (TransportError("Could not reach the server (Echo): refused"),
     "Could not reach the server (Echo): refused"),
    (KeyError("password=hemmelig"), "an unexpected error (KeyError); the details are in the log"),
])
def test_an_error_is_told_in_one_sentence_without_its_text_when_unknown(error, told) -> None:
    assert explain(error) == told


@pytest.mark.expected_warnings("test.failures")
def test_a_repeated_failure_logs_its_traceback_once_until_the_work_succeeds(
    caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "test.failures")
    failures = FailureLog(logging.getLogger("test.failures"))
    locked = sqlite3.OperationalError("database is locked")
    overflow = OverflowError("int too large")
    for error in (locked, locked, locked, overflow):  # a different failure is logged
        failures.failed("outbox", error)
    assert failures.recovered("outbox") and not failures.recovered("outbox")
    failures.failed("outbox", locked)  # after a success: logged again
    logged = [r.exc_info[1] for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert logged == [locked, overflow, locked]
