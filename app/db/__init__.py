"""The local store: peewee on SQLite in WAL mode, written by one writer thread (no Qt)."""

from app.db.store import Store

__all__ = ["Store"]
