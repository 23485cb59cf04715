"""PySide6 reads the source of every module imported after it; the app tells it not to.

PySide6 replaces Python's `__import__` with its own, for its opt-in `from __feature__ import
snake_case, true_property`. After each import it calls `feature_imported(module)`, which reads
the module's whole source file (`inspect.getsource`, kept in `linecache`) to see whether it
says "PySide6" (then the module may select features; else PySide ignores it, id -1).

Field Client never selects a feature, so every module can be ignored without reading it. Read,
they cost the start about 30 ms of imports before the window's first paint (more than the
window's whole budget over a bare one, bench/README.md), and the lines of some 250 files stay
in `linecache` for the life of the app: in the collector's full passes during a first sync,
each list walked item by item while the sync's threads wait (bench/gui_stall.py).

`feature_imported` and `pyside_feature_dict` are not PySide's public API. If a later PySide6
names them otherwise, nothing is changed and PySide reads the sources as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

IGNORED = -1  # PySide's select id for "this module selects no feature"


def skip_source_scan() -> bool:
    """Make PySide6 ignore modules imported from now on without reading their source; whether
    it could (the app works the same either way, only slower to start)."""
    import PySide6.QtCore  # noqa: F401  (it installs the import hook and its feature module)

    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not isinstance(table, dict) or \
            not callable(getattr(feature, "feature_imported", None)):
        return False

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if name is not None:
            table.setdefault(name, IGNORED)

    feature.feature_imported = feature_imported  # type: ignore[attr-defined]
    return True
