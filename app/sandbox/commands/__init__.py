"""The command registry: command name -> handler(state, params, ctx) -> outputs.

A new command is a handler in the module for its area and one entry in that module's
HANDLERS; `run_command` turns outputs and refusals into Microbizz result sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.sandbox.commands import (
    bylastchange,
    carrying,
    checkins,
    misc,
    notes,
    personal,
    photos,
    planning,
    registrations,
    related,
    reminders,
    setup,
    tasks,
    threads,
    tools,
)
from app.sandbox.commands.base import CommandFailed, Context, Handler
from app.sandbox.state import SandboxState

COMMANDS: dict[str, Handler] = {
    **misc.HANDLERS,
    **setup.HANDLERS,
    **bylastchange.HANDLERS,
    **tools.HANDLERS,
    **threads.HANDLERS,
    **related.HANDLERS,
    **planning.HANDLERS,
    **registrations.HANDLERS,
    **personal.HANDLERS,
    **tasks.HANDLERS,
    **checkins.HANDLERS,
    **reminders.HANDLERS,
    **carrying.HANDLERS,
    **notes.HANDLERS,
    **photos.HANDLERS,
}


def run_command(state: SandboxState, params: Any, ctx: Context) -> dict[str, Any]:
    """One result set: status 1 with the outputs beside it, or status 0 with a message."""
    name = params.get("command") if isinstance(params, Mapping) else None
    if not isinstance(name, str) or not name:
        return {"status": 0, "msg": "Malformed command: expected an object with a command name"}
    handler = COMMANDS.get(name)
    if handler is None:
        return {"status": 0, "msg": f"Unknown command: {name}"}
    try:
        outputs = handler(state, params, ctx)
    except CommandFailed as refusal:
        return {"status": 0, "msg": str(refusal)}
    return {"status": 1, **outputs}


__all__ = ["COMMANDS", "Context", "run_command"]
