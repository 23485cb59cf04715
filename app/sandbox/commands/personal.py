"""The current user's own lists: pending calls, reminders (stodos) and the check-in."""

from __future__ import annotations

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.state import Record, SandboxState
from app.sandbox.values import truthy


def pending_calls(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    calls = state.where("call", userid=ctx.user_id)
    return {"calls": sorted(calls, key=lambda c: c["calltime"])}


def reminders(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """Every pending stodo, including those far in the future (the app decides what to show)."""
    stodos = state.where("stodo", userid=ctx.user_id)
    return {"stodos": sorted(stodos, key=lambda s: (s["date"], s["time"]))}


def open_checkin(state: SandboxState, user_id: int) -> Record | None:
    """The user's check-in that is not checked out (the newest, should there be more)."""
    current = [c for c in state.where("checkin", userid=user_id) if truthy(c["ischeckedin"])]
    return current[-1] if current else None


def check_in(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`ischeckedin`, `checkinid` and `checkin` (the open check-in, or null)."""
    checkin = open_checkin(state, ctx.user_id)
    return {
        "ischeckedin": int(checkin is not None),
        "checkinid": checkin["id"] if checkin else 0,
        "checkin": checkin,
    }


HANDLERS: dict[str, Handler] = {
    "GetMyPendingCalls": pending_calls,
    "GetMyStodos": reminders,
    "GetCheckIn": check_in,
}
