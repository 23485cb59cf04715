"""A task notice (app/sync/notices.py) in the window's language: its title and its text with
the task's own words filled in after translating."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.sync.notices import TaskNotice


def notice_texts(notice: TaskNotice) -> tuple[str, str]:
    """(title, text) as the tray's message or the status bar shows them."""
    title = QCoreApplication.translate("TaskNotice", notice.title)
    text = QCoreApplication.translate("TaskNotice", notice.text).format(**notice.values)
    return title, text
