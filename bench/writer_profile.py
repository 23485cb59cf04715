"""Where the store-writer thread's time goes in a first sync, profiled on that thread alone.

    python bench/writer_profile.py --objects 100000

Runs one first pass of the real engine (as sync_ingest.py does) with cProfile enabled only
around each write transaction on the writer thread (`Store._transaction`), then prints the
functions by their own time and by their cumulative time. The times are the writer's wall
time, waits for the GIL included; the profiler inflates Python calls, so read them for where
the time goes, and sync_ingest.py for how much.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from app.db.store import Store
from bench._sandbox_process import sandbox_process
from bench.sync_ingest import OBJECTS_AT_SCALE_1, engine_pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=30, help="functions listed per order")
    options = parser.parse_args()
    profile = cProfile.Profile()
    transaction = Store._transaction

    def profiled(store: Store, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        profile.enable()
        try:
            return transaction(store, fn, args, kwargs)
        finally:
            profile.disable()

    Store._transaction = profiled  # type: ignore[method-assign]
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1, page_size=500) as line:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        with tempfile.TemporaryDirectory() as temp:
            seconds, _, stored, _ = engine_pass(line["url"], credentials, Path(temp) / "engine")
    print(f"pass {seconds:.2f} s, {stored} objects stored")
    stats = pstats.Stats(profile).sort_stats("tottime")
    stats.print_stats(options.lines)
    stats.sort_stats("cumulative").print_stats(options.lines)


if __name__ == "__main__":
    main()
