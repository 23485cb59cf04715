"""Which changed objects a …ByLastChange call sends, and as what.

The rules compose in this order:

1. Filters leave an object out whatever the cursor: `placeofhome` (tools), `onlyfavorites`
   (products), `onlysubscriber` (threads). The app reads what they leave out elsewhere
   (a tool with a place of home through GetToolsByField), so they never make tombstones.
2. Reasons an object cannot be in the app: a task the user does not see (the "Limit objects"
   rules, always on for tasks), and with `ignoreclosed` a closed task, a deactivated customer
   or tool, anything deleted. From the epoch (the app holds nothing yet) such an object is
   left out; from a later cursor it is sent as a tombstone, a copy with isdeleted=1, so the
   app drops its copy — the guide's "isdeleted … should not be available in the app".
3. Without `ignoreclosed`, deleted and deactivated objects go out with isdeleted=1 at any
   cursor (deactivated ones must be invisible in the app too); closed tasks as they are.
4. `skip_deleted` leaves out everything that would go out with isdeleted=1.
5. The object as the requesting user gets it: a product's `isfavorite`, a thread without
   its messages with `exclmessages`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.sandbox.commands.base import Context, Params
from app.sandbox.commands.params import flag
from app.sandbox.state import SandboxState
from app.sandbox.store import Select
from app.sandbox.values import truthy, whole

Record = dict[str, Any]
Check = Callable[[Record], bool]
Present = Callable[[Record], Record]
EPOCH = "1970-01-01 00:00:00"


def is_gone(obj: Record) -> bool:
    """Deleted, or deactivated (`isactive` 0; objects without the field are active)."""
    return truthy(obj.get("isdeleted")) or ("isactive" in obj and not truthy(obj["isactive"]))


def closed_or_gone(obj: Record) -> bool:
    return is_gone(obj) or truthy(obj.get("isclosed"))


def tombstone(obj: Record) -> Record:
    """The object as the app must drop it: isdeleted=1 (a copy; the stored one is unchanged)."""
    return obj if obj.get("isdeleted") == 1 else {**obj, "isdeleted": 1}


def _place_of_home(state: SandboxState, params: Params, ctx: Context) -> Check | None:
    """placeofhome 1: only tools with a place of home; 2: only tools without one."""
    wanted = whole(params.get("placeofhome"))
    if wanted == 1:
        return lambda tool: whole(tool.get("placeofhome")) != 0
    if wanted == 2:
        return lambda tool: whole(tool.get("placeofhome")) == 0
    return None


def _only_favourites(state: SandboxState, params: Params, ctx: Context) -> Check | None:
    if not flag(params, "onlyfavorites"):
        return None
    favourites = state.favourites.get(ctx.user_id, set())
    return lambda product: product["id"] in favourites


def _only_subscribed(state: SandboxState, params: Params, ctx: Context) -> Check | None:
    if not flag(params, "onlysubscriber"):
        return None
    return lambda thread: ctx.user_id in {whole(u) for u in thread.get("subscribers") or ()}


def _with_favourite_flag(state: SandboxState, params: Params, ctx: Context) -> Present | None:
    favourites = state.favourites.get(ctx.user_id, set())
    return lambda product: {**product, "isfavorite": int(product["id"] in favourites)}


def without_messages(thread: Record) -> Record:
    return {key: value for key, value in thread.items() if key != "messages"}


def _messages_excluded(state: SandboxState, params: Params, ctx: Context) -> Present | None:
    return without_messages if flag(params, "exclmessages") else None


_FILTERS: dict[str, tuple[Callable[[SandboxState, Params, Context], Check | None], ...]] = {
    "tool": (_place_of_home,),
    "product": (_only_favourites,),
    "thread": (_only_subscribed,),
}
_PRESENTERS: dict[str, Callable[[SandboxState, Params, Context], Present | None]] = {
    "product": _with_favourite_flag,
    "thread": _messages_excluded,
}


def selector(state: SandboxState, kind: str, params: Params, ctx: Context, since: str) -> Select:
    """The Select for one request: `since` is its cursor ("YYYY-MM-DD HH:MM:SS")."""
    filters: list[Check] = [
        check for rule in _FILTERS.get(kind, ()) if (check := rule(state, params, ctx))
    ]
    unavailable: list[Check] = []
    if kind == "todo":
        audience = state.audience(ctx.user_id, ctx.received)
        unavailable.append(lambda task: not audience.sees(task))
    if flag(params, "ignoreclosed"):
        unavailable.append(closed_or_gone)
    incremental = since > EPOCH
    skip_deleted = flag(params, "skip_deleted")
    presenter = _PRESENTERS.get(kind)
    present: Present | None = presenter(state, params, ctx) if presenter else None

    def select(obj: Record) -> Record | None:
        if not all(check(obj) for check in filters):
            return None
        if any(check(obj) for check in unavailable):
            if not incremental:
                return None
            sent = tombstone(obj)
        else:
            sent = tombstone(obj) if is_gone(obj) else obj
        if skip_deleted and sent.get("isdeleted") == 1:
            return None
        return present(sent) if present else sent

    return select
