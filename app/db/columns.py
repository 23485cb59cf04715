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

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.kinds import Kind
from app.core.values import INT64_MAX, as_bool, as_date, as_id, as_int, as_str

Extract = Callable[[Mapping[str, Any]], Any]
_INT64_MIN = -INT64_MAX - 1


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str  # "INTEGER" | "TEXT" | "REAL"
    extract: Extract
    indexed: bool = True


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


COLUMNS: Mapping[Kind, tuple[Column, ...]] = {
    Kind.TODO: (
        Column("number", "TEXT", _text("number"), indexed=False),
        Column("title", "TEXT", _text("title"), indexed=False),
        Column("customerid", "INTEGER", _ref("customerid")),
        Column("customertext", "TEXT", _text("customertext"), indexed=False),
        Column("statetext", "TEXT", _text("statetext"), indexed=False),
        Column("userid", "INTEGER", _ref("userid")),
        Column("isclosed", "INTEGER", _flag("isclosed"), indexed=False),
        Column("priority", "INTEGER", _int("priority"), indexed=False),
        Column("city", "TEXT", _text("city"), indexed=False),
        Column("enddate", "TEXT", _date("enddate")),
    ),
    Kind.CUSTOMER: (
        Column("customernumber", "TEXT", _text("customernumber"), indexed=False),
        Column("name", "TEXT", _text("name")),
        Column("address", "TEXT", _text("address"), indexed=False),
        Column("zip", "TEXT", _text("zip"), indexed=False),
        Column("city", "TEXT", _text("city"), indexed=False),
        Column("phone", "TEXT", _text("phone"), indexed=False),
        Column("parentcust", "INTEGER", _ref("parentcust")),
    ),
    Kind.PERSON: (
        Column("name", "TEXT", _person_name),
        Column("title", "TEXT", _text("title"), indexed=False),
        Column("customerid", "INTEGER", _ref("customerid")),
        Column("email", "TEXT", _text("email"), indexed=False),
        Column("phone", "TEXT", _text("phone"), indexed=False),
        Column("mobile", "TEXT", _text("mobile"), indexed=False),
    ),
    Kind.TOOL: (
        Column("number", "TEXT", _text("number"), indexed=False),
        Column("title", "TEXT", _text("title")),
        Column("grouptext", "TEXT", _text("grouptext"), indexed=False),
        Column("statetext", "TEXT", _text("statetext"), indexed=False),
        Column("customerid", "INTEGER", _ref("customerid")),
        Column("placeofhome", "INTEGER", _ref("placeofhome")),
        Column("carrier_userid", "INTEGER", _ref("carrier_userid")),
    ),
    Kind.PRODUCT: (
        Column("number", "TEXT", _text("number"), indexed=False),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.THREAD: (
        Column("objecttype", "TEXT", _text("objecttype"), indexed=False),
        Column("objectid", "INTEGER", _ref("objectid")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.PROCEDURE: (
        Column("modcode", "TEXT", _text("modcode"), indexed=False),
        Column("sysref", "INTEGER", _ref("sysref")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.RELATION: (
        Column("personid", "INTEGER", _ref("personid")),
        Column("customerid", "INTEGER", _ref("customerid")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.REGISTRATION: (
        Column("date", "TEXT", _date("date")),
        Column("userid", "INTEGER", _ref("userid"), indexed=False),
        Column("todoid", "INTEGER", _ref("todoid")),
    ),
    Kind.STODO: (
        Column("modcode", "TEXT", _text("modcode"), indexed=False),
        Column("objectid", "INTEGER", _ref("objectid")),
        Column("date", "TEXT", _date("date"), indexed=False),
    ),
    Kind.CALL: (
        Column("customerid", "INTEGER", _ref("customerid")),
        Column("calltime", "TEXT", _text("calltime"), indexed=False),
    ),
    Kind.PRODUCTUSE: (
        Column("todoid", "INTEGER", _ref("todoid")),
        Column("toolid", "INTEGER", _ref("toolid")),
    ),
}


@functools.cache  # asked by every refresh of a list during a sync; COLUMNS never changes
def indexed_columns(kind: Kind) -> frozenset[str]:
    """The columns of `kind`'s table that have an index (the value, then the id): a list
    sorted by one of them reads its first rows, and any page after them, from the index."""
    return frozenset(column.name for column in COLUMNS[kind] if column.indexed)
