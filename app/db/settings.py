"""Setup data and app state by key, as raw JSON."""

from __future__ import annotations

from typing import Any

import orjson
from peewee import Database

from app.db.tables import Tables


class SettingRepo:
    def __init__(self, database: Database, tables: Tables) -> None:
        self._db = database
        self._model = tables.setting

    def get(self, key: str, default: Any = None) -> Any:
        row = self._model.get_or_none(self._model.key == key)
        return orjson.loads(row.value) if row else default

    def put(self, key: str, value: Any) -> None:
        """Writer thread only."""
        encoded = orjson.dumps(value).decode()
        self._model.insert(key=key, value=encoded).on_conflict_replace().execute()
