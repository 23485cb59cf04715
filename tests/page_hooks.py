"""Page hooks for a box tested without its page: what its buttons ask is kept for the test.

Actions run as tasks on the test's event loop (`tasks`, for the test to await); the pages a box
asks to open are recorded in `opened`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from app.core.kinds import Kind
from app.mainpage_boxes.api import PageHooks


class RecordingHooks:
    def __init__(self) -> None:
        self.opened: list[tuple[Kind, int]] = []
        self.tasks: list[asyncio.Future[Any]] = []
        self.hooks = PageHooks(self._run, self._open)

    def _run(self, action: Awaitable[Any]) -> None:
        self.tasks.append(asyncio.ensure_future(action))

    def _open(self, kind: Kind, object_id: int) -> None:
        self.opened.append((kind, object_id))


class LoopHooks(RecordingHooks):
    """Recording hooks whose actions run on a given loop (a qasync loop the test drives with
    `run_until_complete`), not on whatever loop asyncio finds current."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        super().__init__()

    def _run(self, action: Awaitable[Any]) -> None:
        self.tasks.append(asyncio.ensure_future(action, loop=self._loop))
