"""What the app shows beside its window, as a test finds and answers it: the message boxes it
opens (each has an object name: "out-of-date-message", "permission-prompt",
"startup-message", "sign-out-message", …) and the links it hands the system (a phone number,
an e-mail address, a web page), caught instead of opened."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

W = TypeVar("W", bound=QWidget)


def visible(kind: type[W], name: str | None = None) -> W | None:
    """The visible top-level widget of this type (and object name, when given), if one is up.

    Parameters:
        kind: the widget's class (`QMessageBox`, `QDialog`, …).
        name: its object name; None for any.
    """
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible() and name in (None,
                                                                         widget.objectName()):
            return widget
    return None


def message_box(name: str | None = None) -> QMessageBox | None:
    """The message box shown now (the one of that object name when given), else None."""
    return visible(QMessageBox, name)


def click(box: QMessageBox, label: str) -> None:
    """Press the message box's button whose words are `label` ("OK", "Sign out", …)."""
    labels = [b.text().replace("&", "") for b in box.buttons()]
    if label not in labels:
        raise LookupError(f"no button {label!r} in the message; its buttons are {labels}")
    box.buttons()[labels.index(label)].click()


class OpenedUrls(QObject):
    """Catches the URLs the app hands the system for some schemes, instead of opening them:

        with OpenedUrls("tel", "mailto") as opened:
            box.press("+45 12 34 56 78")
        assert opened.urls == ["tel:+4512345678"]
    """

    def __init__(self, *schemes: str) -> None:
        """`schemes`: "tel", "mailto", "https", …"""
        super().__init__()
        self.urls: list[str] = []
        self.schemes = schemes

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())

    def __enter__(self) -> OpenedUrls:
        for scheme in self.schemes:
            # PySide6 takes the slot name as str (its stubs say bytes, which it refuses).
            QDesktopServices.setUrlHandler(scheme, self, "open")  # type: ignore[arg-type]
        return self

    def __exit__(self, *exc: object) -> None:
        for scheme in self.schemes:
            QDesktopServices.unsetUrlHandler(scheme)
