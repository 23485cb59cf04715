"""A dispatcher's actions in the back office: close, reopen and reassign a task, deactivate
and activate a customer or a piece of equipment, move equipment.

POST /_sandbox/objects/<kind>/<id>/<action> runs them. Each is one change of the object
(new change stamp and sequence), so the app sees it in its next incremental sync: a closed
task or a deactivated customer as a tombstone, a task reassigned away from the user too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.sandbox.state import InvalidChange, Record, SandboxState
from app.sandbox.values import truthy, whole

Body = Mapping[str, Any]
Action = Callable[[SandboxState, int, Body], Record]


def _state(state: SandboxState, body: Body, closed: bool) -> Record:
    """The task state to move to: `stateid` from the body, else the first of its kind."""
    states = [s for s in state.setup.todo_states if bool(s["isclosed"]) == closed]
    wanted = body.get("stateid", states[0]["id"])
    found = next((s for s in states if s["id"] == whole(wanted)), None)
    if found is None:
        kind = "closed" if closed else "open"
        raise InvalidChange(f"stateid {wanted} is not an {kind} task state")
    return found


def close(state: SandboxState, todo_id: int, body: Body) -> Record:
    """Close with `stateid` (a closed state; default the first, "Afsluttet")."""
    closing = _state(state, body, closed=True)
    return state.update("todo", todo_id, {"isclosed": 1, "stateid": closing["id"]})


def reopen(state: SandboxState, todo_id: int, body: Body) -> Record:
    """Reopen with `stateid` (an open state; default the first, "Oprettet")."""
    opening = _state(state, body, closed=False)
    return state.update("todo", todo_id, {"isclosed": 0, "stateid": opening["id"]})


def assign(state: SandboxState, todo_id: int, body: Body) -> Record:
    """Make `userid` responsible. The task leaves any pool and goes to `team` if given, else
    stays in its team when the user is in it, else moves to the user's first team (0 if none):
    a task handed to a colleague in another team should leave this team's apps."""
    if "userid" not in body:
        raise InvalidChange("assign needs a userid")
    user = state.user(body["userid"])
    task = state.get("todo", todo_id)
    teams = [whole(team) for team in user["teams"]]
    team = whole(body.get("team", task.get("team")))
    if "team" not in body and team not in teams:
        team = teams[0] if teams else 0
    others = [u for u in task.get("additionaluserids") or () if whole(u) != user["id"]]
    return state.update(
        "todo",
        todo_id,
        {"userid": user["id"], "team": team, "ispool": 0, "additionaluserids": others},
    )


def _activation(kind: str, active: bool) -> Action:
    """Deactivate or activate a customer or equipment: `isactive` 0 or 1."""

    def action(state: SandboxState, object_id: int, body: Body) -> Record:
        return state.update(kind, object_id, {"isactive": int(active)})

    return action


def move(state: SandboxState, tool_id: int, body: Body) -> Record:
    """Move equipment: `customerid` (where it is now, 0 = nowhere) and/or `placeofhome`
    (the company it belongs to, 0 = none). Its position follows where it is."""
    fields = {key: body[key] for key in ("customerid", "placeofhome") if key in body}
    if not fields:
        raise InvalidChange("move needs a customerid and/or a placeofhome")
    for key, value in fields.items():
        customer = state.store("customer").get(whole(value))
        if whole(value) and (customer is None or truthy(customer.get("isdeleted"))):
            raise InvalidChange(f"{key} {value} is not a customer")
        fields[key] = whole(value)
    if "customerid" in fields:
        location = state.store("customer").get(fields["customerid"]) or {}
        fields["latitude"] = location.get("latitude", 0.0)
        fields["longitude"] = location.get("longitude", 0.0)
    return state.update("tool", tool_id, fields)


ACTIONS: dict[tuple[str, str], Action] = {
    ("todo", "close"): close,
    ("todo", "reopen"): reopen,
    ("todo", "assign"): assign,
    ("customer", "deactivate"): _activation("customer", False),
    ("customer", "activate"): _activation("customer", True),
    ("tool", "deactivate"): _activation("tool", False),
    ("tool", "activate"): _activation("tool", True),
    ("tool", "move"): move,
}
