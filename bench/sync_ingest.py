"""Initial sync throughput against the raw limit, measured in the same run.

    python bench/sync_ingest.py --objects 100000

1. Starts the sandbox in its own process with about --objects objects.
2. Times a first sync pass of the real engine into a fresh store (HTTP on loopback, parsing on
   the writer thread, lenient column extraction, upserts, cursors), keeping every response
   body it received.
3. Times the raw limit on exactly those bodies' object pages: orjson.loads + SQLite
   executemany of (id, JSON), one transaction per page, three times, in turns:
   - the former raw limit: a fresh WAL database with synchronous=NORMAL and SQLite's default
     checkpoint and cache, settings the app does not use;
   - the honest raw limit: a fresh `Store` of the app, so its own pragmas (synchronous=FULL,
     WAL, its cache, its log bound that follows the store's size), its writer thread and its
     one transaction per `Store.write`, as the engine writes each page;
   - the schema's raw limit: the same in the app's own tables, their indexes and its search
     index, filled by the least Python (values taken as they come, text not folded).
Prints one JSON object; `ratio` = engine seconds / former raw seconds, `ratio_honest` = engine
seconds / honest raw seconds. `ratio_honest_cpu` compares the CPU seconds of the client's
process (all its threads; the sandbox runs in its own) over the same two: on a machine shared
with other work, CPU time moves less with the load than the wall time. `ratio_schema` and
`ratio_schema_cpu` are the same against the schema's raw limit.
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
from app.core.kinds import Kind
from app.core.searchable import BODY_FIELDS, HEAD_FIELDS, SEARCHED_KINDS
from app.db.columns import COLUMNS
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
) -> tuple[float, float, int, list[bytes]]:
    """Time one first pass: its seconds, its CPU seconds (all of this process's threads), the
    objects stored, and every response body the engine received."""
    bodies: list[bytes] = []

    async def keep_body(response: httpx.Response) -> None:
        bodies.append(await response.aread())

    async def run() -> tuple[float, float, int]:
        async with bench_core(endpoint, credentials, folder, keep_body) as core:
            started, cpu = time.perf_counter(), time.process_time()
            result = await core.engine.run_pass()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            assert result.ok, result.errors
            return elapsed, cpu, sum(core.store.objects.counts().values())

    seconds, cpu, total = asyncio.run(run())
    return seconds, cpu, total, bodies


OBJECT_KEYS = [step.result_key for step in BY_LAST_CHANGE.values()]


def raw_rows(body: bytes) -> tuple[str, list[tuple[int, str]]] | None:
    """One body decoded and made into (id, JSON) rows, the work both raw limits time."""
    result = orjson.loads(body)["results"][0]
    key = next((key for key in OBJECT_KEYS if key in result), None)
    if key is None:
        return None
    return key, [(obj["id"], orjson.dumps(obj).decode()) for obj in result[key]]


def raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, float, int]:
    """The former raw limit: settings the app does not use (NORMAL, default checkpoints).
    Its seconds, CPU seconds and rows, as each raw limit returns them."""
    connection = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA synchronous=normal")
    for key in OBJECT_KEYS:
        connection.execute(f"CREATE TABLE raw_{key} (id INTEGER PRIMARY KEY, data TEXT)")

    def insert(key: str, rows: list[tuple[int, str]]) -> None:
        connection.execute("BEGIN")
        connection.executemany(f"INSERT OR REPLACE INTO raw_{key} VALUES (?, ?)", rows)
        connection.execute("COMMIT")

    try:
        return timed_pages(bodies, insert)
    finally:
        connection.close()


def timed_pages(
    bodies: list[bytes], insert: Callable[[str, list[tuple[int, str]]], None]
) -> tuple[float, float, int]:
    """Each body's (id, JSON) rows given to `insert`, timed: seconds, CPU seconds, rows."""
    total = 0
    started, cpu = time.perf_counter(), time.process_time()
    for body in bodies:
        page = raw_rows(body)
        if page is None:
            continue
        insert(*page)
        total += len(page[1])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, cpu, total


def honest_raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, float, int]:
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
    try:
        return timed_pages(bodies, lambda key, rows: store.write_blocking(insert, key, rows))
    finally:
        store.close()


_DEFAULTS = {"INTEGER": 0, "TEXT": "", "REAL": 0.0}
KINDS = {step.result_key: kind for kind, step in BY_LAST_CHANGE.items()}


