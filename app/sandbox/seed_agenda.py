"""The users' agenda: planning of tasks, calendar events, hour registrations, reminders,
pending calls and the demo technician's check-in.

Planning feeds the "planned to the user within a month" task rule, so it is drawn right
after the tasks; the rest only hangs off tasks and customers. Everything is dated around
the server's now, so a demo's calendar and reminders are always current.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import pairwise
from typing import Any

from app.sandbox import vocabulary as words
from app.sandbox.draws import Draws
from app.sandbox.setup_data import Setup
from app.sandbox.visibility import Audience, Window

Record = dict[str, Any]

_PLANNED_SHARE = 0.4
_DEMO_TODAY = (8 * 60, 10 * 60 + 30, 13 * 60)  # the demo technician's day: three visits
_DAY_START, _DAY_END = 7 * 60, 16 * 60  # minutes after midnight
_WORKDAY_MINUTES = 450
_REGISTERED_DAYS = 90
_CALENDAR_DAYS = 60


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def production(draws: Draws, setup: Setup, todos: list[Record]) -> list[Record]:
    """Prodplanentries for about 40% of the tasks, within 60 days of today (closed tasks in
    the past). Mostly the responsible user; a pool task goes to a technician of its team,
    and one plan in five goes to a colleague helping out. Whatever the scale, the demo
    technician has three of its open tasks planned today."""
    members = {team["id"]: team["members"] for team in setup.teams}
    technicians = setup.technician_ids
    plans: list[Record] = []
    for task in todos:
        if not draws.chance(_PLANNED_SHARE):
            continue
        offset = draws.between(-60, -1) if task["isclosed"] else draws.between(-60, 60)
        for extra_day in range(draws.pick((1, 1, 1, 1, 2))):
            crew = [u for u in members.get(task["team"], ()) if u in technicians]
            if task["ispool"]:
                user = draws.pick(crew or technicians)
            elif draws.chance(0.2):
                user = draws.pick(task["additionaluserids"] or technicians)
            else:
                user = task["userid"]
            start = draws.between(_DAY_START // 30, (_DAY_END - 120) // 30) * 30
            length = min(int(task["estimate"]), _DAY_END - start)
            stamps, _ = draws.stamps(45, skew=1.5)
            plans.append(
                {
                    "id": len(plans) + 1,
                    "todoid": task["id"],
                    "userid": user,
                    "date": draws.day(offset + extra_day),
                    "fromtime": _clock(start),
                    "totime": _clock(start + length),
                    "isdeleted": 0,
                    **stamps,
                }
            )
    demo, current = setup.current_user_id, Window.around(draws.now).is_current
    own = [
        t
        for t in todos
        if t["userid"] == demo and not t["isclosed"] and not t["isdeleted"] and current(t)
    ]
    for start, task in zip(_DEMO_TODAY, own, strict=False):
        stamps, _ = draws.stamps(7)
        plans.append(
            {
                "id": len(plans) + 1,
                "todoid": task["id"],
                "userid": demo,
                "date": draws.day(0),
                "fromtime": _clock(start),
                "totime": _clock(start + 120),
                "isdeleted": 0,
                **stamps,
            }
        )
    return plans


def events(draws: Draws, setup: Setup) -> list[Record]:
    """Each user's weekly team meeting (one event repeating every 7 days) and about one
    appointment every other week, within 60 days of today."""
    today = draws.now.date()
    monday = today - timedelta(days=today.weekday() + 7 * (_CALENDAR_DAYS // 7))
    found: list[Record] = []

    def add(user_id: int, title: str, typeid: int, first: str, last: str, **fields: Any) -> None:
        stamps, _ = draws.stamps(90, skew=1.5)
        found.append(
            {
                "id": len(found) + 1,
                "userid": user_id,
                "title": title,
                "typeid": typeid,
                "startdate": first,
                "enddate": last,
                "repeat": 0,
                "repeatuntil": "",
                "isdeleted": 0,
                **fields,
                **stamps,
            }
        )

    for user in setup.users:
        add(
            user["id"],
            "Teammøde",
            1,
            monday.isoformat(),
            monday.isoformat(),
            starttime="08:00:00",
            endtime="08:30:00",
            repeat=7,
            repeatuntil=draws.day(_CALENDAR_DAYS),
        )
        for week in range(-_CALENDAR_DAYS // 7, _CALENDAR_DAYS // 7 + 1):
            if not draws.chance(0.5):
                continue
            title, typeid = draws.pick(words.EVENT_TITLES)
            first = week * 7 + draws.between(0, 4)
            if typeid == 5:  # a holiday: whole days, Monday to Friday
                monday_offset = first - (today + timedelta(days=first)).weekday()
                dates = (draws.day(monday_offset), draws.day(monday_offset + 4))
                add(user["id"], title, typeid, *dates, starttime="00:00:00", endtime="23:59:59")
                continue
            start = draws.between(_DAY_START // 30, (_DAY_END - 90) // 30) * 30
            day = draws.day(first)
            add(
                user["id"],
                title,
                typeid,
                day,
                day,
                starttime=_clock(start),
                endtime=_clock(start + draws.pick((60, 90, 120))),
            )
    return found


def registrations(draws: Draws, setup: Setup, todos: list[Record]) -> list[Record]:
    """Every technician's hours on the working days of the last 90 days: 7.5 hours in two to
    four entries, mostly on the technician's own tasks, the rest internal time."""
    own: dict[int, list[int]] = {}
    for task in todos:
        if not task["isdeleted"]:
            own.setdefault(task["userid"], []).append(task["id"])
    internal = [t["id"] for t in setup.internal_registrations]
    today = draws.now.date()
    found: list[Record] = []
    for user_id in setup.technician_ids:
        for back in range(_REGISTERED_DAYS, 0, -1):
            day = today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            quarters = _WORKDAY_MINUTES // 15
            cuts = [0, *draws.some(range(1, quarters), draws.between(1, 3)), quarters]
            start = _DAY_START
            for first, last in pairwise(cuts):
                minutes = 15 * (last - first)
                on_task = bool(own.get(user_id)) and draws.chance(0.85)
                found.append(
                    {
                        "id": len(found) + 1,
                        "userid": user_id,
                        "todoid": draws.pick(own[user_id]) if on_task else 0,
                        "date": day.isoformat(),
                        "starttime": _clock(start),
                        "minutes": minutes,
                        "note": draws.pick(words.REGISTRATION_NOTES),
                        "regtypeid": 1 if on_task else draws.pick(internal),
                        "isdeleted": 0,
                        **draws.at(datetime.combine(day, time(16, draws.between(0, 59)))),
                    }
                )
                start += minutes
    return found


