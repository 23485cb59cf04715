"""A task's state changed from the app (CreateUpdateTodo) and one task read back by id
(GetTodoByID, how the client settles a state change whose answer was lost).

The back office's rules for a state change, as the sandbox models them:
- configuration: `TRANSITIONS`, which states a technician may move a task between. A closed
  task is reopened, and a task cancelled, only by a dispatcher (the admin routes).
- validation: closing needs the mandatory fields; a task with a checklist needs at least
  one checkpoint done (DoCheckOut ticks them).
- authorisation: only a task the user sees (the visibility rules).
Only `stateid` of an existing task is applied; creating tasks is not modelled.
"""

from __future__ import annotations

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param
from app.sandbox.commands.selection import is_gone
from app.sandbox.commands.writing import once, visible_task
from app.sandbox.state import Record, SandboxState
from app.sandbox.values import whole

# The sandbox's task states (setup_data.TODO_STATES): 1 Oprettet, 2 Planlagt, 3 I gang,
# 4 Afventer dele, 5 Afventer kunde (open); 6 Afsluttet, 7 Annulleret (closed).
_OPEN_STATES = frozenset({1, 2, 3, 4, 5})
TRANSITIONS: dict[int, frozenset[int]] = {
    **{state: _OPEN_STATES | {6} for state in _OPEN_STATES},
    6: frozenset(),
    7: frozenset(),
}


def _todo_fields(params: Params) -> Params:
    todo = params.get("todo")
    if not isinstance(todo, dict):
        raise CommandFailed("Missing parameter: todo")
    return todo


def _task_state(state: SandboxState, state_id: int) -> Record:
    found = next((s for s in state.setup.todo_states if s["id"] == state_id), None)
    if found is None:
        raise CommandFailed(f"Invalid stateid: {state_id}")
    return found


def _check_transition(task: Record, old: Record, new: Record) -> None:
    """Refuse a state change the contract does not allow a technician, or closing the task
    without its mandatory fields. Staying in the same state is no transition."""
    if new["id"] != old["id"] and new["id"] not in TRANSITIONS.get(old["id"], frozenset()):
        raise CommandFailed(f"State change from {old['title']} to {new['title']} is not allowed")
    if new["isclosed"] and task.get("checkpoints") and not task.get("checkpointsdone"):
        raise CommandFailed("Mandatory field missing: checklist")


def create_update(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """CreateUpdateTodo with `todo` {id, stateid}: the task moved to that state."""
    fields = _todo_fields(params)
    task = visible_task(state, ctx, id_param(fields, "id"))
    new = _task_state(state, id_param(fields, "stateid"))
    _check_transition(task, _task_state(state, whole(task["stateid"])), new)
    changed = state.update("todo", task["id"], {"stateid": new["id"], "isclosed": new["isclosed"]})
    return {"todo": changed}


def by_id(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """GetTodoByID: the task in a list of one; none when it is unknown, deleted or not the
    user's to see (as the Get…ByID commands answer an empty collection)."""
    task = state.store("todo").get(id_param(params, "todoid"))
    audience = state.audience(ctx.user_id, ctx.received)
    found = task is not None and not is_gone(task) and audience.sees(task)
    return {"todos": [task] if found else []}


HANDLERS: dict[str, Handler] = {
    "CreateUpdateTodo": once(create_update),
    "GetTodoByID": by_id,
}
