"""How large the write-ahead log grows during a first sync, next to the store it belongs to.

    python bench/wal_growth.py --objects 100000

A full disk is filled first by the log, not the store: SQLite grows the -wal file until a
checkpoint can reset it, and keeps the file at its largest size afterwards unless
`journal_size_limit` says otherwise. This runs one first pass of the real engine (from
`build_core`) against a sandbox in its own process, samples the -wal file every 20 ms, and
prints one JSON object: the log's peak and its size when the pass ended, the store's size, and
the pass's seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.composition import build_core, memory_connection
from app.db.store import DATABASE_FILE
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def measure(endpoint: str, credentials: Credentials, folder: Path) -> dict[str, float]:
    wal = folder / f"{DATABASE_FILE}-wal"
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _size(wal))
            time.sleep(0.02)

    async def run() -> dict[str, float]:
        core = build_core(folder, memory_connection(folder, endpoint, credentials))
        started = time.perf_counter()
        result = await core.engine.run_pass()
        seconds = time.perf_counter() - started
        assert result.ok, result.errors
        figures = {"seconds": round(seconds, 2), "wal_bytes_at_end": _size(wal),
                   "store_bytes": _size(folder / DATABASE_FILE)}
        await core.aclose()
        return figures

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        figures = asyncio.run(run())
    finally:
        done.set()
        sampler.join()
    return {**figures, "wal_bytes_peak": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    options = parser.parse_args()
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1,
                         page_size=options.page_size) as line:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        with tempfile.TemporaryDirectory() as temp:
            figures = measure(line["url"], credentials, Path(temp) / "data")
    print(orjson.dumps({"benchmark": "wal_growth", "objects": options.objects,
                        **figures}).decode())


if __name__ == "__main__":
    main()
