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
   started. The app prints two more moments: when the task list was first painted with rows
   from the store (the shell's first look, app/sync/first_look.py, or else its session's),
   and when it was painted with its session's rows (from then on a row opens). Three
   figures, then: the window there (`app_seconds`, its first paint), the window usable
   (`usable_seconds`, the list's rows painted) and the session there (`session_seconds`),
   each against the bare window. An app that prints one moment (a tree from before the shell
   was painted first) painted its rows with its first paint: all three are that one.
   Bytecode is written (to a cache in the temp folder) by a first start of each that is not
   counted, as an installed app has it: this machine's PYTHONDONTWRITEBYTECODE=1 would
   otherwise make every start compile the app's sources again (about 0.25 s).
Prints one JSON object; `ratio` = the app's median / the bare window's median, `usable_ratio`
and `session_ratio` likewise for the other two moments. The load average is printed with it
(`os.getloadavg`, at the start and at the end of the starts).
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


Start = tuple[float, float, float]  # the window there, its rows painted, its session's rows


def timed(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> Start:
    """Seconds from starting `command` to the moments it prints: its first paint ("window"),
    the task list first painted with rows ("rows": by the shell, or with the session) and
    with its session's rows ("session"). A tree from before the moments were named prints
    the first paint and the session's rows; the bare window prints its paint alone."""
    started = time.time()
    finished = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                              timeout=30, check=True)
    words = finished.stdout.split()
    if words and not words[0][0].isdigit():
        named = dict(zip(words[::2], map(float, words[1::2]), strict=True))
        there, session = named["window"], named["session"]
        rows = named.get("rows", session)
    else:
        there, session = float(words[0]), float(words[-1])
        rows = session
    return there - started, rows - started, session - started


def _figures(name: str, starts: list[Start], bare: float) -> dict[str, object]:
    """Medians, ranges and ratios to the bare window of the three moments."""
    prefix = "" if name == "app" else f"{name}_"
    figures: dict[str, object] = {}
    for moment, label in enumerate(("seconds", "usable_seconds", "session_seconds")):
        seconds = [start[moment] for start in starts]
        key = f"{name}_{label}" if moment == 0 else f"{prefix}{label}"
        figures[key] = round(statistics.median(seconds), 3)
        figures[key.replace("seconds", "min_max")] = [round(min(seconds), 3),
                                                      round(max(seconds), 3)]
        figures[key.replace("seconds", "ratio") if moment else f"{prefix}ratio"] = round(
            statistics.median(seconds) / bare, 2)
    return figures


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
        apps: list[Start] = []
        befores: list[Start] = []
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
