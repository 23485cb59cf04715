"""The description as a read-only text browser: as tall as the text up to MAX_LINES, then it
scrolls; links open in the system's browser or mail program."""

from __future__ import annotations

import math

from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.description import DescriptionContent
from app.mainpage_boxes.links import linked_html
from app.mainpage_boxes.widget import BoxWidget

MAX_LINES = 20  # taller than this, the text scrolls inside the box, not the whole page


class DescriptionWidget(BoxWidget[DescriptionContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("description")
        self.browser.setOpenExternalLinks(True)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.viewport().setAutoFillBackground(False)  # text on the box, not a field
        self.browser.document().documentLayout().documentSizeChanged.connect(self._fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    def show_content(self, content: DescriptionContent, context: BoxContext) -> None:
        self.browser.setHtml(linked_html(content.text))

    def _fit(self, size: QSizeF) -> None:
        """Grow with the text (its layout follows the width), up to MAX_LINES lines."""
        margins = 2 * (self.browser.frameWidth() + round(self.browser.document().documentMargin()))
        limit = MAX_LINES * self.browser.fontMetrics().lineSpacing()
        self.browser.setFixedHeight(min(math.ceil(size.height()), limit) + margins)
