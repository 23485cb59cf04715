"""What durable commits and a bounded write-ahead log cost a first sync, measured in one run.

    python bench/store_durability.py --objects 100000 --repeat 3

Runs first passes of the real engine (from `build_core`) against a sandbox in its own process,
alternating the store's former settings (synchronous=NORMAL, a checkpoint every 20,000 pages, no
log size limit), today's log bounds alone (`Store._bound_log`) and all of today's settings
(with synchronous=FULL), so all meet the same machine load. The -wal file is sampled every
20 ms. Prints one JSON object: per setting the median pass seconds, the log's peak and its size
when the pass ended; the ratio of today's median to the former's; and how long the start-up
check (`PRAGMA quick_check`) takes on the synced store.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.composition import build_core, memory_connection
from app.db import store as store_module
from app.db.store import DATABASE_FILE, Store
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300
NORMAL = {**store_module._PRAGMAS, "synchronous": "normal"}
BEFORE = {**NORMAL, "wal_autocheckpoint": 20_000, "journal_size_limit": -1}
# name: (connection pragmas, whether the store bounds its log as it grows)
SETTINGS: dict[str, tuple[dict[str, Any], bool]] = {
    "before": (BEFORE, False),
    "bounded_log_only": (NORMAL, True),
    "now": (dict(store_module._PRAGMAS), True),
}
_BOUND_LOG = Store._bound_log


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def one_pass(endpoint: str, credentials: Credentials, folder: Path) -> dict[str, float]:
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
        figures = {"seconds": seconds, "wal_at_end": _size(wal),
                   "store": _size(folder / DATABASE_FILE)}
        await core.aclose()
        return figures

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        figures = asyncio.run(run())
    finally:
        done.set()
        sampler.join()
    return {**figures, "wal_peak": peak}


def quick_check_seconds(folder: Path) -> float:
    connection = sqlite3.connect(folder / DATABASE_FILE)
    started = time.perf_counter()
    connection.execute("PRAGMA quick_check").fetchall()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in SETTINGS}
    checks: list[float] = []
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1,
                         page_size=options.page_size) as line:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        for _ in range(options.repeat):
            for name, (pragmas, bounded) in SETTINGS.items():
                store_module._PRAGMAS = pragmas
                Store._bound_log = _BOUND_LOG if bounded else lambda _store: None
                with tempfile.TemporaryDirectory() as temp:
                    folder = Path(temp) / "data"
                    runs[name].append(one_pass(line["url"], credentials, folder))
                    if name == "now":
                        checks.append(quick_check_seconds(folder))

    def median(name: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[name])

    print(orjson.dumps({
        "benchmark": "store_durability",
        "objects": options.objects,
        "runs": options.repeat,
        **{name: {"seconds": round(median(name, "seconds"), 2),
                  "wal_peak_mb": round(median(name, "wal_peak") / 1e6, 1),
                  "wal_at_end_mb": round(median(name, "wal_at_end") / 1e6, 1),
                  "store_mb": round(median(name, "store") / 1e6, 1)}
           for name in SETTINGS},
        "seconds_now_over_before": round(median("now", "seconds") / median("before", "seconds"),
                                         2),
        "quick_check_seconds": round(statistics.median(checks), 2),
    }).decode())


if __name__ == "__main__":
    main()
