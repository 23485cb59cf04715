"""Marking the texts the window shows where the Qt-free layers define them.

The window speaks the technician's language (Danish or English); the layers below it have no
Qt and keep their texts in English. A text they define that the window shows (a kind's name,
a sync step's name, a notice) is marked here, so Qt's lupdate collects it for the translator,
and the view translates it where it shows it: `QCoreApplication.translate(context, TEXT)`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker of that name, without Qt: lupdate collects `text` under `context` (both
    must be written as literals in the call); the text comes back unchanged."""
    return text
