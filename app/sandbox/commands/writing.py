"""What the technician's write commands share: applying a request at most once, finding the
object a write is about (and refusing it as a back office does), and the action's moment.

Refusals come in the three kinds Planon lists; the README names each message's kind:
authorisation (the user may not touch the object), validation (the request contradicts the
data) and configuration (the contract does not allow it).
"""

from __future__ import annotations

from functools import wraps

from app.sandbox.clock import date_and_time
from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, time_param
from app.sandbox.commands.selection import is_gone
from app.sandbox.state import Record, SandboxState

# The parameter every write carries (app/api/writes.py): a uuid per outbox entry.
CLIENT_REQUEST_ID = "clientrequestid"

# The object types writes name (any case) -> (kind, what a message calls one).
_TARGETS = {
    "todo": ("todo", "Task"),
    "customer": ("customer", "Customer"),
    "customers": ("customer", "Customer"),
    "tool": ("tool", "Equipment"),
    "tools": ("tool", "Equipment"),
}


def once(handler: Handler) -> Handler:
    """The handler, applied at most once per clientrequestid: a repeated id gets the first
    answer again. Only applied writes are remembered; a refused one changed nothing, so the
    same request may be judged afresh (after a dispatcher switched a function on, say)."""

    @wraps(handler)
    def run(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        request_id = params.get(CLIENT_REQUEST_ID)
        if not isinstance(request_id, str) or not request_id:
            return handler(state, params, ctx)
        if request_id not in state.applied_writes:
            state.applied_writes[request_id] = handler(state, params, ctx)
        return state.applied_writes[request_id]

    return run


def visible_task(state: SandboxState, ctx: Context, todo_id: int) -> Record:
    """The task, if it exists and the user may work on it (the visibility rules: what the
    app would not receive it may not change either)."""
    task = state.store("todo").get(todo_id)
    if task is None or is_gone(task):
        raise CommandFailed(f"Task {todo_id} does not exist")
    if not state.audience(ctx.user_id, ctx.received).sees(task):
        raise CommandFailed(f"You do not have access to task {todo_id}")
    return task


def target(state: SandboxState, ctx: Context, objecttype: str, object_id: int) -> Record:
    """The task, customer or piece of equipment a write names; refused when it is unknown,
    deleted or deactivated, or (a task) out of the user's reach."""
    found = _TARGETS.get(objecttype.lower())
    if found is None:
        raise CommandFailed(f"Invalid objecttype: {objecttype}")
    kind, noun = found
    if kind == "todo":
        return visible_task(state, ctx, object_id)
    obj = state.store(kind).get(object_id)
    if obj is None or is_gone(obj):
        raise CommandFailed(f"{noun} {object_id} does not exist")
    return obj


def kind_of(objecttype: str) -> str:
    """The store kind of an objecttype `target` accepted."""
    return _TARGETS[objecttype.lower()][0]


def moment(params: Params, ctx: Context, date_key: str, time_key: str) -> tuple[str, str]:
    """When the technician acted, as the app sends it; the server's now when not given."""
    day, time = date_and_time(ctx.received)
    return date_param(params, date_key, day), time_param(params, time_key, time)
