"""Completes the drawn demo data so every main-page box has an object where it shows and one
where it hides (`showcase.RULES`), whatever the seed and scale.

It runs after everything is drawn and draws nothing itself, so the rest of the data stays as
the seed made it. Where a side is missing, it changes one object the demo technician receives
(the middle one by id, so a test's "first" or "last" object stays as it was): it blanks a
task, a company or a person the way a real one can be bare (an internal task with no address
or description, a prospect with no address, staff or contacts yet, a private person known by
phone only), adds a reminder, a procedure or a relation, or sets a service date or a carrier.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from app.sandbox import showcase as rules
from app.sandbox.showcase import Contract, Rule
from app.sandbox.values import whole

Record = dict[str, Any]
Fix = Callable[[Contract, Record], None]

_BARE_ADDRESS = {
    "address": "",
    "address2": "",
    "zip": "",
    "city": "",
    "latitude": 0.0,
    "longitude": 0.0,
}
_BARE_INVOICE = {"invoiceaddress": "", "invoiceaddress2": "", "invoicezip": "", "invoicecity": ""}


def _append(contract: Contract, kind: str, fields: Record) -> None:
    """A new object of a kind the scale does not count, stamped like its neighbours."""
    objects = contract.objects[kind]
    neighbour = objects[-1] if objects else {}
    stamps = {k: v for k, v in neighbour.items() if k.startswith(("create", "change"))}
    objects.append(
        {"id": max((o["id"] for o in objects), default=0) + 1, **stamps, "isdeleted": 0, **fields}
    )
    contract.forget()


def _drop_relations(contract: Contract, field: str, object_id: int) -> None:
    for relation in contract.live("relation", field, object_id):
        relation["isdeleted"] = 1
    contract.forget()


def _no_contacts(contract: Contract, customer: Record) -> None:
    """A prospect: no contact person and nobody related to it yet."""
    customer.update(theirreference=0, theirreferencetext="")
    _drop_relations(contract, "customerid", customer["id"])


def _stodo(modcode: str, days_ahead: int = 0) -> Fix:
    def fix(contract: Contract, obj: Record) -> None:
        day = contract.today + timedelta(days=days_ahead)
        _append(
            contract,
            "stodo",
            {
                "userid": contract.setup.current_user_id,
                "modcode": modcode,
                "objectid": obj["id"],
                "description": "Ring og bekræft aftalen",
                "date": day.isoformat(),
                "time": "09:00:00",
                "assignedbyuserid": contract.setup.office_ids[0],
            },
        )

    return fix


def _procedure(customer_id: Callable[[Record], int]) -> Fix:
    def fix(contract: Contract, obj: Record) -> None:
        _append(
            contract,
            "procedure",
            {
                "modcode": "customers",
                "sysref": customer_id(obj),
                "title": "Adgang til teknikrum",
                "text": "Nøgle hentes i receptionen. Husk at kvittere ved aflevering.",
            },
        )

    return fix


def _relation(contract: Contract, person_id: int, customer_id: int) -> None:
    _append(
        contract,
        "relation",
        {"personid": person_id, "customerid": customer_id, "title": "Kontaktperson"},
    )


def _subcustomer(contract: Contract, parent: Record) -> None:
    child = next(c for c in contract.received("customer") if c["id"] != parent["id"])
    child["parentcust"] = parent["id"]
    contract.forget()


def _untyped(contract: Contract, tool: Record) -> None:
    """Equipment registered without a type and never serviced: no period, no dates."""
    tool.update(groupid=0, grouptext="", title="Stige Zarges 3x8", lastservice="", nextservice="")


def _overdue(contract: Contract, tool: Record) -> None:
    due = contract.today - timedelta(days=20)
    period = whole((contract.tool_type(tool) or {}).get("period")) or 12
    tool.update(
        nextservice=due.isoformat(), lastservice=(due - timedelta(days=30 * period)).isoformat()
    )


def _unlocated(contract: Contract, task: Record) -> None:
    task["addresses"] = [
        *(task.get("addresses") or ()),
        {
            "type": "Nøgleboks",
            "full": f"{task['address']}, {task['zip']} {task['city']}",
            "name": "Nøgleboks",
            "name2": "",
            "address": task["address"],
            "address2": "",
            "zip": task["zip"],
            "city": task["city"],
            "country": task.get("country", "DK"),
            "latitude": 0.0,
            "longitude": 0.0,
        },
    ]


# (box, kind) → how to make the object named in the middle show, and hide, the box.
_SHOW: dict[tuple[str, str], Fix] = {
    ("description", "todo"): lambda c, o: o.update(description="Udskift filter og tjek tryk."),
    ("checklist", "todo"): lambda c, o: o.update(checkpoints=[c.setup.checkpoints[0]["id"]]),
    ("users", "todo"): lambda c, o: o.update(userid=c.setup.current_user_id),
    ("reminders", "todo"): _stodo("todo"),
    ("procedures", "todo"): _procedure(lambda task: whole(task["customerid"])),
    ("persons", "customer"): lambda c, o: _relation(c, c.received("person")[0]["id"], o["id"]),
    ("users", "customer"): lambda c, o: o.update(ourreference=c.setup.office_ids[0]),
    ("subcustomers", "customer"): _subcustomer,
    ("procedures", "customer"): _procedure(lambda customer: customer["id"]),
    ("reminders", "customer"): _stodo("customers"),
    ("companies", "person"): lambda c, o: _relation(c, o["id"], c.received("customer")[0]["id"]),
    ("users", "tool"): lambda c, o: o.update(userid=c.setup.current_user_id),
}
_HIDE: dict[tuple[str, str], Fix] = {
    ("description", "todo"): lambda c, o: o.update(description=""),
    ("checklist", "todo"): lambda c, o: o.update(checkpoints=[]),
    ("address", "todo"): lambda c, o: o.update(_BARE_ADDRESS, addresses=[]),
    # A task waiting in the pool of the demo technician's team: no user, still received.
    ("users", "todo"): lambda c, o: o.update(
        userid=0,
        usertext="",
        additionaluserids=[],
        ispool=1,
        team=(c.setup.user(c.setup.current_user_id) or {"teams": [0]})["teams"][0],
        **{k: 0 for k in c.custom_keys("todo", 9)},
    ),
    ("address", "customer"): lambda c, o: o.update(
        _BARE_ADDRESS, **_BARE_INVOICE, **{k: "" for k in c.custom_keys("customer", 11)}
    ),
    ("persons", "customer"): lambda c, o: _no_contacts(c, o),
    ("users", "customer"): lambda c, o: o.update(ourreference=0, ourreferencetext="", sellerid=0),
    ("address", "person"): lambda c, o: o.update(_BARE_ADDRESS),
    ("companies", "person"): lambda c, o: _drop_relations(c, "personid", o["id"]),
    ("toolservice", "tool"): _untyped,
    ("users", "tool"): lambda c, o: o.update(userid=0, usertext=""),
}
# (box, kind) → the case the showcase prefers to name, when no object has it yet.
_PREFERRED: dict[tuple[str, str], Fix] = {
    ("address", "todo"): _unlocated,
    ("persons", "customer"): lambda c, o: _relation(c, whole(o["theirreference"]), o["id"]),
    ("toolservice", "tool"): _overdue,
    ("tooltake", "tool"): lambda c, o: o.update(
        carrier_userid=c.setup.current_user_id, customerid=0
    ),
}


# (box, kind) → the case the showcase prefers to name as hidden, when no object has it yet:
# a reminder too far ahead to show.
_PREFERRED_HIDDEN: dict[tuple[str, str], Fix] = {
    ("reminders", "todo"): _stodo("todo", days_ahead=4 * rules.REMINDER_DAYS),
}


def complete(contract: Contract) -> None:
    """Change the contract's objects in place until every rule has its sides."""
    for rule in rules.RULES:
        key = (rule.box, rule.kind)
        if key in _SHOW and rules.pick(contract, rule, True) is None:
            _apply(contract, rule, _SHOW[key], shown=False)
        if key in _HIDE and rules.pick(contract, rule, False) is None:
            _apply(contract, rule, _HIDE[key], shown=True)
        for shown, preferred in ((True, _PREFERRED), (False, _PREFERRED_HIDDEN)):
            named = rules.pick(contract, rule, shown)
            if key in preferred and (named is None or not rule.prefer(contract, named)):
                _apply(contract, rule, preferred[key], shown=shown, eligible=_preferable(key))


def _preferable(key: tuple[str, str]) -> Callable[[Contract, Record], bool]:
    """Which shown objects can take the preferred case without looking odd."""
    if key == ("address", "todo"):
        return lambda c, o: bool(o.get("address"))
    if key == ("persons", "customer"):
        return lambda c, o: bool(whole(o.get("theirreference")))
    if key == ("tooltake", "tool"):
        return lambda c, o: not whole(o.get("carrier_userid")) and not whole(o.get("placeofhome"))
    if key == ("toolservice", "tool"):
        return lambda c, o: bool(o.get("nextservice"))
    return lambda c, o: True


def _apply(
    contract: Contract,
    rule: Rule,
    fix: Fix,
    *,
    shown: bool,
    eligible: Callable[[Contract, Record], bool] = lambda c, o: True,
) -> None:
    """Fix the middle object (by id) of those on the `shown` side that are eligible."""
    side = [
        o
        for o in contract.received(rule.kind)
        if rule.shows(contract, o) == shown and eligible(contract, o)
    ] or contract.received(rule.kind)
    fix(contract, side[len(side) // 2])
    contract.forget()
