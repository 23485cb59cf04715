"""Running the whole app in the test's process as `fieldclient` does (`run_desktop`, its own
event loop), with Qt timers acting on its windows as a person would."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from app.testkit.dialogs import message_box, visible
from app.views.main_window import MainWindow


def startup_message() -> QMessageBox | None:
    """The message the app shows when it cannot start (or starts with a question)."""
    return message_box("startup-message")


def main_window() -> MainWindow | None:
    """The app's main window once it is there to use: shown and given its session (a start
    paints it first and gives it the session a moment later, app/desktop.py)."""
    window = visible(MainWindow)
    return window if window is not None and window.attached else None


@contextlib.contextmanager
def while_running(step: Callable[[], None], limit_s: float = 30) -> Iterator[None]:
    """Call `step` every 50 ms while the app runs its loop; stop that loop after `limit_s`, so
    a start that hangs fails here rather than at the suite's timeout."""
    ticker, watchdog = QTimer(), QTimer()
    ticker.timeout.connect(step)
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: asyncio.get_event_loop().stop())
    ticker.start(50)
    watchdog.start(int(limit_s * 1000))
    try:
        yield
    finally:
        ticker.stop()
        watchdog.stop()


class Script:
    """What a person does, in order: each step waits until its `look` finds something, then
    `act`s on it once. `while_running(script)` plays it; `done` says whether it got through,
    `at` which step it stopped otherwise."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], Any], Callable[[Any], None]]] = []
        self.at = 0

    def then(self, name: str, look: Callable[[], Any], act: Callable[[Any], None]) -> Script:
        self._steps.append((name, look, act))
        return self

    def __call__(self) -> None:
        if self.done:
            return
        _name, look, act = self._steps[self.at]
        if (found := look()) is not None and found is not False:
            self.at += 1
            act(found)

    @property
    def done(self) -> bool:
        return self.at == len(self._steps)

    @property
    def waiting_for(self) -> str:
        return "nothing" if self.done else self._steps[self.at][0]
