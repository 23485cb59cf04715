"""Settings (Tools → Settings…, Ctrl+,): how often to sync, photos on a metered connection,
background sync, task notices, the log level, the language, and where the data is.

Each choice is stored at once (app/sync/preferences.py) and takes effect at once where it can:
the scheduler's timer, the root logger, the sender's photos, the notices; the language at once
for dates, numbers and what opens next, and the window opens again in it (app/desktop.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.sync.keys import LANGUAGE_KEY
from app.sync.preferences import LOG_LEVELS, Preferences
from app.sync.session import Session
from app.views.language import LANGUAGES, SYSTEM, Language
from app.views.sync_pages import set_background_sync
from app.views.tasks import TaskKeeper

MIN_INTERVAL, MAX_INTERVAL = 1, 240  # minutes


def follow_language(language: Language, preferences: Preferences,
                    shown: Callable[[], None] = lambda: None) -> None:
    """Show the language chosen in Settings, now and whenever it is chosen again: dates and
    numbers and what opens next follow at once; `shown` is called when the language on the
    screen changes (the app then opens the window again in it). "English" chosen on an English
    system changes nothing on the screen, and calls nothing."""
    language.use(preferences.language)

    def changed(key: str) -> None:
        if key == LANGUAGE_KEY:
            before = language.code
            if language.use(preferences.language) != before:
                shown()

    preferences.watch(changed)


def _language_names() -> dict[str, str]:
    """Each language in its own words (as a chooser shows them), after the system's."""
    return {SYSTEM: QCoreApplication.translate("Settings", "As the system"), **LANGUAGES}


def _level_names() -> dict[str, str]:
    return {
        "DEBUG": QCoreApplication.translate("Settings", "Everything (for support)"),
        "INFO": QCoreApplication.translate("Settings", "Normal"),
        "WARNING": QCoreApplication.translate("Settings", "Warnings and errors"),
        "ERROR": QCoreApplication.translate("Settings", "Errors only"),
    }


class SettingsDialog(QDialog):
    def __init__(self, session: Session, tasks: TaskKeeper, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("{app}: settings").format(app=APP_NAME))
        self._controls = session.controls
        self._preferences = session.controls.preferences
        self._tasks = tasks
        self._folder = session.data_folder

        self.interval = QSpinBox()
        self.interval.setRange(MIN_INTERVAL, MAX_INTERVAL)
        self.interval.setSuffix(self.tr(" min"))
        self.metered = QCheckBox(self.tr("&Photos wait while the connection is metered "
                                         "(mobile data)"))
        self.background = QCheckBox(self.tr("Keep synchronising in the &background (stay in "
                                            "the tray, start with Windows)"))
        self.notices = QCheckBox(self.tr("Tell me when the office changes my &tasks"))
        self.log_level = QComboBox()
        for level in LOG_LEVELS:
            self.log_level.addItem(_level_names()[level], level)
        self.language = QComboBox()
        for code, name in _language_names().items():
            self.language.addItem(name, code)
        self.folder = QLineEdit(str(self._folder))
        self.folder.setObjectName("data-folder")
        self.folder.setReadOnly(True)
        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.clicked.connect(self._open_folder)
        self.show_current()

        form = QFormLayout()
        form.addRow(self.tr("&Sync every:"), self.interval)
        form.addRow("", self.metered)
        form.addRow("", self.background)
        form.addRow("", self.notices)
        form.addRow(self.tr("&Log:"), self.log_level)
        form.addRow(self.tr("L&anguage:"), self.language)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        folder_label = QLabel(self.tr("&Data folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Wired after showing the stored values, so showing them does not store them again.
        self.interval.valueChanged.connect(
            lambda minutes: self._save(self._preferences.set_sync_interval_minutes(minutes)))
        self.metered.toggled.connect(
            lambda wait: self._save(self._preferences.set_photos_wait_on_metered(wait)))
        self.background.toggled.connect(
            lambda allowed: self._save(set_background_sync(self._controls, allowed)))
        self.notices.toggled.connect(
            lambda shown: self._save(self._preferences.set_task_notices(shown)))
        self.log_level.currentIndexChanged.connect(
            lambda _index: self._save(self._preferences.set_log_level(
                self.log_level.currentData())))
        self.language.currentIndexChanged.connect(self._language_chosen)

    def show_current(self) -> None:
        """The stored choices, as the dialog opens."""
        preferences = self._preferences
        self.interval.setValue(round(preferences.sync_interval_minutes))
        self.metered.setChecked(preferences.photos_wait_on_metered)
        self.background.setChecked(preferences.background_sync is True)
        self.notices.setChecked(preferences.task_notices)
        level = preferences.log_level or logging.getLevelName(logging.getLogger().level)
        index = self.log_level.findData(level)  # the root's may be one not offered here
        self.log_level.setCurrentIndex(index if index >= 0 else self.log_level.findData("INFO"))
        self.language.setCurrentIndex(self.language.findData(preferences.language))

    def _language_chosen(self, _index: int) -> None:
        self._save(self._preferences.set_language(str(self.language.currentData())))

    def _save(self, change: Coroutine[Any, Any, None]) -> None:
        self._tasks.start(change)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
