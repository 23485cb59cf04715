"""The reminders box: the technician's reminders (stodos) on a task or a company, due soon, and
on a company the calls the technician is to make to it.

The guide: stodos (GetMyStodos: the technician's pending reminders) "with modcode set to
'todo' [a company: 'customers'] and objectid set to the ID of the task"; show `description`,
`date` and `time`; `assignedbyuserid` is who set it up; postpone by minutes or accept with
StodoAccept. "Reminders may be far into the future - these should probably not be displayed":
a reminder is shown when it is due within REMINDER_DAYS days of today, overdue ones included
(the sandbox showcase's rule, app/sandbox/showcase.py). A company also lists its pending calls
(GetMyPendingCalls with its customerid): `persontext` and `calltime`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.core.values import as_date, as_id, as_int, as_str, as_time
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    translate,
)
from app.mainpage_boxes.pending import waiting
from app.sync import keys

if TYPE_CHECKING:
    from app.mainpage_boxes.reminders_widget import RemindersWidget

REMINDER_DAYS = 30  # the same horizon as the sandbox showcase (app/sandbox/showcase.py)
MODCODES = {Kind.TODO: "todo", Kind.CUSTOMER: "customers"}
NOTHING = {  # {days}: REMINDER_DAYS
    Kind.TODO: QT_TRANSLATE_NOOP("RemindersBox", "no reminders due within {days} days"),
    Kind.CUSTOMER: QT_TRANSLATE_NOOP("RemindersBox",
                                     "no calls, no reminders due within {days} days"),
}
UNKNOWN_USER = QT_TRANSLATE_NOOP("RemindersBox", "user {id}")
YOU = QT_TRANSLATE_NOOP("RemindersBox", "you")  # the technician set it up for themself
POSTPONED = QT_TRANSLATE_NOOP("RemindersBox", "Postponed, waiting to be sent")
ACCEPTED = QT_TRANSLATE_NOOP("RemindersBox", "Done, waiting to be sent")


@dataclass(frozen=True, slots=True)
class Reminder(BoxContent):
    id: int
    description: str
    date: date | None
    time: time | None
    set_up_by: str  # "you", the user's name (GetUsers), "user 14" when unnamed, "" for none
    overdue: bool
    waiting: str  # what waits in the outbox for it (POSTPONED), "" when nothing


@dataclass(frozen=True, slots=True)
class Call(BoxContent):
    id: int
    persontext: str
    calltime: datetime | None


@dataclass(frozen=True, slots=True)
class RemindersContent(BoxContent):
    reminders: tuple[Reminder, ...]  # soonest first
    calls: tuple[Call, ...]  # soonest first; always empty on a task


class RemindersBox(BoxPlugin[RemindersContent]):
    box_type = "reminders"
    kinds = frozenset({Kind.TODO, Kind.CUSTOMER})
    fixed_title = QT_TRANSLATE_NOOP("BoxTitle", "Reminders")

    def build(self, context: BoxContext) -> Shown[RemindersContent] | Hidden:
        reminders = _reminders(context)
        calls = _calls(context) if context.kind == Kind.CUSTOMER else ()
        if not reminders and not calls:
            return Hidden(translate("RemindersBox", NOTHING[context.kind]).format(
                days=REMINDER_DAYS))
        return Shown(RemindersContent(reminders, calls))

    def concerns(self, context: BoxContext) -> Concerns:
        kinds = {context.kind: frozenset({context.object_id}), Kind.STODO: None}
        if context.kind == Kind.CUSTOMER:
            kinds[Kind.CALL] = None
        return Concerns(kinds, settings=frozenset({keys.USERS_KEY}))

    def widget(self) -> type[RemindersWidget]:
        from app.mainpage_boxes.reminders_widget import RemindersWidget

        return RemindersWidget


def _reminders(context: BoxContext) -> tuple[Reminder, ...]:
    session, now = context.session, context.now
    horizon = now.date() + timedelta(days=REMINDER_DAYS)
    found = []
    for stodo in session.related(Kind.STODO, objectid=context.object_id):
        day, moment = as_date(stodo.get("date")), as_time(stodo.get("time"))
        if as_str(stodo.get("modcode")) != MODCODES[context.kind] or (day and day > horizon):
            continue
        stodo_id = as_id(stodo.get("id"))
        due = datetime.combine(day, moment or time()) if day else None
        giver = as_id(stodo.get("assignedbyuserid"))
        user = session.setup.user(giver)
        set_up_by = (translate("RemindersBox", YOU) if giver == session.setup.current_user_id()
                     else user.name if user
                     else translate("RemindersBox", UNKNOWN_USER).format(id=giver) if giver
                     else "")
        found.append(Reminder(
            stodo_id, as_str(stodo.get("description")).strip(), day, moment,
            set_up_by, due is not None and due < now,
            _waiting(context, stodo_id)))
    return tuple(sorted(found, key=lambda r: (r.date or date.max, r.time or time(), r.id)))


def _waiting(context: BoxContext, stodo_id: int) -> str:
    entries = waiting(context.session, Kind.STODO, stodo_id, {"StodoAccept"})
    if not entries:
        return ""
    postponed = as_int(entries[-1].params.get("postpone"))
    return translate("RemindersBox", POSTPONED if postponed else ACCEPTED)


def _calls(context: BoxContext) -> tuple[Call, ...]:
    found = [
        Call(as_id(call.get("id")), as_str(call.get("persontext")).strip(),
             _moment(call.get("calltime")))
        for call in context.session.related(Kind.CALL, customerid=context.object_id)
    ]
    return tuple(sorted(found, key=lambda c: (c.calltime or datetime.max, c.id)))


def _moment(value: object) -> datetime | None:
    """A call's `calltime` ("YYYY-MM-DD HH:MM:SS", or another documented spelling)."""
    day, _, clock = as_str(value).strip().partition(" ")
    found = as_date(day)
    return datetime.combine(found, as_time(clock) or time()) if found else None
