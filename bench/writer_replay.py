"""The store's writer alone on a first sync's pages: what it costs and what it writes.

    python bench/writer_replay.py --objects 500000
    python bench/writer_replay.py --objects 500000 --without search,column-indexes

Keeps the bodies of one first pass of the real engine (`sync_ingest.engine_pass`, the sandbox
in its own process), then stores their object pages again into a fresh `Store` in this process,
one `Store.write_blocking(ObjectRepo.ingest, …)` per page, as the engine commits them, then
the indexes main pages look up by (`ObjectRepo.index_lookups`, `lookups_s`), as the engine
makes them after its loops, with nothing else running: no HTTP, no decoding thread, no event
loop. Prints one JSON object: the seconds, the process's user and system CPU over them
(`resource.getrusage`), the bytes it wrote through system calls (/proc/self/io) and the
store's size. `--without` leaves out, in this
bench only, the search index's rows (`search`) or the indexes of the object tables' columns
(`column-indexes`), to tell their share.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.api.shapes import BY_LAST_CHANGE
from app.core.kinds import Kind
from app.db.store import DATABASE_FILE, Store
from bench._sandbox_process import sandbox_process
from bench.scaling import io_mb
from bench.sync_ingest import OBJECTS_AT_SCALE_1, engine_pass

_KINDS = {step.result_key: kind for kind, step in BY_LAST_CHANGE.items()}


def object_pages(bodies: list[bytes]) -> Iterator[tuple[Kind, list[Any]]]:
    """The (kind, objects) of each body that holds a …ByLastChange page."""
    for body in bodies:
        result = orjson.loads(body)["results"][0]
        key = next((key for key in _KINDS if key in result), None)
        if key is not None:
            yield _KINDS[key], result[key]


def leave_out(store: Store, parts: set[str]) -> None:
    """In this bench only: no search rows, or no indexes on the object tables' columns."""
    if "search" in parts:
        store.search.put = lambda *args, **kwargs: None  # type: ignore[method-assign]
    if "column-indexes" in parts:
        tables = {kind.value for kind in _KINDS.values()}
        store.objects.index_lookups = lambda: 0  # type: ignore[method-assign]

        def drop() -> None:
            for name, table, sql in store.database.execute_sql(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"
            ).fetchall():
                if table in tables and sql and not sql.startswith("CREATE UNIQUE"):
                    store.database.execute_sql(f'DROP INDEX "{name}"')

        store.write_blocking(drop)


def replay(pages: list[tuple[Kind, list[Any]]], folder: Path, parts: set[str]) -> dict[str, Any]:
    store = Store.in_dir(folder)
    leave_out(store, parts)
    before, written = resource.getrusage(resource.RUSAGE_SELF), io_mb()["wchar"]
    started = time.perf_counter()
    for kind, objects in pages:
        store.write_blocking(store.objects.ingest, kind, objects)
    ingested = time.perf_counter()
    store.write_blocking(store.objects.index_lookups)  # as the engine's pass, after its loops
    seconds = time.perf_counter() - started
    after, written = resource.getrusage(resource.RUSAGE_SELF), io_mb()["wchar"] - written
    store.close()
    objects = sum(len(page) for _, page in pages)
    return {
        "objects": objects, "pages": len(pages), "seconds": round(seconds, 2),
        "lookups_s": round(started + seconds - ingested, 2),
        "objects_per_s": round(objects / seconds),
        "user_s": round(after.ru_utime - before.ru_utime, 2),
        "sys_s": round(after.ru_stime - before.ru_stime, 2),
        "written_mb": round(written), "store_mb": round(
            (folder / DATABASE_FILE).stat().st_size / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--without", default="", help="search, column-indexes (comma-separated)")
    options = parser.parse_args()
    parts = {part for part in options.without.split(",") if part}
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1, page_size=500) as line, \
            tempfile.TemporaryDirectory() as temp:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        _, _, _, bodies = engine_pass(line["url"], credentials, Path(temp) / "engine")
    pages = list(object_pages(bodies))
    del bodies
    with tempfile.TemporaryDirectory() as temp:
        figures = replay(pages, Path(temp), parts)
    print(json.dumps({"benchmark": "writer_replay", "without": sorted(parts), **figures}))


if __name__ == "__main__":
    main()
