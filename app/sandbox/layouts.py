"""Main pages and column groups of the demo contract (GetMainPages, GetColumnGroups).

Every box type of the app sync guide appears on a page where it makes sense, and the task
page carries one type no app knows ("weatherforecast"): the client must leave it out.
Column `type` is one of: string, number, date, phone, email, url.
"""

from __future__ import annotations

from itertools import count
from typing import Any

Record = dict[str, Any]


def _group(group_id: int, title: str, objecttype: str, *columns: tuple[str, str, str]) -> Record:
    return {
        "id": group_id,
        "title": title,
        "objecttype": objecttype,
        "columns": [{"field": f, "title": t, "type": kind} for f, t, kind in columns],
    }


COLUMN_GROUPS: tuple[Record, ...] = (
    _group(
        1,
        "Task",
        "todo",
        ("number", "Task no.", "string"),
        ("title", "Title", "string"),
        ("statetext", "State", "string"),
        ("workareatext", "Work area", "string"),
        ("priority", "Priority", "number"),
        ("estimate", "Estimate (min)", "number"),
        ("startdate", "Start", "date"),
        ("enddate", "End", "date"),
        ("nextaction", "Next action", "date"),
        ("custom101", "Access", "string"),
    ),
    _group(
        2,
        "Customer",
        "todo",
        ("customertext", "Customer", "string"),
        ("address", "Address", "string"),
        ("zip", "Zip", "string"),
        ("city", "City", "string"),
    ),
    _group(
        3,
        "Company",
        "customer",
        ("customernumber", "Customer no.", "string"),
        ("name", "Name", "string"),
        ("phone", "Phone", "phone"),
        ("email", "E-mail", "email"),
        ("www", "Website", "url"),
        ("vat", "CVR", "string"),
        ("typetext", "Type", "string"),
        ("custom201", "Service agreement", "string"),
    ),
    _group(
        4,
        "Person",
        "person",
        ("firstname", "First name", "string"),
        ("lastname", "Last name", "string"),
        ("title", "Job title", "string"),
        ("phone", "Phone", "phone"),
        ("mobile", "Mobile", "phone"),
        ("email", "E-mail", "email"),
        ("typetext", "Type", "string"),
    ),
    _group(
        5,
        "Equipment",
        "tool",
        ("number", "Equipment no.", "string"),
        ("title", "Title", "string"),
        ("grouptext", "Type", "string"),
        ("statetext", "State", "string"),
        ("serialnumber", "Serial no.", "string"),
        ("barcode", "Barcode", "string"),
        ("lastservice", "Last service", "date"),
        ("nextservice", "Next service", "date"),
    ),
)

_GROUP_TITLES = {group["id"]: group["title"] for group in COLUMN_GROUPS}
_BOX_TITLES = {
    "checklist": "Checklist",
    "reminders": "Reminders",
    "procedures": "Procedures",
    "subcustomers": "Subcustomers",
    "toolservice": "Service",
    "tooltake": "Take equipment",
    "address": "Addresses",
    "persons": "Persons",
    "users": "Users",
    "description": "Description",
    "companies": "Companies",
    "weatherforecast": "Weather forecast",
}
_box_ids = count(1)


def _page(objecttype: str, *boxes: str | int) -> Record:
    """A page from box types in display order; an int is the id of a column group."""
    return {
        "objecttype": objecttype,
        "boxes": [_box(box, sortorder) for sortorder, box in enumerate(boxes, start=1)],
    }


def _box(box: str | int, position: int) -> Record:
    if isinstance(box, int):
        box_type, title, group_id = f"columngroup{box}", _GROUP_TITLES[box], box
    else:
        box_type, title, group_id = box, _BOX_TITLES[box], 0
    return {
        "id": next(_box_ids),
        "box": box_type,
        "title": title,
        "iscolumngroup": int(group_id != 0),
        "columngroupid": group_id,
        "sortorder": position * 10,
    }


MAIN_PAGES: tuple[Record, ...] = (
    _page(
        "todo",
        1,
        "description",
        "checklist",
        "address",
        "users",
        "reminders",
        "procedures",
        2,
        "weatherforecast",
    ),
    _page("customer", 3, "address", "persons", "users", "subcustomers", "procedures", "reminders"),
    _page("person", 4, "address", "companies"),
    _page("tool", 5, "toolservice", "tooltake", "users"),
)
