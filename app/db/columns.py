"""The indexed columns of each object table and how each is read from a server object.

The whole object is kept as JSON in `data`; these columns exist only for what the app filters,
sorts and searches on. Extraction is lenient (see app.core.values), so an odd field value
becomes a default and never fails the row, and every INTEGER fits SQLite's 64 bits.

A reference to another object (`_ref`: customerid, userid, …) that is not a valid Microbizz ID
(`true`, 1e30, -3, "abc") becomes 0, which is what the server itself sends for "none": the
object is kept and shown (its raw value stays in `data`), it only is not listed under an
object it cannot truly name. Only an object whose own `id` is invalid is skipped (see
app.db.objects), since there is no row it could be.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.kinds import Kind
from app.core.values import INT64_MAX, as_bool, as_date, as_id, as_int, as_str

Extract = Callable[[Mapping[str, Any]], Any]
_INT64_MIN = -INT64_MAX - 1


class ColumnIndex(enum.Enum):
    """Whether a column has an index (the value, then the id), and from when.

    A first sync receives each page's objects in the order they changed, their values all over
    each index's range, so every page's commit rewrites about as many leaves of each index as
    it has objects once the index is large: the writer's cost per object grew with the store.
    So the indexes that only main pages read are made after a pass's loops
    (`ObjectRepo.index_lookups`, app/sync/engine.py), in one go from the rows, or at once when a
    main page first looks something up by one (`Session.related`). Made so, the writer alone
    takes 9 % less time at 100k objects and 15 % less at 500k (bench/README.md, "what main
    pages look up by").
    """

    # a list sorts by it (or My day reads its registrations by it): made with the table, read
    # while a first sync fills it
    LIST = "list"
    LOOKUP = "lookup"  # main pages find related objects by it: made after a pass's loops


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str  # "INTEGER" | "TEXT" | "REAL"
    extract: Extract
    index: ColumnIndex | None = None


# A first sync extracts about a million values: each reader takes the server's usual spelling
# (an int, a str) at once and leaves every other to the lenient function, which gives the same.


def _int(key: str) -> Extract:
    def extract(obj: Mapping[str, Any]) -> int:
        value = obj.get(key)
        return value if type(value) is int and _INT64_MIN <= value <= INT64_MAX else as_int(value)

    return extract


def _ref(key: str) -> Extract:
    def extract(obj: Mapping[str, Any]) -> int:
        value = obj.get(key)
        return value if type(value) is int and 0 < value <= INT64_MAX else as_id(value)

    return extract


def _text(key: str) -> Extract:
    def extract(obj: Mapping[str, Any]) -> str:
        value = obj.get(key)
        return value if type(value) is str else as_str(value)

    return extract


def _flag(key: str) -> Extract:
    return lambda obj: 1 if as_bool(obj.get(key)) else 0


def _date(key: str) -> Extract:
    def extract(obj: Mapping[str, Any]) -> str:
        day = as_date(obj.get(key))
        return day.isoformat() if day else ""

    return extract


def _person_name(obj: Mapping[str, Any]) -> str:
    return " ".join(part for part in (as_str(obj.get("firstname")), as_str(obj.get("lastname")))
                    if part)


LIST, LOOKUP = ColumnIndex.LIST, ColumnIndex.LOOKUP

COLUMNS: Mapping[Kind, tuple[Column, ...]] = {
    Kind.TODO: (
        Column("number", "TEXT", _text("number")),
        Column("title", "TEXT", _text("title")),
        Column("customerid", "INTEGER", _ref("customerid"), LOOKUP),
        Column("customertext", "TEXT", _text("customertext")),
        Column("statetext", "TEXT", _text("statetext")),
        Column("userid", "INTEGER", _ref("userid"), LOOKUP),
        Column("isclosed", "INTEGER", _flag("isclosed")),
        Column("priority", "INTEGER", _int("priority")),
        Column("city", "TEXT", _text("city")),
        Column("enddate", "TEXT", _date("enddate"), LIST),
    ),
    Kind.CUSTOMER: (
        Column("customernumber", "TEXT", _text("customernumber")),
        Column("name", "TEXT", _text("name"), LIST),
        Column("address", "TEXT", _text("address")),
        Column("zip", "TEXT", _text("zip")),
        Column("city", "TEXT", _text("city")),
        Column("phone", "TEXT", _text("phone")),
        Column("parentcust", "INTEGER", _ref("parentcust"), LOOKUP),
    ),
    Kind.PERSON: (
        Column("name", "TEXT", _person_name, LIST),
        Column("title", "TEXT", _text("title")),
        Column("customerid", "INTEGER", _ref("customerid"), LOOKUP),
        Column("email", "TEXT", _text("email")),
        Column("phone", "TEXT", _text("phone")),
        Column("mobile", "TEXT", _text("mobile")),
    ),
    Kind.TOOL: (
        Column("number", "TEXT", _text("number")),
        Column("title", "TEXT", _text("title"), LIST),
        Column("grouptext", "TEXT", _text("grouptext")),
        Column("statetext", "TEXT", _text("statetext")),
        Column("customerid", "INTEGER", _ref("customerid"), LOOKUP),
        Column("placeofhome", "INTEGER", _ref("placeofhome"), LOOKUP),
        Column("carrier_userid", "INTEGER", _ref("carrier_userid"), LOOKUP),
    ),
    Kind.PRODUCT: (
        Column("number", "TEXT", _text("number")),
        Column("title", "TEXT", _text("title")),
    ),
    Kind.THREAD: (
        Column("objecttype", "TEXT", _text("objecttype")),
        Column("objectid", "INTEGER", _ref("objectid"), LOOKUP),
        Column("title", "TEXT", _text("title")),
    ),
    Kind.PROCEDURE: (
        Column("modcode", "TEXT", _text("modcode")),
        Column("sysref", "INTEGER", _ref("sysref"), LOOKUP),
        Column("title", "TEXT", _text("title")),
    ),
    Kind.RELATION: (
        Column("personid", "INTEGER", _ref("personid"), LOOKUP),
        Column("customerid", "INTEGER", _ref("customerid"), LOOKUP),
        Column("title", "TEXT", _text("title")),
    ),
    Kind.REGISTRATION: (
        Column("date", "TEXT", _date("date"), LIST),
        Column("userid", "INTEGER", _ref("userid")),
        Column("todoid", "INTEGER", _ref("todoid"), LOOKUP),
    ),
    Kind.STODO: (
        Column("modcode", "TEXT", _text("modcode")),
        Column("objectid", "INTEGER", _ref("objectid"), LOOKUP),
        Column("date", "TEXT", _date("date")),
    ),
    Kind.CALL: (
        Column("customerid", "INTEGER", _ref("customerid"), LOOKUP),
        Column("calltime", "TEXT", _text("calltime")),
    ),
    Kind.PRODUCTUSE: (
        Column("todoid", "INTEGER", _ref("todoid"), LOOKUP),
        Column("toolid", "INTEGER", _ref("toolid"), LOOKUP),
    ),
}


@functools.cache  # asked by every refresh of a list during a sync; COLUMNS never changes
def indexed_columns(kind: Kind, index: ColumnIndex = ColumnIndex.LIST) -> frozenset[str]:
    """The columns of `kind`'s table with an index of that kind (the value, then the id). A
    list sorted by a `LIST` one reads its first rows, and any page after them, from the
    index."""
    return frozenset(column.name for column in COLUMNS[kind] if column.index is index)
