"""The app's own coloured strips (offline, problem, password, set-up), in the system's light
or dark theme.

Qt follows the system's colour scheme by itself (Qt 6.5+: the palette changes with it); what
the app paints itself must follow too. Each tone has a light and a dark pair of background and
text, chosen for a contrast of at least 4.5:1 (WCAG AA for normal text), and a toned widget is
restyled whenever its palette changes, so switching Windows to dark while the app runs turns
the strips dark as well.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget


class Tone(Enum):
    """(light background, light text), (dark background, dark text)."""

    WARNING = (("#fff3b0", "#5c4600"), ("#4a3c00", "#ffe680"))
    ERROR = (("#fde2e1", "#7a1c17"), ("#5a1d1a", "#ffd3cf"))
    INFO = (("#e3eefc", "#15365e"), ("#17324f", "#d6e6fb"))


def is_dark(palette: QPalette) -> bool:
    """A dark theme: the window background darker than its text."""
    return (palette.color(QPalette.ColorRole.Window).lightness()
            < palette.color(QPalette.ColorRole.WindowText).lightness())


def tone_colours(tone: Tone, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) of `tone` for this palette's theme."""
    background, text = tone.value[1 if is_dark(palette) else 0]
    return QColor(background), QColor(text)


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    def luminance(colour: QColor) -> float:
        def linear(channel: float) -> float:
            return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
        return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
                + 0.0722 * linear(colour.blueF()))
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class _Restyler(QObject):
    """Restyles its widget when the palette changes (the system switched light/dark)."""

    def __init__(self, widget: QWidget, tone: Tone, padding: str) -> None:
        super().__init__(widget)
        self._widget = widget
        self._tone = tone
        self._padding = padding
        widget.installEventFilter(self)
        self.restyle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()
        return False

    def restyle(self) -> None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else self._widget.palette()
        background, text = tone_colours(self._tone, palette)
        name = self._widget.objectName()
        style = (f"#{name} {{ background: {background.name()}; color: {text.name()};"
                 f" {self._padding} }} #{name} QLabel {{ color: {text.name()}; }}")
        if self._widget.styleSheet() != style:  # setting it changes the palette again
            self._widget.setStyleSheet(style)


def apply_tone(widget: QWidget, tone: Tone, *, padding: str = "") -> None:
    """Paint `widget` (which has an object name) and its labels in `tone`, light or dark as
    the theme is, now and whenever it changes."""
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    _Restyler(widget, tone, padding)
