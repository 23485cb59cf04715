"""How long a main page takes to open, from the keypress on a list row to the page painted.

    QT_QPA_PLATFORM=offscreen python bench/main_page.py --objects 100000 --repeat 5

The first run syncs a store of that size from the sandbox (in its own process) into `--store`
(by default a folder in the temp directory named for the size) and keeps it; later runs reuse
it. Then the real window (MainWindow with the installed box plugins, so every box type the
sandbox's page definitions use) opens the page of the first rows of each list with Enter, lays
it out and paints it synchronously, and goes back; each page `--repeat` times. Prints one JSON
object: median and worst milliseconds over all openings, and per kind.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson
import qasync
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from app.api import Credentials
from app.composition import build_core, memory_connection
from app.core.kinds import LISTED_KINDS, Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper
from bench._sandbox_process import sandbox_process

OBJECTS_AT_SCALE_1 = 5300
PAGES_PER_KIND = 5
# The store is read only here; the account just has to exist for the composition.
OFFLINE = ("http://127.0.0.1:9", Credentials("bench", "bench", "bench", "bench"))


def ensure_store(folder: Path, objects: int) -> None:
    """Sync a store of about `objects` objects into `folder` once; reuse it afterwards."""
    if (folder / "done").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    with sandbox_process(scale=objects / OBJECTS_AT_SCALE_1, page_size=500) as line:
        credentials = Credentials(line["contract"], line["apikey"], line["username"],
                                  line["password"])

        async def sync() -> None:
            core = build_core(folder, memory_connection(folder, line["url"], credentials),
                              timeout=120)
            try:
                result = await core.engine.run_pass()
                assert result.ok, result.errors
            finally:
                await core.aclose()

        asyncio.run(sync())
    (folder / "done").write_text("synced\n")


def measure(app: QApplication, folder: Path, repeat: int) -> dict[Kind, list[float]]:
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    bridge = Bridge()
    core = build_core(folder, memory_connection(folder, *OFFLINE))
    window = MainWindow.on(core.session, bridge, TaskKeeper(loop), registry=BoxRegistry.installed())
    window.show()
    window.activateWindow()  # shortcuts (Enter on a row) reach the active window only
    app.processEvents()
    timings: dict[Kind, list[float]] = {kind: [] for kind in LISTED_KINDS}
    try:
        for position, kind in enumerate(LISTED_KINDS):
            window.tabs.setCurrentIndex(position)
            view = window.tabs.currentWidget()
            assert isinstance(view, QTableView)
            model = window.models[kind]
            while model.rowCount() < PAGES_PER_KIND and model.canFetchMore():
                model.fetchMore()
            for row in range(PAGES_PER_KIND):
                for _ in range(repeat):
                    view.setCurrentIndex(model.index(row, 0))
                    view.setFocus()
                    app.processEvents()
                    started = time.perf_counter()
                    QTest.keyClick(view, Qt.Key.Key_Return)
                    app.processEvents()  # the layout requests the new page posted
                    window.repaint()  # painted, synchronously
                    timings[kind].append((time.perf_counter() - started) * 1000)
                    assert window.page is not None
                    window.go_back()
                    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        window.close()
        loop.run_until_complete(core.aclose())
        loop.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", type=Path,
                        help="where the synced store is kept between runs")
    options = parser.parse_args()
    folder = options.store or Path(tempfile.gettempdir()) / f"fieldclient-bench-{options.objects}"
    ensure_store(folder, options.objects)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    timings = measure(app, folder, options.repeat)
    every = [ms for values in timings.values() for ms in values]
    print(orjson.dumps({
        "benchmark": "main_page",
        "objects": options.objects,
        "openings": len(every),
        "load_average": round(os.getloadavg()[0], 2),  # other work on the machine meanwhile
        "median_ms": round(statistics.median(every), 1),
        "worst_ms": round(max(every), 1),
        "per_kind": {kind.value: {"median_ms": round(statistics.median(values), 1),
                                  "worst_ms": round(max(values), 1)}
                     for kind, values in timings.items()},
    }).decode())


if __name__ == "__main__":
    main()
