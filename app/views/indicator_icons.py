"""The sync indicator's pictures: a cloud from the SVGs in ./icons with its badge painted on."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.sync.status import Indicator

# Where the badge circle sits in the SVGs' 80 x 66 view box.
_VIEW = (80.0, 66.0)
_CIRCLE = (58.0, 50.0, 13.0)


def describe(indicator: Indicator | None) -> str:
    """What the indicator means, in the window's language (None: all is well)."""
    match indicator:
        case Indicator.IN_FLIGHT:
            return QCoreApplication.translate("Indicators", "Calls to the server are under way")
        case Indicator.FAILED:
            return QCoreApplication.translate(
                "Indicators", "The server refused some changes: open to see why")
        case Indicator.OUT_OF_DATE:
            return QCoreApplication.translate(
                "Indicators", "Not synchronised for more than 20 minutes")
        case Indicator.PERMISSION_DECLINED:
            return QCoreApplication.translate(
                "Indicators", "Background synchronisation was declined")
    return QCoreApplication.translate("Indicators", "Up to date")


@cache
def _svg(name: str) -> QByteArray:
    return QByteArray(files("app.views").joinpath(f"icons/cloud-{name}.svg").read_bytes())


def indicator_pixmap(indicator: Indicator | None, badge: str = "", size: int = 32) -> QPixmap:
    """The cloud for `indicator` (None: all is well) with `badge` in its circle."""
    width, height = _VIEW
    pixmap = QPixmap(size, round(size * height / width))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(_svg(indicator.value if indicator else "ok")).render(painter)
    if indicator is not None and badge:
        scale = size / width
        x, y, r = (value * scale for value in _CIRCLE)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, round(r * (1.3 if len(badge) == 1 else 1.0))))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff") if indicator is not Indicator.IN_FLIGHT
                       else QColor("#222222"))
        painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                         badge if len(badge) <= 2 else "99+")
    painter.end()
    return pixmap


def indicator_icon(indicator: Indicator | None, badge: str = "") -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(indicator_pixmap(indicator, badge, size))
    return icon


class IndicatorIcons:
    """The icons drawn so far, by indicator and badge. A status comes with each request's start
    and end, and its in-flight badge goes 1, 2, 3, 2, … through a sync: drawing the five sizes
    of an icon each time took some 2 ms of the GUI thread (bench/gui_stall.py). Kept by the
    widget that shows them, so they go with it."""

    def __init__(self) -> None:
        self._drawn: dict[tuple[Indicator | None, str], QIcon] = {}

    def icon(self, indicator: Indicator | None, badge: str = "") -> QIcon:
        key = (indicator, badge)
        if key not in self._drawn:
            self._drawn[key] = indicator_icon(indicator, badge)
        return self._drawn[key]
