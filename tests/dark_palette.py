"""A dark palette, as Windows' dark mode gives Qt 6.5+ (the offscreen platform used by the
tests has no colour scheme of its own: `QStyleHints.setColorScheme` does nothing there, and
`-platform offscreen:darkmode=2` is a Windows platform option). Setting it on the application
is what a switch to dark mode does to the widgets."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

ROLES = {
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


DISABLED = "#7f7f7f"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ROLES.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    return palette
