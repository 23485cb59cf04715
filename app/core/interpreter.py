"""How the interpreter is set once a window is up, so that it answers while a sync runs.

The window's thread shares the interpreter lock with the sync's threads (the response decoder
and the store's writer). Two settings decide how long it can wait for the lock:

- the collector's full passes walk every object alive, tens of milliseconds at a large store's
  start-up size: what exists once the window is shown lives as long as the app, so it is frozen
  out of those passes;
- a thread running Python keeps the lock until another has waited the switch interval (5 ms
  by default) for it: a window that wants it back a few times within a tick of its event loop
  loses a multiple of that. The window's callbacks take about a millisecond of CPU each during
  a first sync, so a 1 ms interval keeps their wait near their work, at the cost of more hand-
  overs between the background threads (bench/README.md, gui_stall.py, has the figures).

A command-line sync has no window to keep answering and keeps the interpreter's defaults.
"""

from __future__ import annotations

import gc
import sys

WINDOW_SWITCH_INTERVAL_S = 0.001


def settle_for_a_window() -> None:
    """Called once the window is shown (app/desktop.py, and the benches that stand in for it)."""
    gc.freeze()
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL_S)
