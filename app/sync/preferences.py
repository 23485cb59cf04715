"""The technician's choices, kept in the store: what the sync layer acts on, and how each
list was left (its filter and sort), so a restart shows the lists as they were."""

from __future__ import annotations

from typing import Any

from app.core.kinds import Kind
from app.db import Store
from app.sync.keys import BACKGROUND_KEY, list_choice_key


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

    def list_choice(self, kind: Kind) -> Any:
        """The list's choice as it was kept (app/sync/listing.py ListChoice reads it
        leniently); None when the technician never changed it."""
        return self._store.settings.get(list_choice_key(kind.value))

    def keep_list_choice(self, kind: Kind, choice: dict[str, Any]) -> None:
        """Keep it in the background: a header click must not wait for the disk."""
        self._store.write_soon(self._store.settings.put, list_choice_key(kind.value), choice)
