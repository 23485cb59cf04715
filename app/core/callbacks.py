"""The callback for when nobody listens: services take optional observers and default here."""

from __future__ import annotations


def ignore(*_args: object) -> None:
    return None
