"""The local store: peewee on SQLite in WAL mode, written by one writer thread (no Qt).

`Store` is imported when first asked for, not with the package: the data folder's module
(app.db.folder) is imported before a start paints its window, and peewee comes after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.db.store import Store

__all__ = ["Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from app.db.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
