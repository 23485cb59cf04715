"""Taking equipment along and setting it down (PickupTool, SetDownTool).

A carried tool is nowhere (`customerid` 0) and shows in GetMyTools; set down, it is at the
company the technician is checked in on. Both change the tool, so the next sync sends it.
"""

from __future__ import annotations

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param, number_param
from app.sandbox.commands.personal import open_checkin
from app.sandbox.commands.writing import once, target
from app.sandbox.state import Record, SandboxState
from app.sandbox.values import whole

TOOL_TAKE = "ToolTake"


def _moved(state: SandboxState, params: Params, tool: Record, fields: Record) -> Outputs:
    position = {key: number_param(params, key) for key in ("latitude", "longitude")}
    return {"tool": state.update("tool", tool["id"], {**fields, **position})}


def pick_up(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """The user carries the tool from now (from a colleague too: whoever holds it hands it
    over). Refused while the contract's ToolTake function is off."""
    if TOOL_TAKE not in state.functions:
        raise CommandFailed("Taking equipment is not enabled")
    tool = target(state, ctx, "tool", id_param(params, "toolid"))
    return _moved(state, params, tool, {"carrier_userid": ctx.user_id, "customerid": 0})


def _checked_in_company(state: SandboxState, user_id: int) -> int:
    """The customer of the task or company the user is checked in on; 0 when not checked in."""
    checkin = open_checkin(state, user_id)
    if checkin is None:
        return 0
    task = state.store("todo").get(whole(checkin.get("todoid")))
    return whole(task.get("customerid")) if task else whole(checkin.get("customerid"))


def set_down(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """The user no longer carries the tool; it stays where the user is checked in."""
    tool = target(state, ctx, "tool", id_param(params, "toolid"))
    if whole(tool.get("carrier_userid")) != ctx.user_id:
        raise CommandFailed("You are not carrying this equipment")
    company = _checked_in_company(state, ctx.user_id)
    return _moved(state, params, tool, {"carrier_userid": 0, "customerid": company})


HANDLERS: dict[str, Handler] = {"PickupTool": once(pick_up), "SetDownTool": once(set_down)}
