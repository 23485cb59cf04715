"""The setup answers the app reads (GetMobileAppSettings, GetMainPages, GetCustomFields, …),
parsed into app/core/setup.py values.

Next to app/api/shapes.py (the object lists): these are the other half of what the server
sends, one reader per command. Each reader takes the answer as the sync keeps it (a mapping,
or None before the first sync) and is lenient (app.core.values): a malformed entry is skipped,
a malformed answer reads as empty; setup data never fails a page or a sync. Shapes the public
docs leave open are marked [INF] and agree with the sandbox (app/sandbox/README.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.kinds import Kind
from app.core.setup import (
    CheckIn,
    Checkpoint,
    Column,
    ColumnGroup,
    CustomField,
    Layout,
    MainPageBox,
    TaskState,
    ToolType,
    User,
)
from app.core.values import (
    as_bool,
    as_date,
    as_float,
    as_id,
    as_int,
    as_int_list,
    as_str,
    as_time,
)

Answer = Mapping[str, Any] | None

# Main pages and check-ins name the object type; accept the plurals other commands use.
_OBJECT_TYPES: dict[str, Kind] = {
    **{kind.value: kind for kind in (Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL)},
    "todos": Kind.TODO, "customers": Kind.CUSTOMER, "persons": Kind.PERSON, "tools": Kind.TOOL,
}


def _entries(answer: Answer, key: str) -> Iterator[Mapping[str, Any]]:
    """The objects listed under `key`: a list, or a PHP array keyed by id (a JSON object of
    objects); anything that is not an object is skipped."""
    found = answer.get(key) if isinstance(answer, Mapping) else None
    if isinstance(found, Mapping):
        found = list(found.values())
    if isinstance(found, list):
        yield from (entry for entry in found if isinstance(entry, Mapping))


def object_kind(value: Any) -> Kind | None:
    """A main page's or a check-in's object type ("todo", "Customer", "tools"…) as a kind."""
    return _OBJECT_TYPES.get(as_str(value).strip().lower())


# -- GetMobileAppSettings, GetCurrentUserID --------------------------------------------------


@dataclass(frozen=True, slots=True)
class MobileAppSettings:
    """[INF] GetMobileAppSettings → {"functions": [keyword, …], "settings": {…}}."""

    functions: frozenset[str] = frozenset()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def enabled(self, function: str) -> bool:
        return function in self.functions


def read_mobile_app_settings(data: Answer) -> MobileAppSettings:
    data = data if isinstance(data, Mapping) else {}
    functions = data.get("functions", [])
    # Accept a set {keyword: 1} as well as a list of keywords: the docs do not say which.
    if isinstance(functions, Mapping):
        functions = [name for name, on in functions.items() if on not in (0, "0", False, None)]
    if not isinstance(functions, list):
        functions = []
    settings = data.get("settings", {})
    return MobileAppSettings(
        functions=frozenset(as_str(name) for name in functions if as_str(name)),
        settings=settings if isinstance(settings, Mapping) else {},
    )


def current_user_id(data: Answer) -> int:
    """[INF] GetCurrentUserID → {"userid": n}; 0 when not read yet."""
    return as_id(data.get("userid")) if isinstance(data, Mapping) else 0


# -- GetMainPages, GetColumnGroups, GetCustomFields ------------------------------------------


def read_main_pages(data: Answer) -> dict[Kind, tuple[MainPageBox, ...]]:
    """[INF] `mainpages`: [{objecttype, boxes: [{id, box, title, iscolumngroup, columngroupid,
    sortorder}]}]; each page's boxes in sortorder (then id). A box without a type is skipped."""
    pages: dict[Kind, tuple[MainPageBox, ...]] = {}
    for page in _entries(data, "mainpages"):
        kind = object_kind(page.get("objecttype"))
        if kind is None:
            continue
        boxes = [box for box in map(_main_page_box, _entries(page, "boxes")) if box]
        pages[kind] = tuple(sorted(boxes, key=lambda box: (box.sortorder, box.id)))
    return pages


def _main_page_box(raw: Mapping[str, Any]) -> MainPageBox | None:
    box = as_str(raw.get("box")).strip()
    if not box:
        return None
    group = as_id(raw.get("columngroupid"))
    return MainPageBox(
        id=as_id(raw.get("id")),
        box=box,
        title=as_str(raw.get("title")),
        iscolumngroup=as_bool(raw.get("iscolumngroup")),
        columngroupid=group,
        sortorder=as_int(raw.get("sortorder")),
    )


def read_column_groups(data: Answer) -> dict[int, ColumnGroup]:
    """[INF] `columngroups`: [{id, title, objecttype, columns: [{field, title, type}]}]."""
    groups: dict[int, ColumnGroup] = {}
    for raw in _entries(data, "columngroups"):
        group_id = as_id(raw.get("id"))
        if not group_id:
            continue
        columns = tuple(
            Column(as_str(column.get("field")).strip(), as_str(column.get("title")),
                   as_str(column.get("type"), "string").strip().lower() or "string")
            for column in _entries(raw, "columns")
            if as_str(column.get("field")).strip()
        )
        groups[group_id] = ColumnGroup(
            group_id, as_str(raw.get("title")), as_str(raw.get("objecttype")).strip().lower(),
            columns,
        )
    return groups


