"""Marking English source texts for translation where they are defined (tables of labels),
to be translated where they are shown."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker, typed: lupdate collects `text` under `context` by the call's name; the
    text comes back unchanged, for `QCoreApplication.translate(context, text)` later."""
    return text
