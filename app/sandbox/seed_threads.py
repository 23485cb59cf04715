"""Threads of notes on tasks, companies and equipment, with their messages.

About one thread per four tasks, a few per company and per piece of equipment. Subscribers
are the users the object concerns; the customer's contact person writes now and then. The
newest messages of a thread the demo technician follows may be unread, so the unread
counts of GetThreadsByLastChange are not all zero.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.sandbox import vocabulary as words
from app.sandbox.draws import Draws
from app.sandbox.setup_data import Setup

Record = dict[str, Any]

_SHARES = {"todo": 0.25, "customer": 0.08, "tools": 0.05}


class _Threads:
    def __init__(self, draws: Draws, setup: Setup, customers: list[Record]) -> None:
        self.draws = draws
        self.demo = setup.current_user_id
        self.user_names = {user["id"]: user["name"] for user in setup.users}
        self.customers = {c["id"]: c for c in customers}
        self.found: list[Record] = []
        self.message_count = 0

    def add(
        self, objecttype: str, obj: Record, title: str, users: set[int], customer_id: int
    ) -> None:
        draws = self.draws
        if draws.chance(0.1):
            users.add(self.demo)
        subscribers = sorted(users - {0}) or [draws.pick(list(self.user_names))]
        stamps, _ = draws.stamps(365, skew=1.6)
        newest = datetime.fromisoformat(f"{stamps['changedate']} {stamps['changetime']}")
        count = draws.between(1, 6)
        moments = [newest]
        for _ in range(count - 1):
            moments.append(moments[-1] - timedelta(minutes=draws.between(20, 48 * 60)))
        moments.reverse()
        contact = self.customers.get(customer_id, {})
        messages = [self._message(subscribers, contact, moment) for moment in moments]
        if self.demo in subscribers:
            unread = draws.between(0, 2)
            for message in reversed(messages):
                if unread and message["userid"] != self.demo:
                    message["isunread"], unread = 1, unread - 1
        first = moments[0].isoformat(" ")
        self.found.append(
            {
                "id": len(self.found) + 1,
                "objecttype": objecttype,
                "objectid": obj["id"],
                "title": title,
                "tag": draws.pick(words.THREAD_TAGS),
                "ispublic": int(draws.chance(0.3)),
                "subscribers": subscribers,
                "messages": messages,
                "isdeleted": int(obj["isdeleted"] or draws.chance(0.02)),
                **stamps,
                "createdate": first[:10],
                "createtime": first[11:],
            }
        )

    def _message(self, subscribers: list[int], contact: Record, moment: datetime) -> Record:
        draws = self.draws
        self.message_count += 1
        by_contact = bool(contact.get("theirreference")) and draws.chance(0.15)
        author = 0 if by_contact else draws.pick(subscribers)
        stamp = moment.isoformat(" ")
        return {
            "id": self.message_count,
            "threadid": len(self.found) + 1,
            "userid": author,
            "personid": contact["theirreference"] if by_contact else 0,
            "authorname": contact["theirreferencetext"]
            if by_contact
            else self.user_names.get(author, ""),
            "changedate": stamp[:10],
            "changetime": stamp[11:],
            "isunread": 0,
            "message": draws.pick(words.THREAD_MESSAGES),
        }


def threads(
    draws: Draws,
    setup: Setup,
    todos: list[Record],
    customers: list[Record],
    tools: list[Record],
) -> list[Record]:
    made = _Threads(draws, setup, customers)
    for task in todos:
        if draws.chance(_SHARES["todo"]):
            users = {task["userid"], *task["additionaluserids"], task["custom102"]}
            made.add("todo", task, task["title"], users, task["customerid"])
    for customer in customers:
        if draws.chance(_SHARES["customer"]):
            users = {customer["ourreference"], customer["sellerid"]}
            made.add("customer", customer, f"Noter: {customer['name']}", users, customer["id"])
    for tool in tools:
        if draws.chance(_SHARES["tools"]):
            users = {tool["userid"], tool["carrier_userid"]}
            made.add("tools", tool, f"Logbog: {tool['title']}", users, tool["placeofhome"])
    return made.found
