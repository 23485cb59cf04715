"""Reminders, one per line with *Done* and *Postpone* (a menu of delays), then the calls.

Both buttons act through the session's actions (the page runs them); a reminder whose
postponement waits in the outbox says so instead of offering the buttons again.
"""

from __future__ import annotations

from datetime import date, time
from html import escape
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.reminders import Call, Reminder, RemindersContent
from app.mainpage_boxes.widget import LinesWidget

# The delays Postpone offers: (label, minutes).
POSTPONE_BY = (
    (cast(str, QT_TRANSLATE_NOOP("RemindersWidget", "15 minutes")), 15),
    (cast(str, QT_TRANSLATE_NOOP("RemindersWidget", "1 hour")), 60),
    (cast(str, QT_TRANSLATE_NOOP("RemindersWidget", "1 day")), 24 * 60),
    (cast(str, QT_TRANSLATE_NOOP("RemindersWidget", "1 week")), 7 * 24 * 60),
)


class RemindersWidget(LinesWidget[RemindersContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done: dict[int, QPushButton] = {}
        self.postpone: dict[int, QToolButton] = {}
        self.texts: dict[int, QLabel] = {}
        self.calls: list[QLabel] = []

    def show_content(self, content: RemindersContent, context: BoxContext) -> None:
        grid = QGridLayout(self.fresh_lines())
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        self.done, self.postpone, self.texts, self.calls = {}, {}, {}, []
        for row, reminder in enumerate(content.reminders):
            text = QLabel(_reminder_html(reminder), self.lines)
            text.setWordWrap(True)
            grid.addWidget(text, row, 0)
            self.texts[reminder.id] = text
            if reminder.waiting:
                continue
            self.done[reminder.id] = self._done_button(reminder.id, context)
            self.postpone[reminder.id] = self._postpone_button(reminder.id, context)
            grid.addWidget(self.done[reminder.id], row, 1)
            grid.addWidget(self.postpone[reminder.id], row, 2)
        if content.calls:
            row = len(content.reminders)
            calls = self.tr("Calls")
            header = QLabel(f"<b>{calls}</b>", self.lines)
            grid.addWidget(header, row, 0, 1, 3)
            for offset, call in enumerate(content.calls, start=1):
                line = QLabel(_call_html(call), self.lines)
                line.setWordWrap(True)
                grid.addWidget(line, row + offset, 0, 1, 3)
                self.calls.append(line)

    def _done_button(self, stodo_id: int, context: BoxContext) -> QPushButton:
        button = QPushButton(self.tr("Done"), self.lines)
        button.setToolTip(self.tr("Mark the reminder as done"))
        button.clicked.connect(
            lambda: self.hooks.run(context.session.actions.accept_reminder(stodo_id)))
        return button

    def _postpone_button(self, stodo_id: int, context: BoxContext) -> QToolButton:
        button = QToolButton(self.lines)
        button.setText(self.tr("Postpone"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for label, minutes in POSTPONE_BY:
            action = QAction(self.tr(label), menu)
            action.triggered.connect(
                lambda _checked=False, by=minutes: self.hooks.run(
                    context.session.actions.postpone_reminder(stodo_id, by)))
            menu.addAction(action)
        button.setMenu(menu)
        return button


def _reminder_html(reminder: Reminder) -> str:
    when = _when(reminder.date, reminder.time)
    if reminder.overdue:
        overdue = QCoreApplication.translate("RemindersWidget", "{when}, overdue")
        when = f'<span style="color:#b00020">{overdue.format(when=when)}</span>'
    set_up_by = QCoreApplication.translate("RemindersWidget", "set up by {name}")
    details = [when] + ([set_up_by.format(name=escape(reminder.set_up_by))]
                        if reminder.set_up_by else [])
    html = f"{escape(reminder.description)}<br><small>{' · '.join(details)}</small>"
    if reminder.waiting:
        html += f"<br><small><i>{reminder.waiting}</i></small>"
    return html


def _call_html(call: Call) -> str:
    moment = call.calltime
    when = _when(moment.date(), moment.time()) if moment else _when(None, None)
    line = QCoreApplication.translate("RemindersWidget", "Call {person}")
    return f"{line.format(person=escape(call.persontext))}<br><small>{when}</small>"


def _when(day: date | None, moment: time | None) -> str:
    """"Wed 2 Dec 2026 09:30" in the window's language and its names of days and months."""
    if day is None:
        return QCoreApplication.translate("RemindersWidget", "no date")
    locale = QLocale()
    text = locale.toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
    if moment is None:
        return text
    return f"{text} {locale.toString(QTime(moment.hour, moment.minute), 'HH:mm')}"

