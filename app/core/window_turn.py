"""The window's turn: a moment in which the sync's threads leave the interpreter to the window.

The window's thread shares the interpreter lock with the sync's response decoder and store
writer. When it brings a list in line with a sync's changes and repaints it, Qt calls into
Python hundreds of times (a cell's data, the row and column counts), and each call must get
the lock back from whichever sync thread took it meanwhile: 10 ms of work stretched to 15 to 27
(bench/README.md, gui_stall.py). So the window takes its turn before such a refresh and gives
it back when the repaint should be over (the bridge's WINDOW_TURN_MS); the decoder and the
writer wait for it before each piece of work they begin. What they are doing already, they finish.

A piece of work waits at most `MAX_WAIT_S`: a turn never given back slows a sync, never
stops it. Qt-free: the bridge takes the turns, the store and the wire client wait for them.
An event loop that does the sync's work (the wire's) cannot wait before each piece: it asks
to hear of each turn (`when_taken`) and waits there and then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

MAX_WAIT_S = 0.05


class WindowTurn:
    def __init__(self, max_wait: float = MAX_WAIT_S) -> None:
        self._free = threading.Event()
        self._free.set()
        self._max_wait = max_wait
        self._takers_told: list[Callable[[], None]] = []

    def when_taken(self, call: Callable[[], None]) -> None:
        """`call` (on the window's thread, at once: it must only hand the news on) with each
        turn taken."""
        self._takers_told.append(call)

    def take(self) -> None:
        """The window's thread: work begun from now on waits until `give_back`."""
        self._free.clear()
        for call in self._takers_told:
            call()

    def give_back(self) -> None:
        self._free.set()

    @property
    def taken(self) -> bool:
        return not self._free.is_set()

    def wait(self) -> None:
        """A sync thread, before a piece of work: until the window is done, at most
        `max_wait` seconds."""
        self._free.wait(self._max_wait)
