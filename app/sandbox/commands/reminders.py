"""Accepting a reminder (StodoAccept): done, or postponed by some minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.sandbox.clock import date_and_time
from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param
from app.sandbox.commands.writing import once
from app.sandbox.state import SandboxState
from app.sandbox.values import truthy, whole


def accept(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """Without `postpone` the reminder is completed (deleted: it leaves GetMyStodos). With
    `postpone` minutes it comes back that long after its time, or after now when it is
    already due: a snoozed reminder must not fire again at once."""
    stodo_id = id_param(params, "stodoid")
    stodo = state.store("stodo").get(stodo_id)
    if stodo is None or truthy(stodo.get("isdeleted")) or whole(stodo["userid"]) != ctx.user_id:
        raise CommandFailed(f"Reminder {stodo_id} does not exist")
    if params.get("postpone") in (None, ""):
        state.delete("stodo", stodo_id)
        return {}
    minutes = whole(params["postpone"])
    if minutes <= 0:
        raise CommandFailed(f"Invalid postpone: {params['postpone']}")
    due = max(datetime.fromisoformat(f"{stodo['date']} {stodo['time']}"), ctx.received)
    day, time = date_and_time(due + timedelta(minutes=minutes))
    return {"stodo": state.update("stodo", stodo_id, {"date": day, "time": time})}


HANDLERS: dict[str, Handler] = {"StodoAccept": once(accept)}
