"""Cold start to a painted window, against a bare PySide6 window, measured in the same run.

    QT_QPA_PLATFORM=offscreen python bench/cold_start.py --objects 100000 --repeat 11 \
        --before /tmp/start-before

1. Starts the sandbox in its own process, signs in with `fieldclient login` (the secrets kept by
   the test keyring, tests/file_keyring.py, as the OS keyring would keep them) and fills the
   store with `fieldclient sync`; then stops the sandbox: a start must not need the server.
2. Alternates, --repeat times each: `fieldclient --data-dir D --quit-when-shown` (the app's own
   start, the saved account, the store of that size) and this script's `--bare-window` (Python,
   PySide6, a QMainWindow shown). Each prints when its window was first painted (the same
   test, app/views/first_paint.py); the figure is that moment less the moment the process was
   started. The app prints a second moment: when the task list was first painted with its
   rows from the store. Two figures, then: the window there (`app_seconds`, its first paint)
   and the window usable (`usable_seconds`, the list's rows painted), each against the bare
   window. An app that prints one moment (a tree from before the shell was painted first)
   painted its rows with its first paint: both figures are that one. Bytecode is written (to a
   cache in the temp folder) by a first start of each that is not counted, as an installed app
   has it: this machine's PYTHONDONTWRITEBYTECODE=1 would otherwise make every start compile
   the app's sources again (about 0.25 s).
Prints one JSON object; `ratio` = the app's median / the bare window's median, `usable_ratio`
likewise for the window usable. The load average is printed with it (`os.getloadavg`, at the
start and at the end of the starts).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OBJECTS_AT_SCALE_1 = 5300  # as bench/sync_ingest.py


def bare_window() -> None:
    """A QApplication and an empty QMainWindow shown: the yardstick."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication, QMainWindow

    from app.views.first_paint import FirstPaint

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)

    def painted() -> None:
        print(time.time(), flush=True)
        app.quit()

    FirstPaint(window, painted)
    window.show()
    app.exec()


def timed(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Seconds from starting `command` to the first and the last moment it prints: its first
    paint, and (the app) its task list painted with rows."""
    started = time.time()
    finished = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                              timeout=30, check=True)
    moments = [float(word) for word in finished.stdout.split()]
    return moments[0] - started, moments[-1] - started


def _figures(name: str, starts: list[tuple[float, float]], bare: float) -> dict[str, object]:
    """Medians, ranges and ratios to the bare window of both moments."""
    shown, usable = [start[0] for start in starts], [start[1] for start in starts]
    prefix = "" if name == "app" else f"{name}_"
    return {
        f"{name}_seconds": round(statistics.median(shown), 3),
        f"{name}_min_max": [round(min(shown), 3), round(max(shown), 3)],
        f"{prefix}ratio": round(statistics.median(shown) / bare, 2),
        f"{prefix}usable_seconds": round(statistics.median(usable), 3),
        f"{prefix}usable_min_max": [round(min(usable), 3), round(max(usable), 3)],
        f"{prefix}usable_ratio": round(statistics.median(usable) / bare, 2),
    }


def prepare(data_dir: Path, env: dict[str, str], objects: int) -> int:
    """A signed-in store of about `objects` objects; the sandbox is gone afterwards."""
    sys.path.insert(0, str(ROOT))
    from bench._sandbox_process import sandbox_process

    with sandbox_process(scale=objects / OBJECTS_AT_SCALE_1, page_size=500) as line:
        secrets = {"FIELDCLIENT_PASSWORD": line["password"], "FIELDCLIENT_APIKEY": line["apikey"]}
        folder = ["--data-dir", str(data_dir)]  # after the command, whose options win
        subprocess.run([sys.executable, "-m", "app", "login", *folder, "--server", line["url"],
                        "--contract", line["contract"], "--username", line["username"]],
                       env={**env, **secrets}, check=True, capture_output=True)
        synced = subprocess.run([sys.executable, "-m", "app", "sync", *folder, "--json"],
                                env=env, check=True, capture_output=True, text=True)
    return int(sum(json.loads(synced.stdout)["counts"].values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7, help="starts of each; medians")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="also time the app of this tree (`git archive C | tar -x -C DIR`), "
                             "alternating with the others")
    parser.add_argument("--bare-window", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.bare_window:
        bare_window()
        return
    with tempfile.TemporaryDirectory() as temp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
               "FIELDCLIENT_TEST_KEYRING": str(Path(temp) / "keyring.json"),
               # compiled once, as an installed app is: not the source compiled at each start
               "PYTHONPYCACHEPREFIX": str(Path(temp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        data_dir = Path(temp) / "data"
        data_dir.mkdir()
        stored = prepare(data_dir, env, options.objects)
        app_command = [sys.executable, "-m", "app", "--data-dir", str(data_dir),
                       "--quit-when-shown"]
        bare_command = [sys.executable, str(Path(__file__).resolve()), "--bare-window"]
        timed(app_command, env)  # the first start after a sync reads a cold file cache,
        timed(bare_command, env)  # and each writes its bytecode
        before_env = {**env, "PYTHONPATH": str(options.before)} if options.before else env
        if options.before:
            timed(app_command, before_env, options.before)
        apps: list[tuple[float, float]] = []
        befores: list[tuple[float, float]] = []
        bares: list[float] = []
        load = [round(os.getloadavg()[0], 2)]
        for _ in range(options.repeat):
            apps.append(timed(app_command, env))
            bares.append(timed(bare_command, env)[0])
            if options.before:
                befores.append(timed(app_command, before_env, options.before))
        load.append(round(os.getloadavg()[0], 2))
    bare = statistics.median(bares)
    ratios = [a[0] / b for a, b in zip(apps, bares, strict=True)]
    print(json.dumps({
        "benchmark": "cold_start",
        "objects_stored": stored,
        "runs": options.repeat,
        **_figures("app", apps, bare),
        "ratio_min": round(min(ratios), 2),
        "ratio_max": round(max(ratios), 2),
        "bare_seconds": round(bare, 3),
        "bare_min_max": [round(min(bares), 3), round(max(bares), 3)],
        **(_figures("before", befores, bare) if befores else {}),
        "load_average": load,
    }))

if __name__ == "__main__":
    main()
