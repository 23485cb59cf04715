"""Re-emits the sync layer's plain callbacks as Qt signals for models and widgets.

A sync commits a page every few milliseconds; refreshing the lists for each would keep the GUI
thread busy. Sync changes are therefore folded together and emitted at most every
COALESCE_MS; a technician's own change (initiator "user") goes out at once, and the end of a
pass brings what is pending with it.

Why half a second: a refresh repaints a screen of the shown list whatever it changed (Qt lays a
table out again on any row inserted), 6 to 15 ms of the window's thread while a first sync keeps
the machine busy. Ten a second were most of the window's ticks over 8 ms late during a first
sync; two a second leave the list growing visibly while the progress bar, which is not folded,
moves on (bench/README.md, gui_stall.py). A short pass is over before the half second.

While the lists take in a sync's changes and repaint, the window has its turn: the sync's
decoder and writer begin no new work for WINDOW_TURN_MS (app/core/window_turn.py).

A running sync's progress comes with every page too, some forty times a second, and redrawing
the progress bar, its tooltip and the set-up strip took a millisecond or more of the window's
thread each time. Each progress is the whole state, so only the latest matters: the first of
a burst goes out at once, then at most one every PROGRESS_MS, and the end of a pass at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.changes import ChangeSet
from app.core.window_turn import WindowTurn
from app.sync.notices import TaskNotice
from app.sync.progress import SyncProgress
from app.sync.status import SyncStatus

COALESCE_MS = 500
PROGRESS_MS = 100
# Long enough for the lists' refresh and, a loop's turn later, their repaint (MainWindow.
# on_changes): about 8 to 18 ms during a first sync (3-7 ms, 1 ms, 4-10 ms). A fixed time, not
# ended by the paint: a hidden list never paints.
WINDOW_TURN_MS = 20


class Bridge(QObject):
    changes = Signal(object)  # ChangeSet
    progress = Signal(object)  # SyncProgress
    status = Signal(object)  # SyncStatus
    notice = Signal(object)  # TaskNotice

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.turn = WindowTurn()  # for the store and the wire client to wait for
        self._pending: ChangeSet | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.flush)
        self._progress: SyncProgress | None = None  # the latest, not yet emitted
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._progress_timer.timeout.connect(self._emit_progress)

    def publish_changes(self, changes: ChangeSet) -> None:
        if changes.initiator == "user":
            self.flush()
            self._emit_changes(changes)
            return
        self._pending = changes if self._pending is None else self._pending.merged(changes)
        if not self._timer.isActive():
            self._timer.start()

    def publish_progress(self, progress: SyncProgress) -> None:
        if not progress.running:
            self.flush()  # the final counts arrive with "Up to date", never after it
            self._progress_timer.stop()
            self._progress = None
            self.progress.emit(progress)
            return
        self._progress = progress
        if not self._progress_timer.isActive():
            self._emit_progress()

    def _emit_progress(self) -> None:
        """The latest progress, if one came since the last; then quiet for PROGRESS_MS."""
        progress, self._progress = self._progress, None
        if progress is not None:
            self._progress_timer.start()
            self.progress.emit(progress)

    def publish_status(self, status: SyncStatus) -> None:
        self.status.emit(status)

    def publish_notice(self, notice: TaskNotice) -> None:
        self.notice.emit(notice)

    def flush(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending:
            self._emit_changes(pending)

    def _emit_changes(self, changes: ChangeSet) -> None:
        """To the lists, in the window's turn, given back WINDOW_TURN_MS later."""
        self.turn.take()
        self.changes.emit(changes)
        QTimer.singleShot(WINDOW_TURN_MS, self.turn.give_back)
