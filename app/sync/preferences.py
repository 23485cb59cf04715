"""The technician's choices that the app acts on, kept in the store, and how each list was
left (its filter and sort), so a restart shows the lists as they were.

Each change is told to the watchers (`watch`) at once, so a choice takes effect without a
restart: the composition connects the sync interval to the scheduler's timer, the log level to
the root logger, and the metered-network choice to the sender.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.core.kinds import Kind
from app.db import Store
from app.sync.keys import (
    BACKGROUND_KEY,
    INTERVAL_KEY,
    LANGUAGE_KEY,
    LOG_LEVEL_KEY,
    METERED_PHOTOS_KEY,
    NOTICES_KEY,
    list_choice_key,
)

DEFAULT_INTERVAL_MINUTES = 10
LOG_LEVELS: tuple[str, ...] = ("DEBUG", "INFO", "WARNING", "ERROR")
# "system": the operating system's language; the others are the translations offered.
LANGUAGES: tuple[str, ...] = ("system", "en", "da")

Watcher = Callable[[str], None]  # called with the changed setting's key


class Preferences:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._watchers: list[Watcher] = []

    def watch(self, watcher: Watcher) -> None:
        self._watchers.append(watcher)

    @property
    def background_sync(self) -> bool | None:
        """Whether the app may keep syncing in the background; None: not asked yet."""
        value = self._store.settings.get(BACKGROUND_KEY)
        return value if isinstance(value, bool) else None

    async def set_background_sync(self, allowed: bool) -> None:
        await self._put(BACKGROUND_KEY, allowed)

    @property
    def sync_interval_minutes(self) -> float:
        """How long the app waits between timed syncs."""
        value = self._store.settings.get(INTERVAL_KEY)
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
        return float(value) if ok else DEFAULT_INTERVAL_MINUTES

    async def set_sync_interval_minutes(self, minutes: float) -> None:
        if minutes <= 0:
            raise ValueError("The sync interval must be longer than zero")
        await self._put(INTERVAL_KEY, minutes)

    @property
    def photos_wait_on_metered(self) -> bool:
        """Photos wait while the connection is metered (mobile data), unless turned off."""
        return self._store.settings.get(METERED_PHOTOS_KEY) is not False

    async def set_photos_wait_on_metered(self, wait: bool) -> None:
        await self._put(METERED_PHOTOS_KEY, wait)

    @property
    def task_notices(self) -> bool:
        """Whether the office's changes to the technician's tasks are announced."""
        return self._store.settings.get(NOTICES_KEY) is not False

    async def set_task_notices(self, shown: bool) -> None:
        await self._put(NOTICES_KEY, shown)

    @property
    def log_level(self) -> str | None:
        """The level chosen in Settings; None: never chosen (the command line's applies)."""
        value = self._store.settings.get(LOG_LEVEL_KEY)
        return value if value in LOG_LEVELS else None

    async def set_log_level(self, level: str) -> None:
        if level not in LOG_LEVELS:
            raise ValueError(f"Unknown log level {level!r}")
        await self._put(LOG_LEVEL_KEY, level)

    @property
    def language(self) -> str:
        value = self._store.settings.get(LANGUAGE_KEY)
        return value if value in LANGUAGES else "system"

    async def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"Unknown language {language!r}")
        await self._put(LANGUAGE_KEY, language)

    def list_choice(self, kind: Kind) -> Any:
        """The list's choice as it was kept (app/sync/listing.py ListChoice reads it
        leniently); None when the technician never changed it."""
        return self._store.settings.get(list_choice_key(kind.value))

    def keep_list_choice(self, kind: Kind, choice: dict[str, Any]) -> None:
        """Keep it in the background: a header click must not wait for the disk."""
        self._store.write_soon(self._store.settings.put, list_choice_key(kind.value), choice)

    async def _put(self, key: str, value: Any) -> None:
        await self._store.write(self._store.settings.put, key, value)
        for watcher in self._watchers:
            watcher(key)


def apply_log_level(level: str) -> None:
    """The root logger's level: what the log file and the console keep from now on."""
    logging.getLogger().setLevel(level)
