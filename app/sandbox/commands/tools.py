"""Equipment read on demand: a company's or a task's tools, the user's carried tools, and the
companies whose tools the app should read (`customerids` with placeofhome=2); and starting a
service on a tool (StartToolService).

With LimitNumObjects the app syncs only tools without a place of home and reads the others
per company or task when it shows them. `knowntools` ([{id, changedate, changetime}]) names
the copies the app holds: those unchanged are left out, changed ones are sent, and one that
was deleted or deactivated since comes as a tombstone (isdeleted=1) so the app drops it.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.importance import rank
from app.sandbox.commands.params import id_param, required
from app.sandbox.commands.selection import closed_or_gone, is_gone, tombstone
from app.sandbox.commands.writing import moment, once, target
from app.sandbox.state import SandboxState
from app.sandbox.store import change_stamp
from app.sandbox.values import whole

Record = dict[str, Any]

_MAX_COMPANIES = 50
_COMPANY_FIELDS = frozenset({"custref", "customerid"})
_TEXT_FIELDS = frozenset({"number", "barcode"})


def _known_stamps(params: Params) -> dict[int, str]:
    """knowntools as id -> change stamp; entries that are not {id, changedate, …} are ignored."""
    known = params.get("knowntools") or []
    stamps = {}
    for entry in known if isinstance(known, list) else []:
        if isinstance(entry, dict) and whole(entry.get("id")) > 0 and _stamped(entry):
            stamps[whole(entry["id"])] = change_stamp(entry)
    return stamps


def _stamped(entry: Record) -> bool:
    return isinstance(entry.get("changedate"), str) and isinstance(entry.get("changetime"), str)


def _at_company(tool: Record, customer_id: int) -> bool:
    return customer_id in (whole(tool.get("placeofhome")), whole(tool.get("customerid")))


def _answer(params: Params, matching: list[Record]) -> Outputs:
    """The new and changed ones of `matching`, as knowntools asks."""
    known = _known_stamps(params)
    tools = []
    for tool in sorted(matching, key=lambda t: t["id"]):
        held = known.get(tool["id"])
        if held == change_stamp(tool):
            continue
        if is_gone(tool):
            if held is not None:
                tools.append(tombstone(tool))
            continue
        tools.append(tool)
    return {"tools": tools}


def by_field(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """field custref/customerid: the company's tools (its place of home or where they are);
    field number/barcode: the tool with that number or barcode."""
    field, value = str(required(params, "field")), required(params, "value")
    everything = state.store("tool").objects()
    if field in _COMPANY_FIELDS:
        company = whole(value)
        matching = [t for t in everything if company and _at_company(t, company)]
    elif field in _TEXT_FIELDS:
        matching = [t for t in everything if str(t.get(field, "")) == str(value)]
    else:
        raise CommandFailed(f"Unknown field: {field}")
    return _answer(params, matching)


def by_todo(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """The tools at the task's company and those attached to the task; none for an unknown
    task (as Get…ByID answers an empty collection)."""
    todo_id = id_param(params, "todoid")
    task = state.store("todo").get(todo_id)
    company = whole(task.get("customerid")) if task else 0
    matching = [
        t
        for t in state.store("tool").objects()
        if whole(t.get("todoid")) == todo_id or (company and _at_company(t, company))
    ]
    return _answer(params, matching)


def carried(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """GetMyTools: the tools the user has taken (carrier_userid)."""
    mine = state.where("tool", carrier_userid=ctx.user_id)
    return {"tools": [tool for tool in mine if not is_gone(tool)]}


def companies_to_read(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """With placeofhome=2: `customerids`, the companies of the open tasks the user sees that
    are planned to the user within a month or that the user is responsible for, the most
    important first, at most 50. The guide's "list of companies for which there may be tools
    that are also important"."""
    if whole(params.get("placeofhome")) != 2:
        return {}
    user_id = ctx.user_id
    audience = state.audience(user_id, ctx.received)

    def companies() -> list[int]:
        customers = state.store("customer")
        tasks = sorted(
            (
                task
                for task in state.store("todo").objects()
                if (task["id"] in audience.planned or whole(task.get("userid")) == user_id)
                and not closed_or_gone(task)
                and audience.sees(task)
            ),
            key=rank,
        )
        found: list[int] = []
        for task in tasks:
            company = customers.get(whole(task.get("customerid")))
            if company and not is_gone(company) and company["id"] not in found:
                found.append(company["id"])
                if len(found) == _MAX_COMPANIES:
                    break
        return found

    key = ("companies to read", user_id, ctx.received.date())
    return {"customerids": state.derived(key, companies)}


def _due(state: SandboxState, tool: Record, serviced: date) -> str:
    """The next service one interval of the tool's type after `serviced`; "" without one.
    Months keep the day, or the month's last day when it is shorter. (Worked out here, not
    borrowed from the app: the sandbox is the server the app is tested against.)"""
    kind = next((t for t in state.setup.tool_types if t["id"] == whole(tool.get("groupid"))), {})
    unit, count = kind.get("periodtype"), whole(kind.get("period"))
    if count <= 0 or unit not in ("day", "week", "month", "year"):
        return ""
    if unit in ("day", "week"):
        return (serviced + timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    months = serviced.month - 1 + count * (12 if unit == "year" else 1)
    year, month = serviced.year + months // 12, months % 12 + 1
    return date(year, month, min(serviced.day, monthrange(year, month)[1])).isoformat()


def start_service(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """[INF] The tool is serviced on `servicedate` (the server's today when not given): that is
    its lastservice, and its nextservice one interval of its type on (kept without one)."""
    tool = target(state, ctx, "tool", id_param(params, "toolid"))
    day, _time = moment(params, ctx, "servicedate", "servicetime")
    fields = {"lastservice": day}
    if due := _due(state, tool, date.fromisoformat(day)):
        fields["nextservice"] = due
    return {"tool": state.update("tool", tool["id"], fields)}


HANDLERS: dict[str, Handler] = {
    "GetToolsByField": by_field,
    "GetToolsByTodoID": by_todo,
    "GetMyTools": carried,
    "StartToolService": once(start_service),
}
