"""The indexed columns of each object table and how each is read from a server object.

The whole object is kept as JSON in `data`; these columns exist only for what the app filters,
sorts and searches on. Extraction is lenient (see app.core.values), so an odd field value
becomes a default and never fails the row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.kinds import Kind
from app.core.values import as_bool, as_date, as_int, as_str

Extract = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str  # "INTEGER" | "TEXT" | "REAL"
    extract: Extract
    indexed: bool = True


def _int(key: str) -> Extract:
    return lambda obj: as_int(obj.get(key))


def _text(key: str) -> Extract:
    return lambda obj: as_str(obj.get(key))


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
        Column("customerid", "INTEGER", _int("customerid")),
        Column("customertext", "TEXT", _text("customertext"), indexed=False),
        Column("statetext", "TEXT", _text("statetext"), indexed=False),
        Column("userid", "INTEGER", _int("userid")),
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
        Column("parentcust", "INTEGER", _int("parentcust")),
    ),
    Kind.PERSON: (
        Column("name", "TEXT", _person_name),
        Column("title", "TEXT", _text("title"), indexed=False),
        Column("customerid", "INTEGER", _int("customerid")),
        Column("email", "TEXT", _text("email"), indexed=False),
        Column("phone", "TEXT", _text("phone"), indexed=False),
        Column("mobile", "TEXT", _text("mobile"), indexed=False),
    ),
    Kind.TOOL: (
        Column("number", "TEXT", _text("number"), indexed=False),
        Column("title", "TEXT", _text("title")),
        Column("grouptext", "TEXT", _text("grouptext"), indexed=False),
        Column("statetext", "TEXT", _text("statetext"), indexed=False),
        Column("customerid", "INTEGER", _int("customerid")),
        Column("placeofhome", "INTEGER", _int("placeofhome")),
        Column("carrier_userid", "INTEGER", _int("carrier_userid")),
    ),
    Kind.PRODUCT: (
        Column("number", "TEXT", _text("number"), indexed=False),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.THREAD: (
        Column("objecttype", "TEXT", _text("objecttype"), indexed=False),
        Column("objectid", "INTEGER", _int("objectid")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.PROCEDURE: (
        Column("modcode", "TEXT", _text("modcode"), indexed=False),
        Column("sysref", "INTEGER", _int("sysref")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.RELATION: (
        Column("personid", "INTEGER", _int("personid")),
        Column("customerid", "INTEGER", _int("customerid")),
        Column("title", "TEXT", _text("title"), indexed=False),
    ),
    Kind.REGISTRATION: (
        Column("date", "TEXT", _date("date")),
        Column("userid", "INTEGER", _int("userid"), indexed=False),
        Column("todoid", "INTEGER", _int("todoid")),
    ),
    Kind.STODO: (
        Column("modcode", "TEXT", _text("modcode"), indexed=False),
        Column("objectid", "INTEGER", _int("objectid")),
        Column("date", "TEXT", _date("date"), indexed=False),
    ),
    Kind.CALL: (
        Column("customerid", "INTEGER", _int("customerid")),
        Column("calltime", "TEXT", _text("calltime"), indexed=False),
    ),
    Kind.PRODUCTUSE: (
        Column("todoid", "INTEGER", _int("todoid")),
        Column("toolid", "INTEGER", _int("toolid")),
    ),
}
