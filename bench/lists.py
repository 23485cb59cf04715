"""How a list of 100,000 rows answers: a sort change, a filter change, and a scroll to the end.

    QT_QPA_PLATFORM=offscreen python bench/lists.py --rows 100000 --repeat 5

The store is the one bench/main_page.py syncs from the sandbox (about 100,000 objects of all
kinds, kept between runs), copied once into its own folder where the task and customer
tables are grown to `--rows` rows each by copying their synced rows under new ids (a synced
store of 100,000 *tasks* would take a sandbox of 900,000 objects). Then the real window
shows the task list, and each run times, through the real model and view, until the first
screen of rows is painted:

- sort: a header click on each of four columns (No., Title, Customer — no index — and
  Deadline, indexed), each both ways;
- filter: each task filter picked in turn (my tasks, today, this week, overdue, planned,
  pool tasks of my teams, in a state), then All again, and "near me" on the customers;
- refresh: a sync's ChangeSet of 2,000 changed tasks (as a first sync's fold brings), applied
  to the list sorted by Deadline (indexed) and by Title (not), until painted;
- scroll: from the top to the last row with the scroll bar (the view fetches a batch of
  256 each time it reaches the end), in total and per step.

Prints one JSON object: the median and the worst of all sorts and of all filters, and of each
change on its own ([median, worst]) over `--repeat` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.composition import build_core, memory_connection
from app.core.changes import ChangeSet
from app.core.kinds import LISTED_KINDS, Kind
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.listing import ListChoice
from app.views.bridge import Bridge
from app.views.main_window import MainWindow
from app.views.tasks import TaskKeeper
from bench.main_page import OFFLINE, ensure_store

GROWN = (Kind.TODO, Kind.CUSTOMER)
SORTS = ("number", "title", "customertext", "enddate")
TASK_FILTERS = ("mine", "today", "week", "overdue", "planned", "pool", "state", "all")


def grow(source: Path, folder: Path, rows: int) -> None:
    """A copy of the synced store whose task and customer tables hold `rows` rows each."""
    if (folder / "done").exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(source / "fieldclient.sqlite3", folder / "fieldclient.sqlite3")
    database = sqlite3.connect(folder / "fieldclient.sqlite3")
    with database:
        for kind in GROWN:
            table = kind.value
            count, top = database.execute(f'SELECT count(*), max(id) FROM "{table}"').fetchone()
            columns = [row[1] for row in database.execute(f'PRAGMA table_info("{table}")')]
            others = ", ".join(f'"{name}"' for name in columns if name != "id")
            copy = 1
            while count < rows:
                database.execute(
                    f'INSERT INTO "{table}" (id, {others}) SELECT id + ?, {others} '
                    f'FROM "{table}" WHERE id <= ? LIMIT ?',
                    (copy * top, top, rows - count))
                count = database.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                copy += 1
    database.close()
    (folder / "done").write_text("grown\n")


def timed(app: QApplication, view: QTableView, change: Callable[[], None]) -> float:
    """Milliseconds from the change to the first screen of rows painted."""
    app.processEvents()
    started = time.perf_counter()
    change()
    app.processEvents()
    view.repaint()
    return (time.perf_counter() - started) * 1000


def scroll_to_end(app: QApplication, view: QTableView) -> tuple[float, int]:
    """Milliseconds to the last row, dragging the scroll bar to the end each time the view
    has fetched; and how many steps it took."""
    model, bar = view.model(), view.verticalScrollBar()
    steps = 0
    started = time.perf_counter()
    while True:
        bar.setValue(bar.maximum())
        app.processEvents()
        view.repaint()
        steps += 1
        if not model.canFetchMore():
            break
    return (time.perf_counter() - started) * 1000, steps


def measure(app: QApplication, folder: Path, repeat: int) -> dict[str, list[float]]:
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    core = build_core(folder, memory_connection(folder, *OFFLINE))
    keeper = TaskKeeper(loop)
    window = MainWindow.on(core.session, Bridge(), keeper, registry=BoxRegistry.installed())
    window.resize(1280, 900)
    window.show()
    app.processEvents()
    timings: dict[str, list[float]] = {}
    tasks = window.models[Kind.TODO]
    states = [state.title for state in core.session.setup.task_states()]
    task_ids = [row[0] for row in core.session.rows(Kind.TODO, [], order_by="id", limit=10**7)]
    random.seed(12)

    def note(name: str, milliseconds: float) -> None:
        timings.setdefault(name, []).append(milliseconds)

    def runs() -> None:
        for _ in range(repeat):
            window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.TODO))
            view = window.tabs.currentWidget()
            assert isinstance(view, QTableView)
            tasks.set_choice(ListChoice("enddate"))
            for sort in SORTS:
                column = [c.name for c in tasks._columns].index(sort)
                for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                    note(f"sort {sort} {order.name[:-5].lower()}", timed(
                        app, view, lambda c=column, o=order, v=view: v.sortByColumn(c, o)))
            for name in TASK_FILTERS:
                note(f"filter {name}", timed(
                    app, view, lambda n=name: window.filter_bar.choose(n, states[0])))
            chosen = tasks.choice
            for sort in ("enddate", "title"):  # indexed, then not
                tasks.set_choice(ListChoice(sort))
                changed = ChangeSet.single(Kind.TODO, changed=random.sample(task_ids, 2000))
                note(f"refresh of 2000 changed tasks, by {sort}", timed(
                    app, view, lambda c=changed: tasks.refresh(c)))
            tasks.set_choice(chosen)  # the scroll below as before the refresh was measured
            total, steps = scroll_to_end(app, view)
            assert tasks.rowCount() == tasks.total, (tasks.rowCount(), tasks.total)
            note("scroll to the end (total)", total)
            note("scroll step (one batch)", total / steps)
            window.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.CUSTOMER))
            customers = window.tabs.currentWidget()
            assert isinstance(customers, QTableView)
            for name in ("near", "all"):
                note(f"customers {name}", timed(
                    app, customers, lambda n=name: window.filter_bar.choose(n)))

    try:
        runs()
    finally:
        loop.run_until_complete(keeper.cancel_all())
        window.close()
        loop.run_until_complete(core.aclose())
        loop.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", type=Path, help="the synced store of bench/main_page.py")
    options = parser.parse_args()
    temp = Path(tempfile.gettempdir())
    synced = options.store or temp / "fieldclient-bench-100000"
    ensure_store(synced, 100_000)
    folder = temp / f"fieldclient-bench-lists-{options.rows}"
    grow(synced, folder, options.rows)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    timings = measure(app, folder, options.repeat)
    counts = sqlite3.connect(folder / "fieldclient.sqlite3")
    rows = {kind.value: counts.execute(f'SELECT count(*) FROM "{kind.value}"').fetchone()[0]
            for kind in GROWN}
    print(orjson.dumps({
        "benchmark": "lists",
        "rows": rows,
        "repeat": options.repeat,
        "load_average": round(os.getloadavg()[0], 2),
        "sort_ms": _summary(v for k, v in timings.items() if k.startswith("sort")),
        "filter_ms": _summary(v for k, v in timings.items() if k.startswith("filter")),
        "ms": {name: [round(statistics.median(values), 1), round(max(values), 1)]
               for name, values in timings.items()},
    }).decode())


def _summary(groups: Iterable[list[float]]) -> dict[str, float]:
    every = [value for values in groups for value in values]
    return {"median": round(statistics.median(every), 1), "worst": round(max(every), 1)}


if __name__ == "__main__":
    main()
