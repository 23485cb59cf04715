"""Where the technician is, for what an action sends with it (a check-in, a check-out).

Qt Positioning gives the device's position where the system offers one (Windows location
services); where it does not (the module is missing, no source, no fix yet) an action sends
0, 0, which Microbizz records as "position unknown". Views take a `Locate` so tests and a page
can give another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

Locate = Callable[[], tuple[float, float]]
UNKNOWN = (0.0, 0.0)


class SystemPosition:
    """The system's last known position. The source is opened on the first ask (not when a
    page opens) and then kept updating, so the next ask has a fresh fix."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._source: Any = None
        self._opened = False

    def __call__(self) -> tuple[float, float]:
        source = self._open()
        if source is None:
            return UNKNOWN
        info = source.lastKnownPosition()
        if not info.isValid():
            return UNKNOWN
        coordinate = info.coordinate()
        return coordinate.latitude(), coordinate.longitude()

    def _open(self) -> Any:
        if not self._opened:
            self._opened = True
            try:
                from PySide6.QtPositioning import QGeoPositionInfoSource
            except ImportError:  # a PySide6 built without it: no position, not an error
                return None
            self._source = QGeoPositionInfoSource.createDefaultSource(self._parent)
            if self._source is not None:
                self._source.startUpdates()
        return self._source
