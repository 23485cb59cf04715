"""A real store, client, loader and engine against a sandbox, recording what they report."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from app.composition import Core, build_core, sandbox_connection
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.kinds import Kind
from app.db.cursors import Cursor
from app.sandbox import SandboxServer
from app.sync.progress import PassResult, SyncProgress


class Harness:
    def __init__(
        self,
        server: SandboxServer,
        data_dir: Path,
        loop: asyncio.AbstractEventLoop,
        *,
        timeout: float = 5.0,
        clock: Clock | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """`transport`: how requests reach the sandbox (tests/reshaping.py rewrites answers)."""
        self.loop = loop
        self.clock = clock
        self.transport = transport
        self.changes: list[ChangeSet] = []
        self.progress: list[SyncProgress] = []
        self.server = server
        self.data_dir = data_dir
        self.timeout = timeout
        self.core: Core = self._build()

    def _build(self) -> Core:
        return build_core(
            self.data_dir,
            sandbox_connection(self.server, self.data_dir),
            on_changes=self.changes.append,
            on_progress=self.progress.append,
            timeout=self.timeout,
            clock=self.clock,
            http=(httpx.AsyncClient(transport=self.transport, timeout=self.timeout)
                  if self.transport else None),
        )

    def sync(self) -> PassResult:
        return self.loop.run_until_complete(self.core.engine.run_pass())

    def run(self, coroutine):  # type: ignore[no-untyped-def]
        return self.loop.run_until_complete(coroutine)

    def restart(self) -> None:
        """A new process on the same data folder."""
        self.close()
        self.core = self._build()

    def close(self) -> None:
        self.loop.run_until_complete(self.core.aclose())
        if self.transport is not None:
            self.loop.run_until_complete(self.transport.aclose())

    def local_ids(self, kind: Kind) -> set[int]:
        return self.core.store.objects.ids(kind)

    def cursor(self, key: str) -> Cursor:
        return self.core.store.cursors.get(key)

    def changed(self, kind: Kind) -> tuple[set[int], set[int], set[int]]:
        """Added, changed and removed ids of `kind` over the ChangeSets seen so far."""
        added: set[int] = set()
        changed: set[int] = set()
        removed: set[int] = set()
        for changes in self.changes:
            entry = changes.of(kind)
            added |= entry.added
            changed |= entry.changed
            removed |= entry.removed
        return added, changed, removed
