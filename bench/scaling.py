"""How a first sync's cost grows with the number of objects, and the fixed cost of a pass.

    python bench/scaling.py --sizes 10000,100000,500000 --repeat 3
    python bench/scaling.py --sizes 500000 --repeat 3 --before /tmp/scale-before

For each size: starts the sandbox in its own process (its start, which makes the objects, is
timed apart), then runs each pass in a process of its own, so the client's CPU time and memory
are its own: a first pass of the real engine (`sync_ingest.bench_core`) into a fresh store,
then `--normal` normal passes with nothing changed (the fixed cost of a pass). Per pass:
objects received per second, the client process's user and system CPU seconds
(`resource.getrusage`, all its threads) next to the wall time, the sandbox's CPU seconds in the
same interval (/proc), the bytes the client wrote and read through system calls (/proc/self/io:
files and sockets), the client's peak RSS, the store's and its write-ahead log's size (the log
sampled every 20 ms for its peak), and the median time of a page's write transaction in the
first and in the last fifth of the pass's pages (equal for a writer whose cost per page does
not grow with the store).

`--before DIR` runs the same passes with another tree's app, alternating with this one in each
round (which goes first alternates too): make it with `git archive COMMIT | tar -x -C DIR` and
copy this file and bench/sync_ingest.py into DIR/bench/. Prints one JSON object a line per
size and tree: medians of the rounds with their ranges.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.api import Credentials
from bench._sandbox_process import sandbox_process
from bench.sync_ingest import OBJECTS_AT_SCALE_1, bench_core

ROOT = Path(__file__).resolve().parent.parent

_TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of process `pid` so far, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / _TICK, int(fields[12]) / _TICK


def io_mb() -> dict[str, float]:
    """This process's bytes read and written so far through system calls (files and sockets),
    in MB: rchar and wchar of /proc/self/io."""
    pairs = (line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return {key: int(value) / 2**20 for key, value in pairs if key in ("rchar", "wchar")}


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class LogPeak:
    """The write-ahead log's largest size, sampled on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.path, self.peak, self._stop = path, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            with contextlib.suppress(FileNotFoundError):
                self.peak = max(self.peak, self.path.stat().st_size)

    def __enter__(self) -> LogPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def timed_pages(store: Any) -> list[float]:
    """Wall seconds of each page's write transaction (the engine's `_commit_page`) from now on,
    in order; in this bench only, by wrapping the store's own `_transaction` on the instance."""
    durations: list[float] = []
    inner = store._transaction

    def timed(fn: Any, *args: Any) -> Any:
        began = time.perf_counter()
        try:
            return inner(fn, *args)
        finally:
            if getattr(fn, "__name__", "") == "_commit_page":
                durations.append(time.perf_counter() - began)

    store._transaction = timed
    return durations


def fifths(durations: list[float]) -> tuple[float | None, float | None]:
    """Median milliseconds of a page's write in the first and the last fifth of the pass."""
    if len(durations) < 10:
        return None, None
    fifth = len(durations) // 5
    return (statistics.median(durations[:fifth]) * 1000,
            statistics.median(durations[-fifth:]) * 1000)


async def one_process(line: dict[str, Any], normal: int, folder: Path) -> dict[str, Any]:
    """This process's first pass and normal passes, measured."""
    credentials = Credentials(line["contract"], line["apikey"], line["username"],
                              line["password"])

    async def ignore(_response: httpx.Response) -> None:
        pass

    async with bench_core(line["url"], credentials, folder, ignore) as core:
        store_file = core.store.path
        writes = timed_pages(core.store)
        before, sandbox_before = resource.getrusage(resource.RUSAGE_SELF), process_cpu(line["pid"])
        io_before = io_mb()
        with LogPeak(store_file.with_name(store_file.name + "-wal")) as log_peak:
            started = time.perf_counter()
            result = await core.engine.run_pass()
            seconds = time.perf_counter() - started
        after, sandbox_after = resource.getrusage(resource.RUSAGE_SELF), process_cpu(line["pid"])
        io_after = io_mb()
        assert result.ok, result.errors
        received = sum(result.received.values())
        stored = sum(core.store.objects.counts().values())
        first_writes_ms, last_writes_ms = fifths(writes)
        normal_seconds = []
        for _ in range(normal):
            began = time.perf_counter()
            assert (await core.engine.run_pass()).ok
            normal_seconds.append(time.perf_counter() - began)
        wal = store_file.with_name(store_file.name + "-wal")
        return {
            "app": str(Path(sys.modules["app"].__file__ or "").parent.parent),
            "received": received,
            "stored": stored,
            "seconds": seconds,
            "per_s": received / seconds,
            "user_s": after.ru_utime - before.ru_utime,
            "sys_s": after.ru_stime - before.ru_stime,
            "sandbox_user_s": sandbox_after[0] - sandbox_before[0],
            "sandbox_sys_s": sandbox_after[1] - sandbox_before[1],
            "written_mb": io_after["wchar"] - io_before["wchar"],
            "read_mb": io_after["rchar"] - io_before["rchar"],
            "peak_rss_mb": after.ru_maxrss / 1024,
            "rss_after_mb": current_rss_mb(),
            "store_mb": store_file.stat().st_size / 2**20,
            "log_peak_mb": log_peak.peak / 2**20,
            "log_end_mb": (wal.stat().st_size if wal.exists() else 0) / 2**20,
            "pages": len(writes),
            "page_write_ms_first_fifth": first_writes_ms,
            "page_write_ms_last_fifth": last_writes_ms,
            "normal_pass_s": statistics.median(normal_seconds) if normal_seconds else None,
        }


