"""Setup and session commands: Echo, the current user, app settings, main page layouts."""

from __future__ import annotations

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.state import SandboxState


def echo(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"answer": params.get("text", "")}


def current_user_id(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"userid": ctx.user_id}


def mobile_app_settings(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"functions": sorted(state.functions), "settings": dict(state.settings)}


def main_pages(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"mainpages": list(state.setup.main_pages)}


def column_groups(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    return {"columngroups": list(state.setup.column_groups)}


HANDLERS: dict[str, Handler] = {
    "Echo": echo,
    "GetCurrentUserID": current_user_id,
    "GetMobileAppSettings": mobile_app_settings,
    "GetMainPages": main_pages,
    "GetColumnGroups": column_groups,
}
