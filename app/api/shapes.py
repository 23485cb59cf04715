"""Commands and result shapes, including those the public docs leave open.

Each assumption that is not in the public API docs is marked [INF] and agrees with the sandbox
(`app.sandbox`, documented in its README). If a live server shows otherwise, this is the one
module to correct.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.api.envelope import Command, CommandResult
from app.core.errors import MalformedData
from app.core.kinds import Kind
from app.core.values import as_id, as_int_list, as_str


def object_list(command: str, data: Mapping[str, Any], key: str) -> list[Any]:
    """The list of objects an answer holds under `key`; MalformedData for any other shape.

    A PHP back end encodes an array whose keys are not 0…n-1 (filtered, or keyed by id) as a
    JSON object: `{"0": {…}, "3": {…}}`. When every value is an object, that is the list (each
    object carries its own id, so the keys add nothing) and it is read as one. Anything else,
    including a missing key (the docs say an empty result is an empty collection, never an
    absent one), is an answer the app does not understand: reading it as "no objects" would
    let the loop finish and its cursor pass those objects for good, so the caller fails the
    page instead and stores nothing of it.
    """
    objects = data.get(key)
    if isinstance(objects, list):
        return objects
    if isinstance(objects, Mapping) and all(isinstance(obj, Mapping) for obj in objects.values()):
        return list(objects.values())
    found = "nothing" if objects is None else f"a {_json_type(objects)}"
    raise MalformedData(
        f"The server's answer to {command} has no list of {key!r} (it sent {found})"
    )


def _json_type(value: Any) -> str:
    """What a JSON value other than a list or null is, in words."""
    if isinstance(value, Mapping):
        return "set that is not a list of objects"
    if isinstance(value, str):
        return "text"
    return "true/false value" if isinstance(value, bool) else "number"


@dataclass(frozen=True, slots=True)
class ListRead:
    """A command whose result holds a list of objects under `result_key`."""

    command: str
    result_key: str

    def __call__(self, **params: Any) -> Command:
        return Command(self.command, params)

    def objects(self, result: CommandResult) -> list[Any]:
        """The objects; MalformedData when the answer holds no list of them (`object_list`)."""
        return object_list(self.command, result.data, self.result_key)


@dataclass(frozen=True, slots=True)
class ByLastChange(ListRead):
    """A …ByLastChange command: changedate, changetime, resumekey in; objects, resumekey out."""

    def page(
        self, changedate: str, changetime: str, resumekey: str | None, params: Mapping[str, Any]
    ) -> Command:
        wire: dict[str, Any] = {"changedate": changedate, "changetime": changetime, **params}
        if resumekey:
            wire["resumekey"] = resumekey
        return Command(self.command, wire)


BY_LAST_CHANGE: Mapping[Kind, ByLastChange] = {
    Kind.TODO: ByLastChange("GetTodosByLastChange", "todos"),  # [INF] result key
    Kind.CUSTOMER: ByLastChange("GetCustomersByLastChange", "customers"),
    Kind.PERSON: ByLastChange("GetPersonsByLastChange", "persons"),  # [INF] result key
    Kind.TOOL: ByLastChange("GetToolsByLastChange", "tools"),
    Kind.PRODUCT: ByLastChange("GetProductsByLastChange", "products"),
    Kind.THREAD: ByLastChange("GetThreadsByLastChange", "threads"),
    Kind.PROCEDURE: ByLastChange("GetProceduresByLastChange", "procedures"),  # [INF]
    Kind.RELATION: ByLastChange("GetRelationsByLastChange", "relations"),
}


@dataclass(frozen=True, slots=True)
class Page:
    objects: list[Any]
    resumekey: str | None
    customerids: list[int] = field(default_factory=list)


def read_page(step: ByLastChange, result: CommandResult) -> Page:
    """One page of a loop; an empty or "0" resumekey means the loop is done.

    GetToolsByLastChange with placeofhome=2 also lists `customerids`: companies whose
    equipment the app should read with GetToolsByField.
    """
    resumekey = as_str(result.data.get("resumekey")).strip()
    return Page(
        step.objects(result),
        resumekey if resumekey and resumekey != "0" else None,
        as_int_list(result.data.get("customerids")),
    )


# -- "other times" reads (seeds/004) ---------------------------------------------------------

# field=custref, value=company id, knowntools=[{id, changedate, changetime}] → only new/changed.
TOOLS_BY_FIELD = ListRead("GetToolsByField", "tools")
TOOLS_BY_TODO = ListRead("GetToolsByTodoID", "tools")  # [INF] todoid, knowntools
PRODUCT_USE_BY_TODO = ListRead("GetProductUseByTodoID", "todoitems")  # [INF] todoid
PRODUCT_USE_BY_TOOL = ListRead("GetProductUseByToolID", "todoitems")  # [INF] toolid
REGISTRATIONS_BY_TODO = ListRead("GetRegistrations", "registrations")  # [INF] todoid
REGISTRATIONS_BY_DATE = ListRead("GetRegistrationByDate", "registrationentries")  # date
THREADS_OF_OBJECT = ListRead("GetThreads", "threads")  # objecttype, objectid, exclmessages
EVENTS_BY_DATE = ListRead("GetEventsByUserAndDate", "calendarentries")  # fromdate, todate
PRODUCTION_BY_DATE = ListRead("GetProductionByUserAndDate", "prodplanentries")


def thread_by_id(thread_id: int) -> Command:
    """GetThreadByID with its messages (exclmessages=0), as the guide says for opening one."""
    return Command("GetThreadByID", {"threadid": thread_id, "exclmessages": 0})


def known_tools(tools: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """[INF] `tooldate` = {id, changedate, changetime}: what we hold, so only changes come."""
    return [
        {"id": as_id(tool.get("id")), "changedate": as_str(tool.get("changedate")),
         "changetime": as_str(tool.get("changetime"))}
        for tool in tools
    ]
