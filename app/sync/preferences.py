"""The technician's choices that the sync layer acts on, kept in the store."""

from __future__ import annotations

from app.db import Store
from app.sync.keys import BACKGROUND_KEY


class Preferences:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def background_sync(self) -> bool | None:
        """Whether the app may keep syncing in the background; None: not asked yet."""
        value = self._store.settings.get(BACKGROUND_KEY)
        return value if isinstance(value, bool) else None

    async def set_background_sync(self, allowed: bool) -> None:
        await self._store.write(self._store.settings.put, BACKGROUND_KEY, allowed)
