"""The widget: one link to the forecast."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.widget import BoxWidget
from fieldclient_weather_box.box import Forecast


class WeatherWidget(BoxWidget[Forecast]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the box's frame has the margins
        layout.addWidget(self.label)

    def show_content(self, content: Forecast, context: BoxContext) -> None:
        self.label.setText(
            f'Forecast for <a href="{html.escape(content.link)}">{html.escape(content.place)}</a>'
        )
