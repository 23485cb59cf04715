"""A normal sync with nothing changed: how many requests and how long, on loopback.

    python bench/no_change_sync.py --objects 100000

Runs an initial configuration against the sandbox in its own process, then times normal passes
with no change in between. Prints one JSON object: requests per pass (the target is one per
…ByLastChange step plus one combined request) and the pass time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.composition import build_core, memory_connection
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300


async def measure(url: str, credentials: Credentials, folder: Path, passes: int) -> dict:
    requests = 0

    async def count(_request: httpx.Request) -> None:
        nonlocal requests
        requests += 1

    http = httpx.AsyncClient(timeout=60, event_hooks={"request": [count]})
    core = build_core(folder, memory_connection(folder, url, credentials), http=http)
    assert (await core.engine.run_pass()).ok
    times, counts = [], []
    for _ in range(passes):
        requests = 0
        started = time.perf_counter()
        result = await core.engine.run_pass()
        times.append(time.perf_counter() - started)
        counts.append(requests)
        assert result.ok, result.errors
    loops = sum(1 for key in result.received if key.startswith("Get"))
    await core.aclose()
    await http.aclose()
    return {
        "loops": loops,
        "requests_per_pass": max(counts),
        "allowed_requests": loops + 1,
        "median_seconds": round(statistics.median(times), 3),
        "max_seconds": round(max(times), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--passes", type=int, default=5)
    options = parser.parse_args()
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1, page_size=500) as line, \
            tempfile.TemporaryDirectory() as temp:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        figures = asyncio.run(measure(line["url"], credentials, Path(temp), options.passes))
    print(orjson.dumps({"benchmark": "no_change_sync", "objects": options.objects,
                        **figures}).decode())


if __name__ == "__main__":
    main()
