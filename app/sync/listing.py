"""What a list shows: its columns as SQL, its filters as SQL conditions, and the technician's
choice of filter and sort per list.

Kept apart from the view so the meaning of "my tasks" or "near me" can be read (and tested)
without a display, and so every query of a list — a batch, a count, the rows a sync touched —
uses the same condition. Sorting and filtering happen in the store: a list of 100,000 rows
is never brought into memory to be sorted.

"Near me" works offline: it is measured from the place the technician is at or going to —
the task or customer of the open check-in, else the next task planned to them (the first
of today's not over yet, or of a later day in the synced calendar), else where the check-in
was made — and means within
NEAR_KM kilometres of it (a box of latitude and longitude; objects without a position, 0/0,
are never near).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.core.kinds import Kind
from app.core.values import as_float, as_id

NEAR_KM = 15.0
_KM_PER_DEGREE_LATITUDE = 111.0
_KM_PER_DEGREE_LONGITUDE = 62.0  # at 56° north (Denmark); a box, not a circle

# Listed values that are not a column of the table: read from the whole object or from a
# related table. Each is an SQL expression over the listed table's row, never NULL (so a
# batch can continue after the last row it read with plain comparisons).
DERIVED: Mapping[Kind, Mapping[str, str]] = {
    Kind.PERSON: {
        "company":
            "COALESCE((SELECT c.name FROM customer c WHERE c.id = \"person\".customerid), '')",
    },
    Kind.TOOL: {
        "serialnumber": "COALESCE(json_extract(\"tool\".data, '$.serialnumber'), '')",
        "location":
            "COALESCE((SELECT c.name FROM customer c WHERE c.id = \"tool\".customerid), '')",
    },
}

# The filters each list offers, in the order the technician sees them; "all" first.
FILTERS: Mapping[Kind, tuple[str, ...]] = {
    Kind.TODO: ("all", "mine", "today", "week", "overdue", "planned", "pool", "state"),
    Kind.CUSTOMER: ("all", "near"),
    Kind.PERSON: ("all",),
    Kind.TOOL: ("all", "carried"),
}


@dataclass(frozen=True, slots=True)
class ListChoice:
    """How the technician left a list: its filter (with the state, for "state"), the column
    it is sorted by and the direction."""

    sort: str
    descending: bool = False
    filter: str = "all"
    state: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"sort": self.sort, "descending": self.descending, "filter": self.filter,
                "state": self.state}

    @classmethod
    def from_json(cls, raw: Any, default: ListChoice, kind: Kind,
                  columns: Iterable[str]) -> ListChoice:
        """The choice kept in the store; `default` where it is missing or no longer offered
        (a column or filter a newer version dropped)."""
        if not isinstance(raw, Mapping):
            return default
        sort, wanted, state = raw.get("sort"), raw.get("filter"), raw.get("state")
        return cls(
            sort=sort if isinstance(sort, str) and sort in set(columns) else default.sort,
            descending=raw.get("descending") is True,
            filter=wanted if isinstance(wanted, str) and wanted in FILTERS[kind] else "all",
            state=state if isinstance(state, str) else "",
        )


@dataclass(frozen=True, slots=True)
class Where:
    """An SQL condition over a listed table's row, with its parameters."""

    sql: str
    params: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    """What the filters are measured against: who the technician is, their teams, today,
    the tasks planned to them per day, and where "near" is measured from."""

    user_id: int
    teams: frozenset[int]
    today: date
    planned: Mapping[str, frozenset[int]] = field(default_factory=dict)  # day → task ids
    near: tuple[float, float] | None = None

    def planned_between(self, first: date, last: date) -> frozenset[int]:
        days = {(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)}
        return frozenset(i for day, ids in self.planned.items() if day in days for i in ids)

    def planned_from(self, first: date) -> frozenset[int]:
        return frozenset(i for day, ids in self.planned.items() if day >= first.isoformat()
                         for i in ids)


def expression(kind: Kind, column: str) -> str:
    """The SQL for a listed column of `kind`: the table's own column, or a derived value."""
    return DERIVED.get(kind, {}).get(column) or f'"{kind.value}"."{column}"'


def select(kind: Kind, columns: Sequence[str]) -> str:
    """SELECT id and these listed columns of `kind`."""
    names = ", ".join(expression(kind, name) for name in ("id", *columns))
    return f'SELECT {names} FROM "{kind.value}"'


