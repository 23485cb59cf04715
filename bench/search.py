"""How long the search takes from a keystroke to its results, at 100k objects.

    QT_QPA_PLATFORM=offscreen python bench/search.py --objects 100000

Syncs a store of that size from the sandbox once (as bench/main_page.py does, into its own
folder in the temp directory), then reuses it.
The queries are realistic ones drawn from the store itself: task, customer and equipment
numbers, phone numbers, name prefixes, street names, serial numbers, words with Danish letters
typed both ways ("Ålb", "aalb"), and one- to three-character prefixes. Each query is typed
character by character, and every keystroke counts:

- `session`: Session.search for the text typed so far (what the field runs per keystroke);
- `widget`: the key pressed in the real window's search field until its results model holds
  the new results (QTest.keyClick returns once the field has handled the key synchronously).

It also times the upgrade of a store from schema 5, which builds the index from the stored
objects (`--upgrade` only, since it copies the store). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
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
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.composition import build_core, memory_connection
from app.core.searchable import SEARCHED_KINDS
from app.db import Store
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.session import Session
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper
from bench.main_page import OFFLINE, ensure_store

SHORT = ["a", "s", "k", "1", "ma", "he", "20", "ves", "kir", "ål", "ø"]


def queries(store: Store) -> list[str]:
    """Typed texts taken from the store: what a technician looks for in a day."""
    def one(sql: str, offset: int = 0) -> str:
        row = store.database.execute_sql(f"{sql} LIMIT 1 OFFSET {offset}").fetchone()
        return str(row[0]) if row and row[0] else ""

    def json(kind: str, key: str, share: float) -> str:
        """The field of the object `share` of the way through the kind's stored objects."""
        count = store.database.execute_sql(f"SELECT count(*) FROM {kind}").fetchone()[0]
        return one(f"SELECT json_extract(data, '$.{key}') FROM {kind} "
                   f"WHERE json_extract(data, '$.{key}') != '' ORDER BY id", int(count * share))

    task_number = json("todo", "number", 0.6)
    customer = json("customer", "name", 0.3)
    street = json("customer", "address", 0.7).split(" ")[0]
    person = json("person", "firstname", 0.2)
    last = json("person", "lastname", 0.2)
    phone = json("customer", "phone", 0.1)
    email = json("person", "email", 0.5)
    serial = json("tool", "serialnumber", 0.9)
    danish = one("SELECT city FROM customer WHERE city LIKE '%å%' OR city LIKE '%ø%'"
                 " OR city LIKE '%æ%'")
    typed = [
        task_number, task_number.split("-")[-1], json("tool", "number", 0.4),
        json("customer", "customernumber", 0.8),
        customer[:4], customer, street, f"{street} 1", f"{person} {last[:3]}",
        phone, phone.replace(" ", "")[-8:][:5], email[:10], serial[:6],
        danish[:4], danish[:4].replace("å", "aa").replace("ø", "oe").replace("æ", "ae"),
        "Ålb", "aalb", "Søn", "Køben", "Århus",
        *SHORT,
    ]
    return [text for text in typed if text.strip()]


def keystrokes(texts: list[str]) -> list[str]:
    """Every prefix of every text, as the field sees them while it is typed."""
    return [text[:end] for text in texts for end in range(1, len(text) + 1)]


def time_session(session: Session, typed: list[str]) -> list[float]:
    timings = []
    for text in keystrokes(typed):
        started = time.perf_counter()
        session.search(text, limit_per_kind=8)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_widget(app: QApplication, window: MainWindow, typed: list[str]) -> list[float]:
    timings = []
    for text in typed:
        window.search.start("")
        app.processEvents()
        for character in text:
            started = time.perf_counter()
            QTest.keyClicks(window.search, character)
            timings.append((time.perf_counter() - started) * 1000)
            assert window.search.model.rowCount() > 0
        app.processEvents()
    return timings


def time_upgrade(folder: Path) -> tuple[float, int]:
    """Seconds to open a copy of the store as schema 5 left it (no index): the v6 step."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for name in ("fieldclient.sqlite3", "fieldclient.sqlite3-wal"):
            if (folder / name).exists():
                shutil.copy(folder / name, copy / name)
        with sqlite3.connect(copy / "fieldclient.sqlite3") as database:
            for kind in SEARCHED_KINDS:
                database.execute(f"DROP TABLE IF EXISTS search_{kind.value}")
            database.execute("PRAGMA user_version = 5")
        started = time.perf_counter()
        store = Store.in_dir(copy)
        seconds = time.perf_counter() - started
        objects = sum(store.objects.count(kind) for kind in SEARCHED_KINDS)
        store.close()
    return seconds, objects


def summary(timings: list[float]) -> dict[str, float | int]:
    ordered = sorted(timings)
    return {
        "keystrokes": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "worst_ms": round(ordered[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", type=Path, help="where the synced store is kept")
    parser.add_argument("--upgrade", action="store_true",
                        help="also time building the index of a schema-5 store")
    options = parser.parse_args()
    folder = options.store or (Path(tempfile.gettempdir())
                               / f"fieldclient-search-bench-{options.objects}")
    ensure_store(folder, options.objects)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    core = build_core(folder, memory_connection(folder, *OFFLINE))
    window = MainWindow.on(core.session, Bridge(), TaskKeeper(loop),
                        registry=BoxRegistry.installed())
    window.show()
    window.activateWindow()
    app.processEvents()
    try:
        typed = queries(core.store)
        objects = sum(core.store.objects.count(kind) for kind in SEARCHED_KINDS)
        time_session(core.session, typed)  # the store's pages in the cache, as in daily use
        session_ms = [ms for _ in range(options.repeat) for ms in time_session(core.session, typed)]
        widget_ms = [ms for _ in range(options.repeat) for ms in time_widget(app, window, typed)]
    finally:
        window.close()
        loop.run_until_complete(core.aclose())
        loop.close()
    result: dict[str, object] = {
        "benchmark": "search",
        "objects": options.objects,
        "searched_objects": objects,
        "queries": typed,
        "load_average": round(os.getloadavg()[0], 2),
        "session": summary(session_ms),
        "widget": summary(widget_ms),
    }
    if options.upgrade:
        seconds, upgraded = time_upgrade(folder)
        result["upgrade"] = {"seconds": round(seconds, 2), "objects": upgraded}
    print(orjson.dumps(result).decode())


if __name__ == "__main__":
    main()