def schema_raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, float, int]:
    """The raw limit in the app's own schema: a fresh `Store` as the honest limit, but written
    into the app's object tables (their indexed columns and indexes) and its search index, as
    one `Store.write` per page, and the indexes main pages look up by made at the end, as the
    engine makes them after its loops. The Python is the least that fills them: each column taken as
    it comes (`obj.get`, no lenient reading), the search text the head and body fields joined
    as they come (no folding, no phone digits, no custom fields), one `executemany` each."""
    folder.mkdir()
    store = Store.in_dir(folder)

    def insert(kind: Kind, objects: list[dict]) -> None:
        columns = [(column.name, _DEFAULTS[column.sql_type]) for column in COLUMNS[kind]]
        names = ", ".join(["id", *(f'"{name}"' for name, _ in columns), "data"])
        marks = ", ".join("?" * (len(columns) + 2))
        connection = store.database.connection()
        searched = kind in SEARCHED_KINDS
        if searched:
            # a task is read twice in a first sync: its entry goes first (an FTS5 INSERT OR
            # REPLACE costs twice a plain one), found by its row's seq as the app's index is
            connection.execute(
                f'DELETE FROM "search_{kind.value}" WHERE rowid IN (SELECT seq FROM '
                f'"{kind.value}" WHERE id IN (SELECT value FROM json_each(?)))',
                (orjson.dumps([obj["id"] for obj in objects]).decode(),))
        connection.executemany(
            f'INSERT OR REPLACE INTO "{kind.value}" ({names}) VALUES ({marks})',
            [(obj["id"], *[obj.get(name) or default for name, default in columns],
              orjson.dumps(obj).decode()) for obj in objects])
        if searched:
            head = [field.key for field in HEAD_FIELDS[kind]]
            body = [field.key for field in BODY_FIELDS[kind]]
            connection.executemany(
                f'INSERT INTO "search_{kind.value}" (rowid, head, body) '
                f'SELECT seq, ?, ? FROM "{kind.value}" WHERE id = ?',
                [(" ".join([str(obj.get(key) or "") for key in head]),
                  " ".join([str(obj.get(key) or "") for key in body]), obj["id"])
                 for obj in objects])

    total = 0
    started, cpu = time.perf_counter(), time.process_time()
    for body in bodies:
        result = orjson.loads(body)["results"][0]
        key = next((key for key in OBJECT_KEYS if key in result), None)
        if key is None:
            continue
        store.write_blocking(insert, KINDS[key], result[key])
        total += len(result[key])
    store.write_blocking(store.objects.index_lookups)  # as the engine's pass, after its loops
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return elapsed, cpu, total


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
                seconds, cpu, stored, bodies = engine_pass(line["url"], credentials,
                                                           Path(temp) / "engine")
                # the raw limits in turns, each run starting from another, so that each
                # meets the same load
                limits = [(raw_limit, Path(temp)), (honest_raw_limit, Path(temp) / "honest"),
                          (schema_raw_limit, Path(temp) / "schema")]
                first = len(runs) % len(limits)
                timed = {index: limits[index][0](bodies, limits[index][1]) for index in
                         (*range(first, len(limits)), *range(first))}
                ((raw_seconds, _, received), (honest_seconds, honest_cpu, _),
                 (schema_seconds, schema_cpu, _)) = (timed[index] for index in range(len(limits)))
            runs.append((seconds, raw_seconds, seconds / raw_seconds,
                         honest_seconds, seconds / honest_seconds,
                         cpu, honest_cpu, cpu / honest_cpu,
                         schema_seconds, seconds / schema_seconds, schema_cpu, cpu / schema_cpu))
    (engine, raw, ratio, honest, ratio_honest, cpu, honest_cpu, ratio_cpu,
     schema, ratio_schema, schema_cpu, ratio_schema_cpu) = (
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
        "engine_cpu_seconds": round(cpu, 3),
        "raw_honest_cpu_seconds": round(honest_cpu, 3),
        "ratio_honest_cpu": round(ratio_cpu, 2),
        "raw_schema_seconds": round(schema, 3),
        "ratio_schema": round(ratio_schema, 2),
        "ratio_schema_min": round(min(run[9] for run in runs), 2),
        "ratio_schema_max": round(max(run[9] for run in runs), 2),
        "raw_schema_cpu_seconds": round(schema_cpu, 3),
        "ratio_schema_cpu": round(ratio_schema_cpu, 2),
    }).decode())


if __name__ == "__main__":
    main()