def run_child(tree: Path, line: dict[str, Any], normal: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as temp:
        done = subprocess.run(
            [sys.executable, str(tree / "bench" / "scaling.py"), "--child",
             "--normal", str(normal), "--folder", temp],
            input=json.dumps(line), capture_output=True, text=True, check=False, cwd=tree,
        )
    if done.returncode:
        raise SystemExit(f"a pass of {tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def summary(size: int, tree: Path, runs: list[dict[str, Any]], start_s: float) -> dict[str, Any]:
    def median(key: str, digits: int = 2) -> Any:
        values = [run[key] for run in runs if run[key] is not None]
        if not values:
            return None
        return round(statistics.median(values), digits)

    def spread(key: str, digits: int = 2) -> list[float]:
        values = [run[key] for run in runs]
        return [round(min(values), digits), round(max(values), digits)]

    return {
        "benchmark": "scaling", "objects": size, "tree": str(tree), "app": runs[0]["app"],
        "runs": len(runs), "received": runs[0]["received"], "stored": runs[0]["stored"],
        "sandbox_start_s": round(start_s, 1),
        "seconds": median("seconds"), "seconds_range": spread("seconds"),
        "objects_per_s": median("per_s", 0), "objects_per_s_range": spread("per_s", 0),
        "user_s": median("user_s"), "sys_s": median("sys_s"), "sys_s_range": spread("sys_s"),
        "sandbox_user_s": median("sandbox_user_s"), "sandbox_sys_s": median("sandbox_sys_s"),
        "written_mb": median("written_mb", 0), "read_mb": median("read_mb", 0),
        "peak_rss_mb": median("peak_rss_mb", 0), "rss_after_mb": median("rss_after_mb", 0),
        "store_mb": median("store_mb", 1), "log_peak_mb": median("log_peak_mb", 1),
        "log_end_mb": median("log_end_mb", 1),
        "pages": runs[0]["pages"],
        "page_write_ms_first_fifth": median("page_write_ms_first_fifth"),
        "page_write_ms_last_fifth": median("page_write_ms_last_fifth"),
        "normal_pass_s": median("normal_pass_s", 3),
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,500000",
                        help="objects, comma-separated (as sync_ingest's --objects)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size")
    parser.add_argument("--normal", type=int, default=3,
                        help="normal passes after each first pass, for the fixed cost")
    parser.add_argument("--before", type=Path, help="another tree, alternating with this one")
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        figures = asyncio.run(one_process(json.loads(sys.stdin.read()), options.normal,
                                          options.folder / "store"))
        print(json.dumps(figures))
        return
    trees = [ROOT] if options.before is None else [options.before.resolve(), ROOT]
    for size in (int(size) for size in options.sizes.split(",")):
        runs: dict[Path, list[dict[str, Any]]] = {tree: [] for tree in trees}
        began = time.perf_counter()
        with sandbox_process(scale=size / OBJECTS_AT_SCALE_1,
                             page_size=options.page_size) as line:
            start_s = time.perf_counter() - began
            for round_number in range(options.repeat):
                order = trees if round_number % 2 == 0 else trees[::-1]
                for tree in order:
                    runs[tree].append(run_child(tree, line, options.normal))
        for tree in trees:
            print(json.dumps(summary(size, tree, runs[tree], start_s)), flush=True)


if __name__ == "__main__":
    main()
