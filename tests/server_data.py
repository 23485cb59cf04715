"""What the sandbox holds, read from its live state (tests compare the local store to it)."""

from __future__ import annotations

from typing import Any

from app.core.kinds import Kind
from app.core.values import as_bool
from app.sandbox import SandboxServer

# Where the sandbox keeps each kind, where its name differs from ours.
SANDBOX_KINDS = {Kind.PRODUCTUSE: "todoitem", Kind.REGISTRATION: "registrationentry"}


def server_objects(server: SandboxServer, kind: Kind) -> list[dict[str, Any]]:
    return list(server.state.store(SANDBOX_KINDS.get(kind, kind.value)).objects())


def live_ids(server: SandboxServer, kind: Kind) -> set[int]:
    """The objects the app should hold after a sync: not deleted or deactivated, and for tasks
    open and visible to the demo user under the "Limit objects" rules (tasks are always read
    with ignoreclosed=1)."""
    state = server.state
    audience = state.audience(state.demo_user_id, state.clock.now())
    return {
        obj["id"]
        for obj in server_objects(server, kind)
        if not as_bool(obj.get("isdeleted"))
        and as_bool(obj.get("isactive", 1))
        and not (kind is Kind.TODO and (as_bool(obj.get("isclosed")) or not audience.sees(obj)))
    }
