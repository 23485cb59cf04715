"""PySide6 reads the source of every module imported after it; the app tells it not to.

PySide6 replaces Python's `__import__` with its own, for its opt-in `from __feature__ import
snake_case, true_property`. After each import it calls `feature_imported(module)`, which reads
the module's whole source file (`inspect.getsource`, kept in `linecache`) to see whether it
says "PySide6": such a module is recorded as using Qt by its own names (select id 0, unless it
selected a feature itself), any other as one PySide may ignore (-1).

Field Client selects no feature, so every module is recorded as using Qt by its own names,
without reading it. A module that does select a feature (a third party's box plugin, say)
has recorded that selection while it was imported, and keeps it; a module after it still gets
Qt's own names, as PySide's reading would have given it. Read, the sources cost the start
about 27 ms of imports before the window's first paint (about half of all the window costs
over a bare one, bench/README.md), and the lines of every module imported later stay in
`linecache` for the life of the app: in the collector's full passes during a first sync, each
line walked while the sync's threads wait (bench/gui_stall.py).

`feature_imported` and `pyside_feature_dict` are not PySide's public API. If a later PySide6
names them otherwise, nothing is changed and PySide reads the sources as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

NO_FEATURE = 0  # PySide's select id of a module that uses Qt by its own names


def skip_source_scan() -> bool:
    """Make PySide6 record every module imported from now on as using Qt by its own names,
    without reading its source; whether it could (the app works the same either way, only
    slower to start)."""
    import PySide6.QtCore  # noqa: F401  (it installs the import hook and its feature module)

    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not isinstance(table, dict) or \
            not callable(getattr(feature, "feature_imported", None)):
        return False

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if name is not None:
            table.setdefault(name, NO_FEATURE)

    feature.feature_imported = feature_imported  # type: ignore[attr-defined]
    return True
