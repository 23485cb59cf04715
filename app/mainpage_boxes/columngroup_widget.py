"""A column group as a form: each column's title, and its value beside it (a link where it is
a phone number, an e-mail or a web address, which the system opens)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.columngroup import ColumnGroupContent
from app.mainpage_boxes.widget import BoxWidget


class ColumnGroupWidget(BoxWidget[ColumnGroupContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.values: list[QLabel] = []

    def show_content(self, content: ColumnGroupContent, context: BoxContext) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = []
        for line in content.lines:
            text = html.escape(line.text)
            value = QLabel(f'<a href="{html.escape(line.link)}">{text}</a>' if line.link
                           else text, self)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setOpenExternalLinks(True)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self.values.append(value)
            title = QLabel(line.title, self)
            title.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(title, value)
