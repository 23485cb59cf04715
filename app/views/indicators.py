"""The sync indicators in the window's status bar: every active one at once, each a button
that opens what the indicator guide says it opens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from app.sync.status import Indicator, SyncStatus
from app.views.indicator_icons import IndicatorIcons, describe


class IndicatorBar(QWidget):
    opened = Signal(object)  # Indicator

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[Indicator, QToolButton] = {}
        self._icons = IndicatorIcons()
        self._badges: dict[Indicator, str] = {}  # what each button shows: set again on change
        for indicator in Indicator:
            button = QToolButton(self)
            button.setObjectName(f"indicator-{indicator.value}")
            button.setAutoRaise(True)
            button.setIconSize(QSize(28, 26))
            button.setToolTip(describe(indicator))
            button.setAccessibleName(describe(indicator))
            button.clicked.connect(lambda _checked=False, shown=indicator: self.opened.emit(shown))
            button.hide()
            layout.addWidget(button)
            self.buttons[indicator] = button

    def show_status(self, status: SyncStatus) -> None:
        for indicator, button in self.buttons.items():
            active = indicator in status.active
            button.setVisible(active)
            badge = status.badge(indicator)
            if active and self._badges.get(indicator) != badge:
                button.setIcon(self._icons.icon(indicator, badge))
                self._badges[indicator] = badge
