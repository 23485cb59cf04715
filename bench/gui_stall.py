"""How long the GUI event loop stalls during an initial sync of the real window.

    QT_QPA_PLATFORM=offscreen python bench/gui_stall.py --objects 100000

Runs the desktop composition (qasync loop, main window, bridge, engine) against the sandbox in
its own process; as the app does, it starts the sync once the window has painted its lists. A
10 ms QTimer heartbeat records how late each tick fires while the sync runs; a late tick is
time the window could not paint or react. Prints one JSON object with the max and p99 lateness
in milliseconds, and the same less the time the window's thread waited for a CPU the machine
gave to other processes (`max_own_ms`, `p99_own_ms`, from Linux's schedstat): on a machine
shared with other work, the part of a stall that is the app's own (the window's thread busy, or
waiting for the interpreter lock held by the sync's threads).

`--callbacks` also times each callback the GUI thread runs during the sync (the event loop's
handles and the window's slots, wrapped here in the bench, never in the app) and lists those
that took over 5 ms, by name: how many, median and worst, and the CPU time the thread spent in
them (wall time far above CPU time is a wait, not work). The timing itself costs a little, so
the stall figures of such a run are not the ones to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.api import Credentials
from app.composition import build_core, memory_connection
from app.core.interpreter import settle_for_a_window
from app.core.kinds import Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.views.bridge import Bridge
from app.views.first_paint import next_paint
from app.views.main_window import MainWindow
from app.views.source_scan import skip_source_scan
from app.views.tasks import TaskKeeper
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300
HEARTBEAT_MS = 10
LATE_MS = 10.0  # ticks this late have the window thread's own CPU time reported
SLOW_CALLBACK_MS = 5.0
TIMED_SLOTS = ("on_progress", "on_status", "on_changes", "_update_tab_titles")


class CallbackTimes:
    """The GUI thread's callbacks that took over SLOW_CALLBACK_MS, by name."""

    def __init__(self) -> None:
        self.slow: dict[str, list[float]] = defaultdict(list)
        self.cpu: dict[str, list[float]] = defaultdict(list)

    def timed(self, name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return call(*args, **kwargs)
            finally:
                ms = (time.perf_counter() - started) * 1000
                if ms > SLOW_CALLBACK_MS:
                    self.slow[name].append(ms)
                    self.cpu[name].append((time.thread_time() - cpu) * 1000)
        return wrapper

    def install(self) -> None:
        """Wraps the loop's handles (named by their callback) and the window's slots."""
        original_run = asyncio.events.Handle._run
        times = self

        def run_handle(handle: asyncio.events.Handle) -> None:
            callback = handle._callback  # type: ignore[attr-defined]
            name = getattr(callback, "__qualname__", None) or type(callback).__qualname__
            owner = getattr(callback, "__self__", None)
            if name.endswith("Task.__step") or name.endswith("Task.__wakeup") or \
                    type(owner).__name__ == "Task":
                coro = owner.get_coro() if owner is not None else None
                name = f"task {getattr(coro, '__qualname__', coro)}"
            times.timed(f"handle {name}", original_run)(handle)

        asyncio.events.Handle._run = run_handle  # type: ignore[method-assign]
        for slot in TIMED_SLOTS:
            setattr(MainWindow, slot, self.timed(f"MainWindow.{slot}", getattr(MainWindow, slot)))

    def summary(self) -> dict[str, dict[str, float]]:
        return {name: {"count": len(ms), "median_ms": round(statistics.median(ms), 1),
                       "max_ms": round(max(ms), 1),
                       "cpu_median_ms": round(statistics.median(self.cpu[name]), 1),
                       "cpu_max_ms": round(max(self.cpu[name]), 1)}
                for name, ms in sorted(self.slow.items(), key=lambda item: -sum(item[1]))}


def waited_for_a_cpu_ms() -> float:
    """How long this thread has waited, runnable, for a CPU (Linux's schedstat; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as stat:
            return int(stat.read().split()[1]) / 1e6
    except OSError:
        return 0.0


class Heartbeat:
    """Records how late each tick fires, how much of that the window's thread spent waiting
    for a CPU the machine gave to others (`lateness - cpu_wait` is what the app itself held
    it back by), and, for ticks over LATE_MS late, the CPU time the thread itself used since
    the tick before: about the lateness or more, the thread was busy (Qt's layout and painting
    and the Python they call); far under it, it waited (for the interpreter lock)."""

    def __init__(self) -> None:
        self.lateness_ms: list[float] = []
        self.own_ms: list[float] = []
        self.late_cpu_ms: list[tuple[float, float]] = []  # (lateness, the thread's CPU)
        self._last = time.perf_counter()
        self._waited = waited_for_a_cpu_ms()
        self._cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now, waited, cpu = time.perf_counter(), waited_for_a_cpu_ms(), time.thread_time()
        late = max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS)
        self.lateness_ms.append(late)
        self.own_ms.append(max(0.0, late - (waited - self._waited)))
        if late > LATE_MS:
            self.late_cpu_ms.append((late, (cpu - self._cpu) * 1000))
        self._last, self._waited, self._cpu = now, waited, cpu

    def start(self) -> None:
        self._last, self._waited = time.perf_counter(), waited_for_a_cpu_ms()
        self._cpu = time.thread_time()
        self.timer.start()


async def run(url: str, credentials: Credentials, folder: Path,
              times: CallbackTimes | None, switch_interval: float | None) -> dict[str, Any]:
    bridge = Bridge()
    core = build_core(folder, memory_connection(folder, url, credentials),
                      on_changes=bridge.publish_changes, on_progress=bridge.publish_progress,
                      on_status=bridge.publish_status, timeout=60,
                      turn=bridge.turn)
    tasks = TaskKeeper(asyncio.get_running_loop())
    window = MainWindow.on(core.session, bridge, tasks, registry=BoxRegistry.installed())
    window.show()
    collections = settle_for_a_window()  # as app/desktop.py does once the window is up
    bridge.progress.connect(lambda progress: collections.heard(progress.running))
    await next_paint(window.list_views[Kind.TODO].viewport())  # and before it starts syncing
    if switch_interval is not None:
        sys.setswitchinterval(switch_interval)
    heartbeat = Heartbeat()
    heartbeat.start()
    started, window_cpu = time.perf_counter(), time.thread_time()
    result = await core.engine.run_pass()
    seconds, window_cpu = time.perf_counter() - started, time.thread_time() - window_cpu
    heartbeat.timer.stop()
    assert result.ok, result.errors
    window.close()
    await core.aclose()
    late = sorted(heartbeat.lateness_ms)
    own = sorted(heartbeat.own_ms)
    slow = {"slow_callbacks": times.summary()} if times else {}
    return {
        "sync_seconds": round(seconds, 2),
        # the window thread's own CPU during the sync: its share of the interpreter's work
        "window_cpu_seconds": round(window_cpu, 2),
        "ticks": len(late),
        "max_stall_ms": round(late[-1], 1),
        "p99_stall_ms": round(late[int(len(late) * 0.99) - 1], 1),
        "median_stall_ms": round(statistics.median(late), 2),
        "max_own_ms": round(own[-1], 1),
        "p99_own_ms": round(own[int(len(own) * 0.99) - 1], 1),
        # the window thread's CPU time between a late tick and the one before, against the
        # lateness: about 1 or more, the thread was busy; far under 1, it waited
        "late_ticks": len(heartbeat.late_cpu_ms),
        "late_ticks_cpu_per_late": round(
            sum(cpu for _, cpu in heartbeat.late_cpu_ms)
            / max(1e-9, sum(late for late, _ in heartbeat.late_cpu_ms)), 2),
        **slow,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--switch-interval", type=float, metavar="S",
                        help="the interpreter's switch interval instead of the app's")
    parser.add_argument("--callbacks", action="store_true",
                        help="list the GUI thread's callbacks over 5 ms")
    options = parser.parse_args()
    skip_source_scan()  # as the app does: what the session imports later is not read
    times = CallbackTimes() if options.callbacks else None
    if times:
        times.install()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with sandbox_process(scale=options.objects / OBJECTS_AT_SCALE_1, page_size=500) as line, \
            tempfile.TemporaryDirectory() as temp:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        figures = loop.run_until_complete(run(line["url"], credentials, Path(temp), times,
                                                 options.switch_interval))
        loop.close()
    print(orjson.dumps({"benchmark": "gui_stall", "objects": options.objects,
                        "heartbeat_ms": HEARTBEAT_MS, **figures}).decode())


if __name__ == "__main__":
    main()
