"""The tray icon: the one indicator that most needs the user, with its count as a badge.

Where the desktop has no system tray, the window's status bar shows the same indicators.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from app import APP_NAME
from app.sync.notices import TaskNotice
from app.sync.status import Indicator, SyncStatus
from app.views.indicator_icons import IndicatorIcons, describe
from app.views.notice_text import notice_texts


class SyncTray(QObject):
    opened = Signal(object)  # Indicator | None: the one shown when the icon was clicked
    task_opened = Signal(int)  # the task of the notice that was clicked (0: the task list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: SyncStatus | None = None
        self._noticed = 0
        self._icons = IndicatorIcons()
        self._drawn: tuple[Indicator | None, str] = (None, "")  # what the icon shows
        self.icon = QSystemTrayIcon(self._icons.icon(None), self)
        self.icon.setToolTip(f"{APP_NAME}\n{describe(None)}")
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(lambda: self.task_opened.emit(self._noticed))

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def show_status(self, status: SyncStatus) -> None:
        self._shown = status
        drawn = (status.tray, status.badge(status.tray) if status.tray else "")
        if drawn != self._drawn:
            self.icon.setIcon(self._icons.icon(*drawn))
            self._drawn = drawn
        lines = [describe(active) for active in status.active] or [describe(None)]
        self.icon.setToolTip(f"{APP_NAME}\n" + "\n".join(lines))

    def notify(self, notice: TaskNotice) -> None:
        """A desktop notification; clicking it opens the task."""
        self._noticed = notice.todo_id
        title, text = notice_texts(notice)
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.opened.emit(self._shown.tray if self._shown else None)
