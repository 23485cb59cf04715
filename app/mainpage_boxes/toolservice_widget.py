"""The service interval and dates as a small form, the next date red when overdue, and the
*Start service* button, which acts through the outbox."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.toolservice import ToolServiceContent
from app.mainpage_boxes.widget import BoxWidget

OVERDUE_COLOUR = "#c62828"  # red that reads on the light and the dark palette


def _day(value: date | None) -> str:
    """"2 Dec 2026" in the window's language and its names of months."""
    if value is None:
        return QCoreApplication.translate("ToolServiceWidget", "not recorded")
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


class ToolServiceWidget(BoxWidget[ToolServiceContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = QLabel(self)
        self.type.setTextFormat(Qt.TextFormat.PlainText)  # the server's title
        self.period = QLabel(self)
        self.last = QLabel(self)
        self.next = QLabel(self)
        waiting = self.tr("Service started: waiting to be sent")
        self.pending = QLabel(f"<i>{waiting}</i>", self)
        self.button = QPushButton(self.tr("Start service"), self)
        self.button.clicked.connect(self._start)
        self.form = QFormLayout()
        form = self.form
        form.addRow(self.tr("Equipment type:"), self.type)
        form.addRow(self.tr("Service interval:"), self.period)
        form.addRow(self.tr("Last service:"), self.last)
        form.addRow(self.tr("Next service:"), self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.pending)
        layout.addWidget(self.button)
        self._context: BoxContext | None = None

    def show_content(self, content: ToolServiceContent, context: BoxContext) -> None:
        self._context = context
        self.type.setText(content.type_title)
        self.form.setRowVisible(self.type, bool(content.type_title))
        self.period.setText(content.period or self.tr("none"))
        self.last.setText(_day(content.last))
        due = f"<br>{content.due}" if content.due else ""  # under the date
        colour = f' style="color: {OVERDUE_COLOUR}; font-weight: bold"' if content.overdue else ""
        self.next.setText(f"<span{colour}>{_day(content.next)}{due}</span>")
        self.pending.setVisible(content.pending)
        self.button.setEnabled(content.can_start)

    def _start(self) -> None:
        if self._context is not None:
            self.hooks.run(self._context.session.actions.start_service(self._context.object_id))
