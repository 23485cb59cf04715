"""Re-emits the sync layer's plain callbacks as Qt signals for models and widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.changes import ChangeSet
from app.sync.progress import SyncProgress


class Bridge(QObject):
    changes = Signal(object)  # ChangeSet
    progress = Signal(object)  # SyncProgress

    def publish_changes(self, changes: ChangeSet) -> None:
        self.changes.emit(changes)

    def publish_progress(self, progress: SyncProgress) -> None:
        self.progress.emit(progress)
