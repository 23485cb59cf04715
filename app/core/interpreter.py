"""How the interpreter is set once a window is up, so that it answers while a sync runs.

The window's thread shares the interpreter lock with the sync's threads (the response decoder
and the store's writer). Three settings decide how long it can wait for the lock:

- the collector's full passes walk every object alive, tens of milliseconds at a large store's
  start-up size: what exists once the window is shown lives as long as the app, so it is frozen
  out of those passes;
- during a first sync the full passes still walk the pages in flight between the decoder and
  the writer: one or two of 18-30 ms in a sync of 100,000 objects, each a stall of the window
  whichever thread it ran on. The interpreter never starts one by itself once the window is
  up; the window starts one when a pass has ended (`FullCollections`), when little is alive
  and nothing waits for the window (5-10 ms after a first sync). The young generations are
  collected as before: they hold the decoded pages' garbage, and most of it is theirs;
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
NEVER = 1 << 30  # middle-generation passes before the interpreter starts a full one itself


class FullCollections:
    """The collector's full passes, run between sync passes: `heard` is told whether a pass
    is running (each progress the window is shown), and collects once one has ended."""

    def __init__(self) -> None:
        self._running = False

    def heard(self, running: bool) -> None:
        if self._running and not running:
            gc.collect()
        self._running = running


def settle_for_a_window() -> FullCollections:
    """Called once the window is shown (app/desktop.py, and the benches that stand in for it);
    the caller tells the answer when sync passes run and end."""
    gc.freeze()
    young, middle, _oldest = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL_S)
    return FullCollections()
