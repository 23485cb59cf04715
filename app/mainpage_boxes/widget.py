"""The Qt side of a box: `BoxWidget` renders content, `BoxView` frames it on a page.

A plugin's widget only renders the plain content its `build` made; the frame does the rest
for every box alike: the title, showing or hiding the box, and refreshing it on the ChangeSets
its plugin says concern it (and on no other).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.changes import ChangeSet
from app.mainpage_boxes.api import BoxContext, BoxPlugin, C, Hidden, PageHooks, Shown, decide


class BoxWidget(QWidget, Generic[C]):
    """Subclass per box type and implement `show_content`. It is made once per page and given new
    content at every refresh, so `show_content` replaces what it showed before. Its buttons act
    through `self.hooks` (run an action, open another page)."""

    hooks: PageHooks

    def show_content(self, content: C, context: BoxContext) -> None:
        raise NotImplementedError


class LinesWidget(BoxWidget[C]):
    """A box widget that draws its lines anew at each refresh (its object's lines may have
    changed): `fresh_lines()` gives an empty widget in the old lines' place, to lay out.

    The old lines go from sight now and from memory when the loop comes round; the new ones
    show at once, not when the layout's queued show comes round. What a subclass adds under
    the lines goes into `self.column` after them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = QWidget(self)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.lines)

    def fresh_lines(self) -> QWidget:
        old, self.lines = self.lines, QWidget(self)
        self.column.replaceWidget(old, self.lines)
        old.hide()
        old.deleteLater()
        self.lines.show()
        return self.lines


class BoxView(QFrame):
    """One box on a page. Connect the Bridge's `changes` signal to `apply_changes`.

    `now` gives the time for each refresh (the page's clock). The parent is required: the
    view shows and hides itself, and a shown widget without one would become a window.
    """

    refreshed = Signal()  # after each build, shown or hidden (the page re-lays out; tests count)

    def __init__(
        self,
        plugin: BoxPlugin[Any],
        context: BoxContext,
        now: Callable[[], datetime],
        hooks: PageHooks,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"box-{context.box.box}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As tall as its content, never taller: boxes stack on the page without gaps.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._plugin = plugin
        self._context = context
        self._now = now
        self._title = QLabel(self)
        self._title.setObjectName("boxTitle")
        font = QFont(self._title.font())
        font.setBold(True)
        self._title.setFont(font)
        self._body: BoxWidget[Any] = plugin.widget()(self)
        self._body.hooks = hooks
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._body)
        self._concerns = plugin.concerns(context)
        self.decision: Shown[Any] | Hidden = Hidden("not built yet")
        self._show(context)

    @property
    def body(self) -> BoxWidget[Any]:
        return self._body

    @property
    def title(self) -> str:
        return self._title.text()

    def apply_changes(self, changes: ChangeSet) -> None:
        if self._concerns.matches(changes):
            self.refresh()

    def refresh(self) -> None:
        self._show(self._context.renewed(self._now()))

    def _show(self, context: BoxContext) -> None:
        self._context = context
        self._concerns = self._plugin.concerns(context)
        self.decision = decide(self._plugin, context)
        self._title.setText(self._plugin.title(context))
        if isinstance(self.decision, Shown):
            self._body.show_content(self.decision.content, context)
            self.setToolTip("")
        else:
            self.setToolTip(self.decision.reason)
        self.setVisible(isinstance(self.decision, Shown))
        self.refreshed.emit()
