"""Reminders, one per line with *Done* and *Postpone* (a menu of delays), then the calls.

Both buttons act through the session's actions (the page runs them); a reminder whose
postponement waits in the outbox says so instead of offering the buttons again.
"""

from __future__ import annotations

from datetime import date, time
from html import escape

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

DONE = "Done"
DONE_TIP = "Mark the reminder as done"
POSTPONE = "Postpone"
POSTPONE_BY = (("15 minutes", 15), ("1 hour", 60), ("1 day", 24 * 60), ("1 week", 7 * 24 * 60))
OVERDUE = "overdue"
SET_UP_BY = "set up by {name}"
CALLS = "Calls"
NO_DATE = "no date"
CALL_LINE = "Call {person}"


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
            header = QLabel(f"<b>{CALLS}</b>", self.lines)
            grid.addWidget(header, row, 0, 1, 3)
            for offset, call in enumerate(content.calls, start=1):
                line = QLabel(_call_html(call), self.lines)
                line.setWordWrap(True)
                grid.addWidget(line, row + offset, 0, 1, 3)
                self.calls.append(line)

    def _done_button(self, stodo_id: int, context: BoxContext) -> QPushButton:
        button = QPushButton(DONE, self.lines)
        button.setToolTip(DONE_TIP)
        button.clicked.connect(
            lambda: self.hooks.run(context.session.actions.accept_reminder(stodo_id)))
        return button

    def _postpone_button(self, stodo_id: int, context: BoxContext) -> QToolButton:
        button = QToolButton(self.lines)
        button.setText(POSTPONE)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for label, minutes in POSTPONE_BY:
            action = QAction(label, menu)
            action.triggered.connect(
                lambda _checked=False, by=minutes: self.hooks.run(
                    context.session.actions.postpone_reminder(stodo_id, by)))
            menu.addAction(action)
        button.setMenu(menu)
        return button


def _reminder_html(reminder: Reminder) -> str:
    when = _when(reminder.date, reminder.time)
    if reminder.overdue:
        when = f'<span style="color:#b00020">{when}, {OVERDUE}</span>'
    details = [when] + ([SET_UP_BY.format(name=escape(reminder.set_up_by))]
                        if reminder.set_up_by else [])
    html = f"{escape(reminder.description)}<br><small>{' · '.join(details)}</small>"
    if reminder.waiting:
        html += f"<br><small><i>{reminder.waiting}</i></small>"
    return html


def _call_html(call: Call) -> str:
    when = _when(call.calltime.date(), call.calltime.time()) if call.calltime else NO_DATE
    return f"{CALL_LINE.format(person=escape(call.persontext))}<br><small>{when}</small>"


def _when(day: date | None, moment: time | None) -> str:
    if day is None:
        return NO_DATE
    text = day.strftime("%a %d %b %Y")
    return f"{text} {moment.strftime('%H:%M')}" if moment else text

