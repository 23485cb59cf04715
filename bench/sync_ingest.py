"""Initial sync throughput against the raw limit, measured in the same run.

    python bench/sync_ingest.py --objects 100000

1. Starts the sandbox in its own process with about --objects objects.
2. Times a first sync pass of the real engine into a fresh store (HTTP on loopback, parsing on
   the writer thread, lenient column extraction, upserts, cursors), keeping every response
   body it received.
3. Times the raw limit on exactly those bodies' object pages: orjson.loads + SQLite
   executemany of (id, JSON), one transaction per page, twice, in alternating order:
   - the former raw limit: a fresh WAL database with synchronous=NORMAL and SQLite's default
     checkpoint and cache, settings the app does not use;
   - the honest raw limit: a fresh `Store` of the app, so its own pragmas (synchronous=FULL,
     WAL, its cache, its log bound that follows the store's size), its writer thread and its
     one transaction per `Store.write`, as the engine writes each page.
Prints one JSON object; `ratio` = engine seconds / former raw seconds, `ratio_honest` = engine
seconds / honest raw seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.api.shapes import BY_LAST_CHANGE
from app.composition import Core, build_core, memory_connection
from app.db.store import Store
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300  # 2,000 tasks, 1,000 customers, 1,500 persons, 800 tools


@contextlib.asynccontextmanager
async def bench_core(
    endpoint: str, credentials: Credentials, folder: Path,
    on_response: Callable[[httpx.Response], Awaitable[None]],
) -> AsyncIterator[Core]:
    """The real core (`build_core`) on a fresh store in `folder`, its HTTP client calling
    `on_response` with each response; closed afterwards."""
    http = httpx.AsyncClient(timeout=60, event_hooks={"response": [on_response]})
    core = build_core(folder, memory_connection(folder, endpoint, credentials), http=http)
    try:
        yield core
    finally:
        await core.aclose()
        await http.aclose()


def engine_pass(
    endpoint: str, credentials: Credentials, folder: Path
) -> tuple[float, int, list[bytes]]:
    """Time one first pass; also return every response body the engine received."""
    bodies: list[bytes] = []

    async def keep_body(response: httpx.Response) -> None:
        bodies.append(await response.aread())

    async def run() -> tuple[float, int]:
        async with bench_core(endpoint, credentials, folder, keep_body) as core:
            started = time.perf_counter()
            result = await core.engine.run_pass()
            elapsed = time.perf_counter() - started
            assert result.ok, result.errors
            return elapsed, sum(core.store.objects.counts().values())

    seconds, total = asyncio.run(run())
    return seconds, total, bodies


OBJECT_KEYS = [step.result_key for step in BY_LAST_CHANGE.values()]


def raw_rows(body: bytes) -> tuple[str, list[tuple[int, str]]] | None:
    """One body decoded and made into (id, JSON) rows, the work both raw limits time."""
    result = orjson.loads(body)["results"][0]
    key = next((key for key in OBJECT_KEYS if key in result), None)
    if key is None:
        return None
    return key, [(obj["id"], orjson.dumps(obj).decode()) for obj in result[key]]


def raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, int]:
    """The former raw limit: settings the app does not use (NORMAL, default checkpoints)."""
    connection = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA synchronous=normal")
    for key in OBJECT_KEYS:
        connection.execute(f"CREATE TABLE raw_{key} (id INTEGER PRIMARY KEY, data TEXT)")
    total = 0
    started = time.perf_counter()
    for body in bodies:
        page = raw_rows(body)
        if page is None:
            continue
        key, rows = page
        connection.execute("BEGIN")
        connection.executemany(f"INSERT OR REPLACE INTO raw_{key} VALUES (?, ?)", rows)
        connection.execute("COMMIT")
        total += len(rows)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, total


def honest_raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, int]:
    """The raw limit in the app's own store: its pragmas, its log bound, its writer thread and
    one `Store.write` transaction per page, as the engine's; only the tables are bare."""
    folder.mkdir()
    store = Store.in_dir(folder)

    def create() -> None:
        for key in OBJECT_KEYS:
            store.database.execute_sql(
                f"CREATE TABLE raw_{key} (id INTEGER PRIMARY KEY, data TEXT)")

    def insert(key: str, rows: list[tuple[int, str]]) -> None:
        store.database.connection().executemany(
            f"INSERT OR REPLACE INTO raw_{key} VALUES (?, ?)", rows)

    store.write_blocking(create)
    total = 0
    started = time.perf_counter()
    for body in bodies:
        page = raw_rows(body)
        if page is None:
            continue
        store.write_blocking(insert, *page)
        total += len(page[1])
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of engine then raw; the figures are their medians")
    options = parser.parse_args()
    scale = options.objects / OBJECTS_AT_SCALE_1
    runs = []
    with sandbox_process(scale=scale, page_size=options.page_size) as line:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        for _ in range(options.repeat):
            with tempfile.TemporaryDirectory() as temp:
                seconds, stored, bodies = engine_pass(line["url"], credentials,
                                                      Path(temp) / "engine")
                # alternating which raw limit runs first, so both meet the same load
                first_honest = len(runs) % 2 == 1
                if first_honest:
                    honest_seconds, _ = honest_raw_limit(bodies, Path(temp) / "honest")
                raw_seconds, received = raw_limit(bodies, Path(temp))
                if not first_honest:
                    honest_seconds, _ = honest_raw_limit(bodies, Path(temp) / "honest")
            runs.append((seconds, raw_seconds, seconds / raw_seconds,
                         honest_seconds, seconds / honest_seconds))
    engine, raw, ratio, honest, ratio_honest = (
        statistics.median(column) for column in zip(*runs, strict=True))
    print(orjson.dumps({
        "benchmark": "sync_ingest",
        "objects_stored": stored,
        "objects_received": received,
        "page_size": options.page_size,
        "pages": len(bodies),
        "runs": len(runs),
        "engine_seconds": round(engine, 3),
        "engine_received_per_s": round(received / engine),
        "raw_seconds": round(raw, 3),
        "raw_objects_per_s": round(received / raw),
        "ratio": round(ratio, 2),
        "ratio_min": round(min(run[2] for run in runs), 2),
        "ratio_max": round(max(run[2] for run in runs), 2),
        "raw_honest_seconds": round(honest, 3),
        "raw_honest_objects_per_s": round(received / honest),
        "ratio_honest": round(ratio_honest, 2),
        "ratio_honest_min": round(min(run[4] for run in runs), 2),
        "ratio_honest_max": round(max(run[4] for run in runs), 2),
    }).decode())


if __name__ == "__main__":
    main()
