"""The technician's day or week as plain entries: the tasks planned to them, their
appointments, and the hours they registered, from what the calendar and registration reads
keep in the store (app/sync/loader.py).

An entry knows the page it opens: a planned task its task; an appointment the task or
customer it names, if any (the sandbox's appointments name none: the view then shows the
entry itself); a registration its task.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any, Literal

from app.core.kinds import Kind
from app.core.values import as_date, as_id, as_int, as_str, as_time
from app.sync.session import Session

# How far back an appointment may start and still reach the days asked for (a holiday week).
_LONGEST_APPOINTMENT_DAYS = 14

What = Literal["task", "appointment", "registration"]


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    day: date
    start: time | None
    end: time | None
    what: What
    title: str
    detail: str  # the customer of a task, the note of a registration
    target: tuple[Kind, int] | None  # the page it opens; None: shown inline
    minutes: int = 0  # a registration's hours
    whole_day: bool = False
    todo_id: int = 0  # a planned task's, named even when the task is not on the device


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week `day` is in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def agenda(session: Session, first: date, last: date) -> list[AgendaEntry]:
    """Every entry of first…last, by day and time (whole-day ones first)."""
    found = [*_planned(session, first, last), *_appointments(session, first, last),
             *_registrations(session, first, last)]
    return sorted(found, key=lambda e: (e.day, not e.whole_day, e.start or time.min,
                                        e.what, e.title))


def _planned(session: Session, first: date, last: date) -> list[AgendaEntry]:
    entries = []
    for day in days(first, last):
        for plan in session.calendar(day, "production"):
            todo_id = as_id(plan.get("todoid"))
            task = session.object(Kind.TODO, todo_id) or {}
            number, title = as_str(task.get("number")), as_str(task.get("title"))
            entries.append(AgendaEntry(
                day, as_time(plan.get("fromtime")), as_time(plan.get("totime")), "task",
                " · ".join(part for part in (number, title) if part),
                as_str(task.get("customertext")),
                (Kind.TODO, todo_id) if task else None, todo_id=todo_id,
            ))
    return entries


def _appointments(session: Session, first: date, last: date) -> list[AgendaEntry]:
    entries = []
    seen: set[tuple[str, date]] = set()
    for start_day in days(first - timedelta(days=_LONGEST_APPOINTMENT_DAYS), last):
        for event in session.calendar(start_day, "events"):
            begins = as_date(event.get("startdate")) or start_day
            ends = max(as_date(event.get("enddate")) or begins, begins)
            instance = as_str(event.get("instanceid")) or as_str(event.get("id"))
            start, end = as_time(event.get("starttime")), as_time(event.get("endtime"))
            whole = begins != ends or (start == time(0, 0) and end is not None and end.hour == 23)
            for day in days(max(begins, first), min(ends, last)):
                if (instance, day) in seen:
                    continue
                seen.add((instance, day))
                entries.append(AgendaEntry(
                    day, None if whole else start, None if whole else end, "appointment",
                    as_str(event.get("title")), as_str(event.get("description")),
                    _appointment_target(event), whole_day=whole,
                ))
    return entries


def _appointment_target(event: Mapping[str, Any]) -> tuple[Kind, int] | None:
    for field, kind in (("todoid", Kind.TODO), ("customerid", Kind.CUSTOMER)):
        if object_id := as_id(event.get(field)):
            return (kind, object_id)
    return None


def _registrations(session: Session, first: date, last: date) -> list[AgendaEntry]:
    user = session.setup.current_user_id()
    entries = []
    for day in days(first, last):
        for registration in session.related(Kind.REGISTRATION, date=day.isoformat()):
            if user and as_id(registration.get("userid")) not in (0, user):
                continue
            todo_id = as_id(registration.get("todoid"))
            task = session.object(Kind.TODO, todo_id) if todo_id else None
            title = (" · ".join(p for p in (as_str(task.get("number")), as_str(task.get("title")))
                                if p) if task else as_str(registration.get("regtypetext")))
            entries.append(AgendaEntry(
                day, as_time(registration.get("starttime")), None, "registration",
                title, as_str(registration.get("note")),
                (Kind.TODO, todo_id) if task else None,
                minutes=as_int(registration.get("minutes")),
            ))
    return entries
