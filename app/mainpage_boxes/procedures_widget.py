"""Procedures as titles that fold out: a click on a title shows its full text below it, a
second click folds it again. What is open stays open across a refresh (by procedure id)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.procedures import ProceduresContent
from app.mainpage_boxes.widget import LinesWidget


class ProceduresWidget(LinesWidget[ProceduresContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open: set[int] = set()
        self.titles: dict[int, QToolButton] = {}
        self.texts: dict[int, QLabel] = {}

    def show_content(self, content: ProceduresContent, context: BoxContext) -> None:
        layout = QVBoxLayout(self.fresh_lines())
        layout.setContentsMargins(0, 0, 0, 0)
        self._open &= {p.id for p in content.procedures}
        self.titles, self.texts = {}, {}
        for procedure in content.procedures:
            title = QToolButton(self.lines)
            title.setText(procedure.title)
            title.setCheckable(True)
            title.setAutoRaise(True)
            title.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            text = QLabel(procedure.text or self.tr("(no text)"), self.lines)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setContentsMargins(18, 0, 0, 6)
            title.toggled.connect(lambda shown, pid=procedure.id: self._fold(pid, shown))
            layout.addWidget(title)
            layout.addWidget(text)
            self.titles[procedure.id], self.texts[procedure.id] = title, text
            title.setChecked(procedure.id in self._open)
            self._fold(procedure.id, procedure.id in self._open)

    def _fold(self, procedure_id: int, shown: bool) -> None:
        self.texts[procedure_id].setVisible(shown)
        self.titles[procedure_id].setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        (self._open.add if shown else self._open.discard)(procedure_id)
