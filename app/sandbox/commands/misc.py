"""Session commands: Echo, the current user, the app's functions and settings."""

from __future__ import annotations

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.state import SandboxState


def echo(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"answer": params.get("text", "")}


def current_user_id(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"userid": ctx.user_id}


def mobile_app_settings(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"functions": sorted(state.functions), "settings": dict(state.settings)}


HANDLERS: dict[str, Handler] = {
    "Echo": echo,
    "GetCurrentUserID": current_user_id,
    "GetMobileAppSettings": mobile_app_settings,
}