def read_layout(main_pages: Answer, column_groups: Answer) -> Layout:
    """The answers of GetMainPages and GetColumnGroups as one layout (both may be one mapping:
    their keys differ)."""
    return Layout(read_main_pages(main_pages), read_column_groups(column_groups))


def read_custom_fields(data: Answer) -> dict[int, CustomField]:
    """[INF] `customfields`: {group: [{id, title, type, visibility, options?}]} with the
    groups todo, customers, tools, person, users; a flat list whose entries carry their
    `objecttype` is read as well."""
    found = data.get("customfields") if isinstance(data, Mapping) else None
    if isinstance(found, Mapping):
        grouped = ((as_str(group), raw) for group in found
                   for raw in _entries(found, group))
    else:
        grouped = ((as_str(raw.get("objecttype")), raw) for raw in _entries(data, "customfields"))
    fields: dict[int, CustomField] = {}
    for group, raw in grouped:
        field_id = as_id(raw.get("id"))
        if not field_id:
            continue
        options = raw.get("options")
        fields[field_id] = CustomField(
            id=field_id,
            objecttype=group.strip().lower(),
            title=as_str(raw.get("title")),
            type=as_int(raw.get("type")),
            visibility=frozenset(as_int_list(raw.get("visibility"))),
            options=tuple(as_str(o) for o in options) if isinstance(options, list) else (),
        )
    return fields


# -- GetTodoStates, GetCheckpoints, GetToolTypes, GetUsers ------------------------------------


def read_task_states(data: Answer) -> tuple[TaskState, ...]:
    """`states`: [{id, title, color, isclosed, workareaids}], in the server's order."""
    return tuple(
        TaskState(state_id, as_str(raw.get("title")), as_str(raw.get("color")),
                  as_bool(raw.get("isclosed")), frozenset(as_int_list(raw.get("workareaids"))))
        for raw in _entries(data, "states")
        if (state_id := as_id(raw.get("id")))
    )


def read_checkpoints(data: Answer) -> dict[int, Checkpoint]:
    """[INF] `checkpoints`: [{id, title, description, frequency}]."""
    return {
        checkpoint_id: Checkpoint(checkpoint_id, as_str(raw.get("title")),
                                  as_str(raw.get("description")), as_str(raw.get("frequency")))
        for raw in _entries(data, "checkpoints")
        if (checkpoint_id := as_id(raw.get("id")))
    }


def read_tool_types(data: Answer) -> dict[int, ToolType]:
    """`types`: [{id, title, classid, periodtype, period}] (and `classes`, not read here)."""
    return {
        type_id: ToolType(type_id, as_str(raw.get("title")),
                          as_str(raw.get("periodtype")).strip().lower(),
                          as_int(raw.get("period")), as_id(raw.get("classid")))
        for raw in _entries(data, "types")
        if (type_id := as_id(raw.get("id")))
    }


def read_my_teams(data: Answer) -> frozenset[int]:
    """[INF] GetTeams → `myteams`: the ids of the current user's teams (a list of ids)."""
    teams = data.get("myteams") if isinstance(data, Mapping) else None
    return frozenset(as_int_list(teams))


def read_users(data: Answer) -> dict[int, User]:
    """[INF] GetUsers → `users`: [{id, name, initials, email, phone, mobile, title}]."""
    return {
        user_id: User(user_id, as_str(raw.get("name")), as_str(raw.get("email")),
                      as_str(raw.get("phone")), as_str(raw.get("mobile")),
                      as_str(raw.get("initials")), as_str(raw.get("title")))
        for raw in _entries(data, "users")
        if (user_id := as_id(raw.get("id")))
    }


# -- GetCheckIn ---------------------------------------------------------------------------------

_CHECKIN_IDS = {Kind.TODO: "todoid", Kind.CUSTOMER: "customerid"}


def read_checkin(data: Answer, ticked: Any = None) -> CheckIn | None:
    """GetCheckIn → {ischeckedin, checkinid, checkin: {objecttype, todoid, customerid,
    checkindate, checkintime, checkinlatitude, checkinlongitude, …}}: the open check-in, or
    None. `ticked`: the checkpoints ticked since (a local list of ids, kept beside it)."""
    if not isinstance(data, Mapping) or not as_bool(data.get("ischeckedin")):
        return None
    checkin = data.get("checkin")
    if not isinstance(checkin, Mapping):
        return None
    kind = object_kind(checkin.get("objecttype"))
    if kind not in _CHECKIN_IDS:
        kind = Kind.TODO if as_id(checkin.get("todoid")) else Kind.CUSTOMER
    object_id = as_id(checkin.get(_CHECKIN_IDS[kind]))
    if not object_id:
        return None
    day, moment = as_date(checkin.get("checkindate")), as_time(checkin.get("checkintime"))
    return CheckIn(
        kind=kind,
        object_id=object_id,
        checkin_id=as_id(data.get("checkinid")) or as_id(checkin.get("id")),
        since=datetime.combine(day, moment) if day and moment else None,
        ticked=frozenset(as_int_list(ticked)),
        latitude=as_float(checkin.get("checkinlatitude")),
        longitude=as_float(checkin.get("checkinlongitude")),
    )
