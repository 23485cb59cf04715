"""Initial sync throughput against the raw limit, measured in the same run.

    python bench/sync_ingest.py --objects 100000

1. Starts the sandbox in its own process with about --objects objects.
2. Times a first sync pass of the real engine into a fresh store (HTTP on loopback, parsing on
   the writer thread, lenient column extraction, upserts, cursors).
3. Fetches the same …ByLastChange pages once more and times the raw limit on their bodies:
   orjson.loads + SQLite executemany of (id, JSON) into a fresh WAL database.
Prints one JSON object; `ratio` = engine seconds / raw seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.api.envelope import build_envelope
from app.api.shapes import BY_LAST_CHANGE
from app.composition import build_core, memory_connection
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300  # 2,000 tasks, 1,000 customers, 1,500 persons, 800 tools


def engine_pass(endpoint: str, credentials: Credentials, folder: Path) -> tuple[float, int]:
    core = build_core(folder, memory_connection(folder, endpoint, credentials))

    async def run() -> float:
        started = time.perf_counter()
        result = await core.engine.run_pass()
        elapsed = time.perf_counter() - started
        assert result.ok, result.errors
        await core.aclose()
        return elapsed

    seconds = asyncio.run(run())
    from app.db import Store

    store = Store.in_dir(folder)
    total = sum(store.objects.counts().values())
    store.close()
    return seconds, total


def fetch_bodies(endpoint: str, credentials: Credentials) -> list[bytes]:
    """Every page body of the four loops, as the server sends them (not timed)."""
    bodies: list[bytes] = []
    with httpx.Client(timeout=60) as http:
        for step in BY_LAST_CHANGE.values():
            resumekey = None
            while True:
                command = step.page("1970-01-01", "00:00:00", resumekey, {})
                envelope = build_envelope(credentials, [command], haltonerror=True,
                                          remoteagent="bench")
                body = http.post(endpoint, data={"json": envelope.decode()}).content
                bodies.append(body)
                resumekey = orjson.loads(body)["results"][0].get("resumekey")
                if not resumekey:
                    break
    return bodies


def raw_limit(bodies: list[bytes], folder: Path) -> tuple[float, int]:
    connection = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA synchronous=normal")
    keys = [step.result_key for step in BY_LAST_CHANGE.values()]
    for key in keys:
        connection.execute(f"CREATE TABLE raw_{key} (id INTEGER PRIMARY KEY, data TEXT)")
    total = 0
    started = time.perf_counter()
    for body in bodies:
        result = orjson.loads(body)["results"][0]
        key = next(key for key in keys if key in result)
        objects = result[key]
        connection.execute("BEGIN")
        connection.executemany(
            f"INSERT OR REPLACE INTO raw_{key} VALUES (?, ?)",
            [(obj["id"], orjson.dumps(obj).decode()) for obj in objects],
        )
        connection.execute("COMMIT")
        total += len(objects)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    options = parser.parse_args()
    scale = options.objects / OBJECTS_AT_SCALE_1
    with sandbox_process(scale=scale, page_size=options.page_size) as line, \
            tempfile.TemporaryDirectory() as temp:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        seconds, stored = engine_pass(line["url"], credentials, Path(temp) / "engine")
        bodies = fetch_bodies(line["url"], credentials)
        raw_seconds, raw_objects = raw_limit(bodies, Path(temp))
    print(orjson.dumps({
        "benchmark": "sync_ingest",
        "objects_stored": stored,
        "objects_raw": raw_objects,
        "page_size": options.page_size,
        "pages": len(bodies),
        "engine_seconds": round(seconds, 3),
        "engine_objects_per_s": round(stored / seconds),
        "raw_seconds": round(raw_seconds, 3),
        "raw_objects_per_s": round(raw_objects / raw_seconds),
        "ratio": round(seconds / raw_seconds, 2),
    }).decode())


if __name__ == "__main__":
    main()
