"""What the sandbox holds, read from its live state (tests compare the local store to it)."""

from __future__ import annotations

from typing import Any

from app.core.kinds import Kind
from app.core.values import as_bool
from app.sandbox import SandboxServer


def server_objects(server: SandboxServer, kind: Kind) -> list[dict[str, Any]]:
    store = server.state.store(kind.value)
    return [obj for i in range(1, store.max_id + 1) if (obj := store.get(i)) is not None]


def live_ids(server: SandboxServer, kind: Kind) -> set[int]:
    """The objects the app should hold after a sync: not deleted, and for tasks not closed
    (tasks are always read with ignoreclosed=1)."""
    return {
        obj["id"]
        for obj in server_objects(server, kind)
        if not as_bool(obj.get("isdeleted"))
        and not (kind is Kind.TODO and as_bool(obj.get("isclosed")))
    }
