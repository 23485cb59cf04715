"""Checking in on a task or a customer and out again (DoCheckIn, DoCheckOut).

GetCheckIn shows the open check-in. Checking out ticks the checkpoints done on the task: the
task changes, so other apps and the next sync see the checklist.
"""

from __future__ import annotations

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param, number_param, required
from app.sandbox.commands.personal import open_checkin
from app.sandbox.commands.writing import kind_of, moment, once, target
from app.sandbox.state import Record, SandboxState
from app.sandbox.values import whole

# DoCheckIn's objecttype (any case) -> as a check-in records it.
_CHECKIN_TYPES = {"todo": "Todo", "customer": "Customer"}


def _readable(kind: str, obj: Record) -> str:
    """What the app shows of the place: the company and the address."""
    place = obj["customertext"] if kind == "todo" else obj["name"]
    return f"{place}, {obj['address']}"


def check_in(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """DoCheckIn on a task the user sees or a live customer. An open check-in of the user is
    checked out first, at the new one's moment and place: a technician is at one place at a
    time, and the app may not have sent the check-out (the check-out's checkpoints are lost,
    as on the back office)."""
    asked = str(required(params, "objecttype"))
    objecttype = _CHECKIN_TYPES.get(asked.lower())
    if objecttype is None:
        raise CommandFailed(f"Invalid objecttype: {asked}")
    obj = target(state, ctx, asked, id_param(params, "objectid"))
    day, time = moment(params, ctx, "checkindate", "checkintime")
    latitude, longitude = number_param(params, "latitude"), number_param(params, "longitude")
    previous = open_checkin(state, ctx.user_id)
    if previous is not None:
        _close(state, previous, day, time, latitude, longitude)
    kind = kind_of(asked)
    created = state.create(
        "checkin",
        {
            "ischeckedin": 1,
            "readable": _readable(kind, obj),
            "objecttype": objecttype,
            "toolid": 0,
            "userid": ctx.user_id,
            "todoid": obj["id"] if kind == "todo" else 0,
            "customerid": obj["id"] if kind == "customer" else 0,
            "checkinlatitude": latitude,
            "checkinlongitude": longitude,
            "checkoutlatitude": 0.0,
            "checkoutlongitude": 0.0,
            "checkindate": day,
            "checkintime": time,
            "checkoutdate": "",
            "checkouttime": "",
        },
    )
    # [INF] daycheckindate: the working day the check-in counts to, its own date.
    return {"checkinid": created["id"], "daycheckindate": day}


def _close(
    state: SandboxState, checkin: Record, day: str, time: str, latitude: float, longitude: float
) -> None:
    state.update(
        "checkin",
        checkin["id"],
        {
            "ischeckedin": 0,
            "checkoutdate": day,
            "checkouttime": time,
            "checkoutlatitude": latitude,
            "checkoutlongitude": longitude,
        },
    )


def _ticked(params: Params) -> list[int]:
    """`checkpoints`: the ids of the checkpoints done (a list; absent or empty is none)."""
    given = params.get("checkpoints") or []
    ids = [whole(i) for i in given] if isinstance(given, list) else []
    if not isinstance(given, list) or any(i <= 0 for i in ids):
        raise CommandFailed(f"Invalid checkpoints: {given}")
    return sorted(set(ids))


def check_out(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """DoCheckOut of the open check-in `checkinid`, ticking `checkpoints` on its task. Every
    checkpoint must be on the task (a customer has none); nothing is applied otherwise."""
    checkin_id = id_param(params, "checkinid")
    current = open_checkin(state, ctx.user_id)
    if current is None or current["id"] != checkin_id:
        raise CommandFailed("You are not checked in")
    ticked = _ticked(params)
    task = state.store("todo").get(whole(current.get("todoid")))
    on_task = {whole(i) for i in task.get("checkpoints") or ()} if task else set()
    for checkpoint in ticked:
        if checkpoint not in on_task:
            place = f"task {task['id']}" if task else f"customer {current['customerid']}"
            raise CommandFailed(f"Checkpoint {checkpoint} is not on {place}")
    day, time = moment(params, ctx, "checkoutdate", "checkouttime")
    latitude, longitude = number_param(params, "latitude"), number_param(params, "longitude")
    _close(state, current, day, time, latitude, longitude)
    if task is not None and ticked:
        done = {whole(i) for i in task.get("checkpointsdone") or ()} | set(ticked)
        state.update("todo", task["id"], {"checkpointsdone": sorted(done)})
    return {}


HANDLERS: dict[str, Handler] = {"DoCheckIn": once(check_in), "DoCheckOut": once(check_out)}
