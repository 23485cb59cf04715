"""Damage and trouble for a data folder, made for real: garbled pages, a tiny disk, a read-only
mount, and a second process holding the folder."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.store import DATABASE_FILE


def garble_table(data_dir: Path, table: str) -> None:
    """Overwrite the root page of `table` with noise, as a failing disk or a torn write does."""
    path = data_dir / DATABASE_FILE
    connection = sqlite3.connect(path)
    try:
        [page] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        [size] = connection.execute("PRAGMA page_size").fetchone()
    finally:
        connection.close()
    with open(path, "r+b") as file:
        file.seek((page - 1) * size)
        file.write(random.Random(7).randbytes(size))


@contextlib.contextmanager
def mounted(target: Path, *options: str) -> Iterator[Path]:
    """`mount …` on `target` for the test's duration; skipped where mounting is not allowed."""
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", *options, str(target)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


@contextlib.contextmanager
def small_disk(target: Path, size: str = "4m") -> Iterator[Path]:
    with mounted(target, "-t", "tmpfs", "-o", f"size={size}", "tmpfs") as disk:
        yield disk


@contextlib.contextmanager
def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    """`source` seen through a read-only bind mount: even root cannot write there."""
    with mounted(target, "--bind", str(source)):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)
        yield target


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte; remove the returned file to free it again. Unbuffered:
    a buffered file would keep the part of its last block that did not fit, and closing it
    would fail on that again (whenever the free space is not a whole number of blocks)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as file, contextlib.suppress(OSError):
        while True:
            file.write(b"\0" * 65536)
    return filler


HOLD = """
import sys
from pathlib import Path
from app.db.store import Store
store = Store.in_dir(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def held_by_another_process(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """A process with the folder's store open for writing, until the block ends."""
    with subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None and process.stdout.readline() == "held\n"
            yield process
        finally:
            process.kill()
