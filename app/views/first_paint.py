"""The moment a window is first on the screen: what a cold start is measured to.

Kept apart from the views that need the whole app, so that `bench/cold_start.py`'s bare window
is measured with the very same test as the app's window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Calls `painted` once, after `widget`'s first paint has been handed out: the event loop's
    next turn, so that its children, painted in the same pass, are on the screen too."""

    def __init__(self, widget: QWidget, painted: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._painted = widget, painted
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False
