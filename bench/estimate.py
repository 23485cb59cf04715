"""How honest the "time left" of an initial sync is, against the time that really was left.

    python bench/estimate.py --objects 100000 [--latency 0.25]

Starts the sandbox in its own process (as sync_ingest.py does) and runs a first pass of the
real engine into a fresh store, recording (elapsed, estimate) at every progress report the
engine publishes. Once the pass has ended its true duration is known, so each estimate can be
set against the time that was really left when it was made. Prints one JSON object: the
estimate shown at 10/25/50/75/90 % of the pass next to the truth, and over every report after
the first 10 % of the pass and before its last 5 %, the median absolute error and the worst
ratio (estimate / truth or truth / estimate, whichever is larger; 1 is exact).

On loopback the client's CPU sets the pace (a pass of 100k objects takes seconds); a real
server takes its time over each request. --latency holds every request that long in the
sandbox (its "delay" fault), so the loops wait on the server, as they do in the field.
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
from app.sandbox.app import ENDPOINT_PATH
from app.sync.progress import SyncProgress
from bench._sandbox_process import sandbox_process
from bench.sync_ingest import OBJECTS_AT_SCALE_1

MOMENTS = (0.10, 0.25, 0.50, 0.75, 0.90)
# The summary leaves out the first 10 % of the pass, where no one can tell yet, and the last
# 5 %, where tenths of a second make wild ratios that no one sees ("less than a minute").
SETTLED = 0.10
LAST = 0.05


Reports = list[tuple[float, float | None]]


def record_pass(url: str, credentials: Credentials, folder: Path) -> tuple[float, Reports]:
    """One first pass: its duration and (elapsed, seconds_left) at each progress report."""
    reports: Reports = []
    started = 0.0

    def keep(progress: SyncProgress) -> None:
        if progress.running and started:
            reports.append((time.perf_counter() - started, progress.seconds_left))

    async def run() -> float:
        nonlocal started
        core = build_core(folder, memory_connection(folder, url, credentials), on_progress=keep,
                          timeout=60)
        started = time.perf_counter()
        result = await core.engine.run_pass()
        duration = time.perf_counter() - started
        assert result.ok, result.errors
        await core.aclose()
        return duration

    return asyncio.run(run()), reports


def shown_at(moment: float, reports: Reports) -> float | None:
    """The estimate on screen at `moment` seconds: the last report's by then (the window shows
    it unchanged until the next)."""
    return max(((at, left) for at, left in reports if at <= moment), default=(0.0, None))[1]


def ratio(estimate: float, truth: float) -> float:
    """How many times off, whichever way (1 is exact); a tenth of a second is the floor."""
    estimate, truth = max(estimate, 0.1), max(truth, 0.1)
    return max(estimate / truth, truth / estimate)


def figures(duration: float, reports: Reports) -> dict[str, object]:
    moments = []
    for share in MOMENTS:
        left = shown_at(share * duration, reports)
        moments.append({
            "at_percent": round(share * 100),
            "true_left_s": round(duration - share * duration, 2),
            "estimate_s": None if left is None else round(left, 2),
        })
    settled = [(at, left) for at, left in reports
               if SETTLED * duration <= at <= (1 - LAST) * duration]
    judged = [(left, duration - at) for at, left in settled if left is not None]
    first_shown = next((at for at, left in reports if left is not None), None)
    return {
        "duration_s": round(duration, 2),
        "reports": len(reports),
        "first_estimate_at_percent": None if first_shown is None
        else round(100 * first_shown / duration, 1),
        "moments": moments,
        "reports_judged": len(judged),
        "reports_without_estimate": len(settled) - len(judged),
        "median_abs_error_s": round(statistics.median(abs(e - t) for e, t in judged), 2)
        if judged else None,
        "median_abs_error_percent_of_pass": round(
            100 * statistics.median(abs(e - t) for e, t in judged) / duration, 1)
        if judged else None,
        "worst_ratio": round(max(ratio(e, t) for e, t in judged), 2) if judged else None,
    }


def hold_every_request(url: str, seconds: float) -> None:
    """The sandbox answers each request `seconds` late from now on (its admin route)."""
    base = url.removesuffix(ENDPOINT_PATH)
    httpx.post(f"{base}/_sandbox/faults",
               json={"mode": "delay", "delay": seconds, "times": 10**9}).raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.0,
                        help="seconds the sandbox holds each request (0: loopback as it is)")
    options = parser.parse_args()
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1,
                         page_size=options.page_size) as line, \
            tempfile.TemporaryDirectory() as temp:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        if options.latency:
            hold_every_request(line["url"], options.latency)
        duration, reports = record_pass(line["url"], credentials, Path(temp))
    print(orjson.dumps({"benchmark": "estimate", "objects": options.objects,
                        "latency_s": options.latency,
                        **figures(duration, reports)}).decode())


if __name__ == "__main__":
    main()
