"""The moment a window is first on the screen: what a cold start is measured to.

Kept apart from the views that need the whole app, so that `bench/cold_start.py`'s bare window
is measured with the very same test as the app's window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# How long a start waits for a paint before it goes on regardless (a window minimised, or on a
# screen that does not paint it).
PAINT_LIMIT_MS = 2000


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


async def next_paint(widget: QWidget) -> None:
    """Until `widget` has been painted again (its pending layout and paint done): at once for
    one not shown, and at most PAINT_LIMIT_MS. A start lets the window paint what its
    session brought before the sync's threads compete with it for the interpreter."""
    import asyncio  # here: this module is imported before asyncio is (a start's first paint)
    import contextlib

    if not widget.isVisible():
        return
    painted = asyncio.Event()
    FirstPaint(widget, painted.set)
    widget.update()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(painted.wait(), PAINT_LIMIT_MS / 1000)
