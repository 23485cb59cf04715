"""Texts in the window's language and locale, from the layers that have no Qt.

A box's texts, a list's dates, are read in the window (Qt loaded, its translators and locale
set) and by `fieldclient page` (no Qt: English, Python's formats). These ask Qt only when it
is loaded, by looking for it, never by importing it; they are here, below everything, so that
the window's shell formats a date without loading what the main-page boxes are built on.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any


def _qt_core() -> Any:
    return sys.modules.get("PySide6.QtCore")


def translate(context: str, text: str) -> str:
    """`text` in the window's language (the English itself without Qt). Call it with a literal
    context and text, as Qt's own `translate` is called, so lupdate collects it; fill in
    placeholders after translating."""
    core = _qt_core()
    return text if core is None else str(core.QCoreApplication.translate(context, text))


def local_number(value: float, decimals: int = 0) -> str:
    """`value` with the window locale's decimal mark ("12,4" in Danish, "12.4" in English),
    no thousands separator (a value read off a form, not a report)."""
    core = _qt_core()
    if core is None:
        return f"{value:.{decimals}f}"
    locale = core.QLocale()
    locale.setNumberOptions(core.QLocale.NumberOption.OmitGroupSeparator)
    return str(locale.toString(float(value), "f", decimals))


def local_date(day: date) -> str:
    """`day` in the window locale's short form, as the lists show dates ("07.11.2026" in
    Danish, "07/11/2026" in English); day-month-year where Qt is not loaded."""
    core = _qt_core()
    if core is None:
        return day.strftime("%d-%m-%Y")
    qt_day = core.QDate(day.year, day.month, day.day)
    return str(core.QLocale().toString(qt_day, core.QLocale.FormatType.ShortFormat))


def local_day(day: date, qt_format: str, without_qt: str) -> str:
    """`day` with the window locale's names of months and days (`qt_format`: QLocale's
    pattern, "d MMM"); `without_qt` is the English to give where Qt is not loaded."""
    core = _qt_core()
    if core is None:
        return without_qt
    return str(core.QLocale().toString(core.QDate(day.year, day.month, day.day), qt_format))