def reminders(
    draws: Draws,
    setup: Setup,
    todos: list[Record],
    customers: list[Record],
    audience: Audience,
) -> list[Record]:
    """Stodos: a dozen for the demo technician on tasks it sees and on customers (a few far
    in the future), and a couple for each colleague."""
    demo = setup.current_user_id
    seen = [t for t in todos if not t["isclosed"] and not t["isdeleted"] and audience.sees(t)]
    live_customers = [c for c in customers if not c["isdeleted"]] or customers
    givers = [*setup.office_ids, demo]
    found: list[Record] = []

    def add(user_id: int, modcode: str, objectid: int, offset: int) -> None:
        stamps, _ = draws.stamps(30)
        found.append(
            {
                "id": len(found) + 1,
                "userid": user_id,
                "modcode": modcode,
                "objectid": objectid,
                "description": draws.pick(words.STODO_DESCRIPTIONS),
                "date": draws.day(offset),
                "time": _clock(draws.between(_DAY_START // 15, _DAY_END // 15) * 15),
                "assignedbyuserid": draws.pick(givers),
                "isdeleted": 0,
                **stamps,
            }
        )

    for index in range(12):
        offset = draws.between(90, 240) if index % 4 == 3 else draws.between(-3, 14)
        if index % 3 == 2 or not seen:
            add(demo, "customers", draws.pick(live_customers)["id"], offset)
        else:
            add(demo, "todo", draws.pick(seen)["id"], offset)
    for user_id in setup.technician_ids:
        if user_id != demo:
            for _ in range(2):
                add(user_id, "todo", draws.pick(todos)["id"], draws.between(-2, 20))
    return found


def calls(draws: Draws, setup: Setup, customers: list[Record]) -> list[Record]:
    """Pending calls: four for the demo technician, a few for the office's sales staff."""
    callers = [c for c in customers if c["theirreference"] and not c["isdeleted"]] or customers
    found: list[Record] = []
    users = [setup.current_user_id] * 4 + [u for u in setup.office_ids for _ in range(2)]
    for user_id in users:
        customer = draws.pick(callers)
        moment = draws.now + timedelta(hours=draws.between(-30, 72))
        stamps, _ = draws.stamps(10)
        found.append(
            {
                "id": len(found) + 1,
                "userid": user_id,
                "customerid": customer["id"],
                "persontext": customer["theirreferencetext"] or customer["name"],
                "calltime": moment.replace(minute=moment.minute // 15 * 15, second=0).isoformat(
                    " "
                ),
                "note": draws.pick(words.CALL_NOTES),
                "isdeleted": 0,
                **stamps,
            }
        )
    return found


def checkins(draws: Draws, setup: Setup, plans: list[Record], todos: list[Record]) -> list[Record]:
    """The demo technician is checked in on the task planned for it now, if there is one."""
    now = draws.now
    today, clock = now.date().isoformat(), now.strftime("%H:%M:%S")
    current = next(
        (
            plan
            for plan in plans
            if plan["userid"] == setup.current_user_id
            and plan["date"] == today
            and plan["fromtime"] < clock < plan["totime"]
        ),
        None,
    )
    if current is None:
        return []
    task = next(t for t in todos if t["id"] == current["todoid"])
    return [
        {
            "id": 1,
            "ischeckedin": 1,
            "readable": f"{task['customertext']}, {task['address']}",
            "objecttype": "Todo",
            "toolid": 0,
            "userid": setup.current_user_id,
            "todoid": task["id"],
            "customerid": 0,
            "checkinlatitude": task["latitude"],
            "checkinlongitude": task["longitude"],
            "checkoutlatitude": 0.0,
            "checkoutlongitude": 0.0,
            "checkindate": today,
            "checkintime": current["fromtime"],
            "checkoutdate": "",
            "checkouttime": "",
            "isdeleted": 0,
            **draws.at(datetime.combine(now.date(), time.fromisoformat(current["fromtime"]))),
        }
    ]
