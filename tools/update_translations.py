"""Collect the visible strings of the views and boxes into the Danish .ts, and compile it.

    python tools/update_translations.py            # after changing visible text
    python tools/update_translations.py --check    # exit 1 when a string lacks Danish

Existing translations are kept (lupdate merges); new strings come in "unfinished" until a
translator fills them in (Qt Linguist: `pyside6-linguist app/views/translations/…ts`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The views and boxes, and the texts the Qt-free layers mark for them (app/core/texts.py).
SOURCES = [ROOT / "app" / "views", ROOT / "app" / "mainpage_boxes", ROOT / "app" / "desktop.py",
           ROOT / "app" / "sync", ROOT / "app" / "core"]
TS_FILE = ROOT / "app" / "views" / "translations" / "fieldclient_da.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def sources() -> list[str]:
    found: list[Path] = []
    for place in SOURCES:
        found += sorted(place.rglob("*.py")) if place.is_dir() else [place]
    return [str(path) for path in found]


def qt_tool(name: str) -> str:
    """A PySide6 tool beside this Python (a venv's bin folder need not be on PATH)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def lupdate(ts_file: Path) -> None:
    subprocess.run([qt_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources(),
                    "-ts", str(ts_file)], check=True, capture_output=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                   check=True, capture_output=True)


def missing(ts_file: Path) -> list[str]:
    """The source strings of `ts_file` without a finished Danish translation."""
    tree = ET.parse(ts_file)
    return [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not ("".join(translation.itertext())).strip()
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as temp:
            copy = Path(temp) / TS_FILE.name
            copy.write_bytes(TS_FILE.read_bytes())
            lupdate(copy)
            lacking = missing(copy)
        for line in lacking:
            print(line)
        return 1 if lacking else 0
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    lacking = missing(TS_FILE)
    print(f"{TS_FILE.name}: {len(lacking)} strings without Danish")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
