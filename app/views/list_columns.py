"""The columns of each list: what a technician looks for in that kind of object, in the
order they read it, each wide enough for what it usually holds.

A column is a column of the kind's table or one of its derived values (app/sync/listing.py
DERIVED); every one can be sorted on. `extra` columns are read with each row but not shown:
the equipment list says who carries a tool that is at no customer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.kinds import Kind
from app.core.texts import QT_TRANSLATE_NOOP
from app.core.values import as_date
from app.sync.listing import ListChoice
from app.views.formatting import date_text

CONTEXT = "ObjectList"  # spelled out in each mark below: lupdate reads only a literal


@dataclass(frozen=True, slots=True)
class ListColumn:
    name: str  # in the store
    header: str  # English source text, translated where it is shown (CONTEXT)
    width: int  # pixels at the start; the technician may drag it
    is_date: bool = False


LIST_COLUMNS: Mapping[Kind, tuple[ListColumn, ...]] = {
    Kind.TODO: (
        ListColumn("number", QT_TRANSLATE_NOOP("ObjectList", "No."), 80),
        ListColumn("title", QT_TRANSLATE_NOOP("ObjectList", "Title"), 260),
        ListColumn("customertext", QT_TRANSLATE_NOOP("ObjectList", "Customer"), 210),
        ListColumn("statetext", QT_TRANSLATE_NOOP("ObjectList", "State"), 120),
        ListColumn("city", QT_TRANSLATE_NOOP("ObjectList", "City"), 130),
        ListColumn("enddate", QT_TRANSLATE_NOOP("ObjectList", "Deadline"), 90, is_date=True),
    ),
    Kind.CUSTOMER: (
        ListColumn("name", QT_TRANSLATE_NOOP("ObjectList", "Name"), 250),
        ListColumn("customernumber", QT_TRANSLATE_NOOP("ObjectList", "No."), 80),
        ListColumn("address", QT_TRANSLATE_NOOP("ObjectList", "Address"), 210),
        ListColumn("zip", QT_TRANSLATE_NOOP("ObjectList", "Zip"), 60),
        ListColumn("city", QT_TRANSLATE_NOOP("ObjectList", "City"), 140),
        ListColumn("phone", QT_TRANSLATE_NOOP("ObjectList", "Phone"), 110),
    ),
    Kind.PERSON: (
        ListColumn("name", QT_TRANSLATE_NOOP("ObjectList", "Name"), 200),
        ListColumn("company", QT_TRANSLATE_NOOP("ObjectList", "Company"), 230),
        ListColumn("phone", QT_TRANSLATE_NOOP("ObjectList", "Phone"), 110),
        ListColumn("mobile", QT_TRANSLATE_NOOP("ObjectList", "Mobile"), 110),
        ListColumn("email", QT_TRANSLATE_NOOP("ObjectList", "E-mail"), 240),
        ListColumn("title", QT_TRANSLATE_NOOP("ObjectList", "Job title"), 150),
    ),
    Kind.TOOL: (
        ListColumn("number", QT_TRANSLATE_NOOP("ObjectList", "No."), 70),
        ListColumn("title", QT_TRANSLATE_NOOP("ObjectList", "Name"), 240),
        ListColumn("serialnumber", QT_TRANSLATE_NOOP("ObjectList", "Serial no."), 130),
        ListColumn("grouptext", QT_TRANSLATE_NOOP("ObjectList", "Type"), 150),
        ListColumn("location", QT_TRANSLATE_NOOP("ObjectList", "Where"), 230),
        ListColumn("statetext", QT_TRANSLATE_NOOP("ObjectList", "State"), 110),
    ),
}

# Read with each row, not shown as a column of their own.
EXTRA_COLUMNS: Mapping[Kind, tuple[str, ...]] = {Kind.TOOL: ("carrier_userid",)}

# The sort a list starts with: what a technician scans it by.
DEFAULT_SORT: Mapping[Kind, tuple[str, bool]] = {
    Kind.TODO: ("enddate", False),
    Kind.CUSTOMER: ("name", False),
    Kind.PERSON: ("name", False),
    Kind.TOOL: ("title", False),
}


def default_choice(kind: Kind) -> ListChoice:
    """How a list is sorted and filtered until the technician changes it."""
    sort, descending = DEFAULT_SORT[kind]
    return ListChoice(sort=sort, descending=descending)


def shown_value(column: ListColumn, value: Any) -> Any:
    """A stored value as the lists and a page's header show it: a date in the locale's short
    form ("07.11.2026"), anything else as stored."""
    if column.is_date and value:
        day = as_date(value)
        return date_text(day) if day else value
    return value
