"""The addresses as a list of flat buttons: the name in bold, the address, the distance; a
click opens the directions in the system's browser."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.mainpage_boxes.address import AddressContent, Place
from app.mainpage_boxes.api import BoxContext
from app.mainpage_boxes.widget import BoxWidget


class PlaceButton(QPushButton):
    """One address; the text sits on a label inside, as a button cannot show rich text."""

    def __init__(self, place: Place, parent: QWidget) -> None:
        super().__init__(parent)
        self.place = place
        self.setFlat(True)
        self.setToolTip(self.tr("Directions in your browser"))
        self.label = QLabel(self)
        self.label.setText(_html(place))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        self.setMinimumHeight(self.label.sizeHint().height() + 8)
        self.clicked.connect(self._directions)

    def _directions(self) -> None:
        QDesktopServices.openUrl(QUrl(self.place.directions))


def _html(place: Place) -> str:
    lines = "<br>".join(escape(line) for line in place.lines)
    distance = f"<br><i>{escape(place.distance)}</i>" if place.distance else ""
    return f"<b>{escape(place.name)}</b><br>{lines}{distance}"


class AddressWidget(BoxWidget[AddressContent]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.buttons: list[PlaceButton] = []

    def show_content(self, content: AddressContent, context: BoxContext) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = [PlaceButton(place, self) for place in content.places]
        for button in self.buttons:
            self._layout.addWidget(button)
