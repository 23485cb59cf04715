"""The checklist as check boxes: enabled only while checked in on the task, each click ticks or
unticks through the session's actions (the page runs it); a line below says why they are
greyed out, or that the ticks wait to be sent with the check-out."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.checklist import ChecklistContent
from app.mainpage_boxes.widget import LinesWidget


class ChecklistWidget(LinesWidget[ChecklistContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setObjectName("checklistNote")
        self.note.setWordWrap(True)
        self.column.addWidget(self.note)
        self.boxes: dict[int, QCheckBox] = {}

    def show_content(self, content: ChecklistContent, context: BoxContext) -> None:
        # A new set of check boxes each time: the task's checkpoints may have changed.
        layout = QVBoxLayout(self.fresh_lines())
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for line in content.checkpoints:
            box = QCheckBox(line.title, self.lines)
            box.setChecked(line.ticked)
            box.setEnabled(content.tickable)
            box.setToolTip(line.description or content.note)
            # `clicked`, not `toggled`: only the technician's click acts, never a refresh.
            box.clicked.connect(
                lambda ticked, checkpoint=line.id: self.hooks.run(
                    context.session.actions.tick_checkpoint(checkpoint, ticked)))
            layout.addWidget(box)
            self.boxes[line.id] = box
        self.note.setText(content.note)
        self.note.setVisible(bool(content.note))
