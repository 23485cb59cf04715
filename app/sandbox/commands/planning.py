"""The calendar: planning of tasks (GetProductionByUserAndDate), appointments
(GetEventsByUserAndDate) and today's planned tasks (GetPlannedTodos).

The app reads a month back and a month ahead in its initial configuration, then keeps the
next 30 days fresh; a date range is inclusive at both ends.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, flag, id_param
from app.sandbox.state import SandboxState
from app.sandbox.values import whole

Record = dict[str, Any]

_EVENT_FIELDS = ("id", "userid", "title", "starttime", "endtime", "typeid")


def _range(params: Params) -> tuple[str, str]:
    """fromdate (required) and todate (default: the same day)."""
    first = date_param(params, "fromdate")
    return first, date_param(params, "todate", first)


def _plans(state: SandboxState, user_id: int, first: str, last: str) -> list[Record]:
    found = [p for p in state.where("prodplanentry", userid=user_id) if first <= p["date"] <= last]
    return sorted(found, key=lambda p: (p["date"], p["fromtime"], p["id"]))


def production(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`prodplanentries`; `state` [[todoid, stateid], …] with inclstate=1; `activitycolors`
    (six colours: closed, in progress, visited, not visited, later today, later) with
    inclactivitycolor=1."""
    plans = _plans(state, id_param(params, "userid", ctx.user_id), *_range(params))
    outputs: Outputs = {"prodplanentries": plans}
    if flag(params, "inclstate"):
        tasks = state.store("todo")
        todo_ids = dict.fromkeys(whole(p["todoid"]) for p in plans)
        outputs["state"] = [
            [todo_id, whole(task.get("stateid"))]
            for todo_id in todo_ids
            if (task := tasks.get(todo_id)) is not None
        ]
    if flag(params, "inclactivitycolor"):
        outputs["activitycolors"] = list(state.setup.activity_colors)
    return outputs


def _occurrences(event: Record, first: str, last: str) -> list[tuple[str, str, str]]:
    """(instanceid, startdate, enddate) of each occurrence that overlaps first..last."""
    repeat = whole(event.get("repeat"))
    if repeat <= 0:
        overlaps = event["startdate"] <= last and event["enddate"] >= first
        return [(str(event["id"]), event["startdate"], event["enddate"])] if overlaps else []
    start, until = date.fromisoformat(event["startdate"]), event.get("repeatuntil") or last
    skip = max(0, -(-(date.fromisoformat(first) - start).days // repeat))
    found = []
    day = start + timedelta(days=skip * repeat)
    while (text := day.isoformat()) <= min(last, until):
        found.append((f"{event['id']}-{text}", text, text))
        day += timedelta(days=repeat)
    return found


def events(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`calendarentries`: a repeating event once per occurrence, with the same id and its
    own `instanceid` ("<id>-<date>"); a single event's instanceid is its id."""
    first, last = _range(params)
    entries = [
        {
            **{key: event[key] for key in _EVENT_FIELDS},
            "instanceid": instance,
            "startdate": start,
            "enddate": end,
        }
        for event in state.where("event", userid=id_param(params, "userid", ctx.user_id))
        for instance, start, end in _occurrences(event, first, last)
    ]
    return {"calendarentries": sorted(entries, key=lambda e: (e["startdate"], e["starttime"]))}


def planned_today(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """GetPlannedTodos: `todos` [{id, title}] planned to the user today, in planned order."""
    today = ctx.received.date().isoformat()
    tasks = state.store("todo")
    todo_ids = dict.fromkeys(whole(p["todoid"]) for p in _plans(state, ctx.user_id, today, today))
    return {
        "todos": [
            {"id": task["id"], "title": task.get("title", "")}
            for todo_id in todo_ids
            if (task := tasks.get(todo_id)) is not None
        ]
    }


HANDLERS: dict[str, Handler] = {
    "GetProductionByUserAndDate": production,
    "GetEventsByUserAndDate": events,
    "GetPlannedTodos": planned_today,
}
