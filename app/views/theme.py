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

from PySide6.QtCore import QEvent, QObject
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
    """Recolours its widget when the palette changes (the system switched light/dark).

    Through the widget's palette, not a style sheet: a widget whose colours a style sheet sets
    is no longer told of palette changes, so it would keep the theme it started in.
    """

    def __init__(self, widget: QWidget, tone: Tone) -> None:
        super().__init__(widget)
        self._widget = widget
        self._tone = tone
        widget.setAutoFillBackground(True)
        widget.installEventFilter(self)
        self.recolour()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()
        return False

    def recolour(self) -> None:
        app = QApplication.instance()
        theme = app.palette() if isinstance(app, QApplication) else QPalette()
        background, text = tone_colours(self._tone, theme)
        palette = self._widget.palette()
        if (palette.color(QPalette.ColorRole.Window) == background
                and palette.color(QPalette.ColorRole.WindowText) == text):
            return  # setting it again would announce another change
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Text, text)
        self._widget.setPalette(palette)


def apply_tone(widget: QWidget, tone: Tone, *, padded: bool = False) -> None:
    """Paint `widget` and its labels in `tone`, light or dark as the theme is, now and whenever
    it changes; `padded`: with room around its text (a label used as a strip)."""
    if padded:
        widget.setContentsMargins(10, 6, 10, 6)
    _Restyler(widget, tone)


_DARK_ROLES = {
    QPalette.ColorRole.Window: "#202020",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#1c1c1c",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#2d2d2d",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#0078d4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2b2b2b",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
    QPalette.ColorRole.Mid: "#5a5a5a",
}


_DARK_DISABLED = "#7f7f7f"


def dark_palette() -> QPalette:
    """The palette Windows' dark mode gives Qt 6.5+. Where the platform has no colour scheme of
    its own (offscreen: the tests and the README's pictures), setting it on the application is
    what a switch to dark mode does to the widgets."""
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette
