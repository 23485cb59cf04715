"""The contract's setup as the app uses it: main pages, column groups, custom fields, states…

Plain frozen values, parsed leniently from the server's answers by app/api/setup_shapes.py, so
views and boxes read typed fields instead of digging in raw JSON (and never see the wire).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.core.kinds import Kind


@dataclass(frozen=True, slots=True)
class MainPageBox:
    """One box of a main page (GetMainPages); `box` is its type, e.g. "address",
    "columngroup3". `columngroupid` is 0 unless `iscolumngroup`."""

    id: int
    box: str
    title: str
    iscolumngroup: bool
    columngroupid: int
    sortorder: int


@dataclass(frozen=True, slots=True)
class Column:
    """One line of a column group: an object field (or `custom<ID>`), its title, and how to
    show it: string, number, date, phone, email or url."""

    field: str
    title: str
    type: str


@dataclass(frozen=True, slots=True)
class ColumnGroup:
    id: int
    title: str
    objecttype: str  # "todo", "customer", "person" or "tool"
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """What GetMainPages and GetColumnGroups define together: each kind's boxes in display
    order and the column groups by id. The account's layout, or one an office user previews
    from a file before rolling it out (app/sync/layout_file.py)."""

    pages: Mapping[Kind, tuple[MainPageBox, ...]] = field(default_factory=dict)
    column_groups: Mapping[int, ColumnGroup] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CustomField:
    """A custom field's definition; its value is the object's `custom<id>` field.

    `objecttype` is the GetCustomFields group it came in ("todo", "customers", "tools",
    "person", "users"); `kind` is that group as an object kind (None for users). `type` is the
    Microbizz field type: 1 text, 2 checkbox, 3 dropdown, 4 number, 6 date, 8 long text,
    9 user, 11 address. `visibility`: the type ids of the objects it applies to.
    """

    id: int
    objecttype: str
    title: str
    type: int
    visibility: frozenset[int] = frozenset()
    options: tuple[str, ...] = ()

    USER = 9
    ADDRESS = 11

    @property
    def key(self) -> str:
        """The field that holds its value on an object."""
        return f"custom{self.id}"

    @property
    def kind(self) -> Kind | None:
        return CUSTOM_FIELD_KINDS.get(self.objecttype)


# GetCustomFields groups its definitions under these names.
CUSTOM_FIELD_KINDS: dict[str, Kind] = {
    "todo": Kind.TODO, "customers": Kind.CUSTOMER, "tools": Kind.TOOL, "person": Kind.PERSON,
}


@dataclass(frozen=True, slots=True)
class TaskState:
    id: int
    title: str
    color: str
    isclosed: bool
    workareaids: frozenset[int] = frozenset()  # the work areas whose tasks may take it


@dataclass(frozen=True, slots=True)
class Checkpoint:
    id: int
    title: str
    description: str = ""
    frequency: str = ""


@dataclass(frozen=True, slots=True)
class ToolType:
    """An equipment type and its service interval: every `period` `periodtype`s
    ("day", "week", "month", "year")."""

    id: int
    title: str
    periodtype: str
    period: int
    classid: int = 0

    @property
    def serviced(self) -> bool:
        """Whether it has a service interval the app understands."""
        return self.period > 0 and self.periodtype in _PERIOD_UNITS

    def every(self) -> str:
        """The interval as a person says it: "every 6 months", "every year"; "" without one."""
        if not self.serviced:
            return ""
        unit = self.periodtype
        return f"every {unit}" if self.period == 1 else f"every {self.period} {unit}s"

    def next_service(self, serviced: date) -> date | None:
        """When the next service is due after one on `serviced`; None without an interval.
        Months and years keep the day of the month, or the month's last day when it is
        shorter (31 Jan + 1 month = 28/29 Feb)."""
        if not self.serviced:
            return None
        if self.periodtype in ("day", "week"):
            return serviced + timedelta(days=self.period * _PERIOD_UNITS[self.periodtype])
        months = serviced.month - 1 + self.period * _PERIOD_UNITS[self.periodtype]
        year, month = serviced.year + months // 12, months % 12 + 1
        return date(year, month, min(serviced.day, monthrange(year, month)[1]))


# Days per day and week; months per month and year.
_PERIOD_UNITS = {"day": 1, "week": 7, "month": 1, "year": 12}


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    email: str = ""
    phone: str = ""
    mobile: str = ""
    initials: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The technician's open check-in: where (`kind`, `object_id`), the server's id (0 while
    the check-in waits in the outbox), since when, the checkpoints ticked meanwhile, and where
    the technician stood when checking in (0, 0: not known)."""

    kind: Kind
    object_id: int
    checkin_id: int
    since: datetime | None
    ticked: frozenset[int] = frozenset()
    latitude: float = 0.0
    longitude: float = 0.0
