"""Who has the equipment (and since when), what waits to be sent, and the take / set-down
button, which acts through the outbox."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.tooltake import ToolTakeContent
from app.mainpage_boxes.widget import BoxWidget


class ToolTakeWidget(BoxWidget[ToolTakeContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = QLabel(self)
        self.pending = QLabel(self)  # what waits to be sent
        self.position = QLabel(self)  # which position the button sends
        self.position.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self._act)
        row = QHBoxLayout()
        row.addWidget(self.holder, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.pending)
        layout.addWidget(self.position)
        self._context: BoxContext | None = None
        self._content: ToolTakeContent | None = None

    def show_content(self, content: ToolTakeContent, context: BoxContext) -> None:
        self._content, self._context = content, context
        since = f" {content.since}" if content.since else ""
        self.holder.setText(f"<b>{content.holder}</b>{since}")
        self.pending.setText(f"<i>{content.pending}</i>")
        self.pending.setVisible(bool(content.pending))
        self.position.setText(content.position)
        self.button.setText(content.button)

    def _act(self) -> None:
        content, context = self._content, self._context
        if content is None or context is None:
            return
        actions = context.session.actions
        move = actions.set_down_tool if content.mine else actions.pick_up_tool
        self.hooks.run(move(context.object_id, content.latitude, content.longitude))