def page(
    kind: Kind, columns: Sequence[str], order_by: str, descending: bool = False,
    where: Where | None = None, after: tuple[Any, int] | None = None,
) -> tuple[str, list[Any]]:
    """The query of a list's rows, (id, *columns), sorted by `order_by` and then id (the same
    way in both directions, so pages never overlap), of the objects that meet `where`, and
    with `after` = (value, id) of the last row of the previous page, only those after it (a
    seek through the index, not a count from the top). Without LIMIT: the caller says how
    many. The session's batches and the first look at the start (app/sync/first_look.py)
    both ask with it, so the rows a start paints are the rows its list then holds."""
    sort = expression(kind, order_by)
    conditions, params = [where.sql] if where else [], list(where.params) if where else []
    if after is not None:  # a row value: SQLite seeks it in the index, where (a > ? OR …) scans
        conditions.append(f"({sort}, id) {'<' if descending else '>'} (?, ?)")
        params += [after[0], after[1]]
    direction = " DESC" if descending else ""
    sql = (f"{select(kind, columns)}"
           f"{' WHERE ' + ' AND '.join(conditions) if conditions else ''}"
           f" ORDER BY {sort}{direction}, id{direction}")
    return sql, params


def condition(kind: Kind, choice: ListChoice, context: Context) -> Where | None:
    """The rows the choice's filter keeps; None for all of them."""
    name = choice.filter
    if name == "all" or name not in FILTERS[kind]:
        return None
    if kind is Kind.TODO:
        return _task_condition(name, choice.state, context)
    if kind is Kind.TOOL and name == "carried":
        return Where('"tool".carrier_userid = ?', (context.user_id,))
    if kind is Kind.CUSTOMER and name == "near":
        return _near("customer", context.near)
    return None


def _task_condition(name: str, state: str, context: Context) -> Where:
    today = context.today
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    if name == "mine":
        return Where(
            '("todo".userid = ? OR EXISTS (SELECT 1 FROM json_each("todo".data, '
            "'$.additionaluserids') WHERE value = ?))",
            (context.user_id, context.user_id),
        )
    if name == "today":
        return _due_or_planned(today, today, context.planned_between(today, today))
    if name == "week":
        return _due_or_planned(monday, sunday, context.planned_between(monday, sunday))
    if name == "overdue":
        return Where("(\"todo\".enddate != '' AND \"todo\".enddate < ? AND \"todo\".isclosed = 0)",
                     (today.isoformat(),))
    if name == "planned":
        return _ids_in(context.planned_from(date.min))
    if name == "pool":
        return Where(
            "(json_extract(\"todo\".data, '$.ispool') IN (1, '1', 1.0, 'true') AND "
            "CAST(json_extract(\"todo\".data, '$.team') AS INTEGER) IN "
            "(SELECT value FROM json_each(?)))",
            (_json_ids(context.teams),),
        )
    return Where('"todo".statetext = ?', (state,))  # "state"


def _due_or_planned(first: date, last: date, planned: frozenset[int]) -> Where:
    """Tasks due within first…last, or planned to the technician then."""
    return Where(
        '(("todo".enddate >= ? AND "todo".enddate <= ?) OR '
        '"todo".id IN (SELECT value FROM json_each(?)))',
        (first.isoformat(), last.isoformat(), _json_ids(planned)),
    )


def _ids_in(ids: Iterable[int]) -> Where:
    return Where('"todo".id IN (SELECT value FROM json_each(?))', (_json_ids(ids),))


def _near(table: str, point: tuple[float, float] | None) -> Where:
    if point is None:
        return Where("0")  # nowhere to measure from: nothing is near
    latitude, longitude = point
    dlat, dlon = NEAR_KM / _KM_PER_DEGREE_LATITUDE, NEAR_KM / _KM_PER_DEGREE_LONGITUDE
    lat = f"CAST(json_extract(\"{table}\".data, '$.latitude') AS REAL)"
    lon = f"CAST(json_extract(\"{table}\".data, '$.longitude') AS REAL)"
    return Where(
        f"({lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ? AND NOT ({lat} = 0 AND {lon} = 0))",
        (latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon),
    )


def _json_ids(ids: Iterable[int]) -> str:
    """Ids as a JSON array, for json_each: numbers need no JSON library (the first look at
    the start imports this module before the paint, app/sync/first_look.py)."""
    return f"[{','.join(str(int(i)) for i in sorted(ids))}]"


def position(obj: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """An object's latitude and longitude; None where it has none (0/0 or missing)."""
    if not obj:
        return None
    latitude, longitude = as_float(obj.get("latitude")), as_float(obj.get("longitude"))
    return None if latitude == 0 and longitude == 0 else (latitude, longitude)


def planned_tasks(entries: Sequence[Any]) -> frozenset[int]:
    """The task ids of a day's planning entries (prodplanentries)."""
    return frozenset(
        todo_id for entry in entries if isinstance(entry, Mapping)
        if (todo_id := as_id(entry.get("todoid")))
    )
