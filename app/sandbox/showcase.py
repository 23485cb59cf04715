"""Which demo objects show each main-page box and which hide it, named so tests, the layout
preview and the docs find them without searching (`GET /_sandbox/showcase`).

Each rule is the app sync guide's (seeds/004, "Mainpages") reduced to "has the box anything to
show for this object", over the objects the demo technician's app receives (a task it sees,
open and live; a live, active customer or piece of equipment; a live person). Where the guide
names a richer case (an overdue service, a person in two roles, an address without a
location, a reminder too far ahead to show), the showcase prefers the object that has it.
The seed completes the data until every rule has both sides (`seed_showcase`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.sandbox.setup_data import Setup
from app.sandbox.values import truthy, whole

if TYPE_CHECKING:  # the state builds its data with the seed, which completes it with this
    from app.sandbox.state import SandboxState

Record = dict[str, Any]

REMINDER_DAYS = 30
"""A reminder further ahead than this is not shown (the guide: "may be far into the future")."""

_ADDRESS = ("address", "address2", "zip", "city")
_INVOICE = ("invoiceaddress", "invoiceaddress2", "invoicezip", "invoicecity")
_ADDRESS_TYPE, _USER_TYPE = 11, 9
_CUSTOM_GROUPS = {"todo": "todo", "customer": "customers", "tool": "tools", "person": "person"}


@dataclass(frozen=True)
class Contract:
    """The demo contract as the rules read it, at seed time or from a running sandbox."""

    objects: Mapping[str, list[Record]]
    setup: Setup
    functions: frozenset[str]
    today: date
    sees: Callable[[Record], bool]
    """Whether the demo technician's app receives a task (the task visibility rules)."""
    _index: dict[tuple[str, str], dict[int, list[Record]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def received(self, kind: str) -> list[Record]:
        """The objects of a main kind the demo technician's app holds, by id."""
        live = [o for o in self.objects[kind] if not truthy(o.get("isdeleted"))]
        if kind == "todo":
            live = [t for t in live if not truthy(t.get("isclosed")) and self.sees(t)]
        elif kind in ("customer", "tool"):
            live = [o for o in live if truthy(o.get("isactive", 1))]
        return sorted(live, key=lambda o: o["id"])

    def live(self, kind: str, field: str, value: int) -> list[Record]:
        """The live objects of `kind` whose `field` is `value` (indexed on first use)."""
        key = (kind, field)
        if key not in self._index:
            index: dict[int, list[Record]] = {}
            for obj in self.objects[kind]:
                if not truthy(obj.get("isdeleted")):
                    index.setdefault(whole(obj.get(field)), []).append(obj)
            self._index[key] = index
        return self._index[key].get(value, [])

    def forget(self) -> None:
        """Drop the indexes after a change of the objects (the seed completing them)."""
        self._index.clear()

    def custom_keys(self, kind: str, field_type: int) -> list[str]:
        group = _CUSTOM_GROUPS[kind]
        return [
            f"custom{f['id']}"
            for f in self.setup.custom_fields
            if f["objecttype"] == group and f["type"] == field_type
        ]

    def reminders(self, modcode: str, object_id: int) -> list[Record]:
        """The demo technician's stodos on the object (GetMyStodos), due any time."""
        return [
            s
            for s in self.live("stodo", "objectid", object_id)
            if s["modcode"] == modcode and whole(s["userid"]) == self.setup.current_user_id
        ]

    def near(self, stodo: Record) -> bool:
        return stodo["date"] <= (self.today + timedelta(days=REMINDER_DAYS)).isoformat()

    def tool_type(self, tool: Record) -> Record | None:
        group = whole(tool.get("groupid"))
        return next((t for t in self.setup.tool_types if t["id"] == group), None)


@dataclass(frozen=True, slots=True)
class Rule:
    box: str
    kind: str
    why: str
    shows: Callable[[Contract, Record], bool]
    prefer: Callable[[Contract, Record], int] = lambda contract, obj: 0
    """Among the objects on one side, the one with the highest score is named."""


def _filled(obj: Record, keys: Iterable[str]) -> bool:
    return any(str(obj.get(key) or "").strip() for key in keys)


def _address_values(contract: Contract, kind: str, obj: Record) -> list[Any]:
    return [obj.get(k) for k in contract.custom_keys(kind, _ADDRESS_TYPE) if obj.get(k)]


def _has_address(kind: str) -> Callable[[Contract, Record], bool]:
    def shows(contract: Contract, obj: Record) -> bool:
        return (
            _filled(obj, _ADDRESS)
            or (kind == "customer" and _filled(obj, _INVOICE))
            or bool(_address_values(contract, kind, obj))
            or (kind == "todo" and bool(obj.get("addresses")))
        )

    return shows


def unlocated_addresses(task: Record) -> list[Record]:
    """The task's `addresses` the guide says have no location (latitude or longitude 0)."""
    return [
        a for a in task.get("addresses") or () if not a.get("latitude") or not a.get("longitude")
    ]


def _address_score(kind: str) -> Callable[[Contract, Record], int]:
    """Prefer custom address fields, then a task's `addresses` with and without a location."""

    def score(contract: Contract, obj: Record) -> int:
        unlocated = unlocated_addresses(obj)
        located = [a for a in obj.get("addresses") or () if a not in unlocated]
        custom = bool(_address_values(contract, kind, obj))
        return 2 * bool(unlocated) + bool(located) + 2 * custom

    return score


def _user_ids(contract: Contract, kind: str, obj: Record) -> list[int]:
    fields = {"todo": ("userid",), "customer": ("ourreference", "sellerid"), "tool": ("userid",)}
    ids = [whole(obj.get(name)) for name in fields[kind]]
    ids += [whole(obj.get(key)) for key in contract.custom_keys(kind, _USER_TYPE)]
    if kind == "todo":
        ids += [whole(u) for u in obj.get("additionaluserids") or ()]
    return [i for i in ids if i]


def _users(kind: str) -> Callable[[Contract, Record], bool]:
    return lambda contract, obj: bool(_user_ids(contract, kind, obj))


def _users_score(kind: str) -> Callable[[Contract, Record], int]:
    def score(contract: Contract, obj: Record) -> int:
        custom = any(whole(obj.get(k)) for k in contract.custom_keys(kind, _USER_TYPE))
        return 2 * custom + bool(obj.get("additionaluserids"))

    return score


def _checkpoints(contract: Contract, task: Record) -> bool:
    known = {c["id"] for c in contract.setup.checkpoints}
    return bool(known & {whole(c) for c in task.get("checkpoints") or ()})


def _near_reminders(modcode: str) -> Callable[[Contract, Record], bool]:
    def shows(contract: Contract, obj: Record) -> bool:
        near = any(contract.near(s) for s in contract.reminders(modcode, obj["id"]))
        return near or (modcode == "customers" and bool(pending_calls(contract, obj["id"])))

    return shows


def pending_calls(contract: Contract, customer_id: int) -> list[Record]:
    """The demo technician's pending calls about the company (GetMyPendingCalls)."""
    demo = contract.setup.current_user_id
    return [c for c in contract.live("call", "customerid", customer_id) if c["userid"] == demo]


def _only_far_reminders(modcode: str) -> Callable[[Contract, Record], int]:
    """Scores a hidden object with reminders that are all too far ahead (the interesting
    hidden case), and a shown one that has both reminders and calls."""

    def score(contract: Contract, obj: Record) -> int:
        found = contract.reminders(modcode, obj["id"])
        calls = modcode == "customers" and bool(pending_calls(contract, obj["id"]))
        return bool(found) + calls

    return score


def procedures_of(contract: Contract, customer_id: int) -> list[Record]:
    return [
        p for p in contract.live("procedure", "sysref", customer_id) if p["modcode"] == "customers"
    ]


def _own_procedures(contract: Contract, customer: Record) -> bool:
    return "CustomersProcedures" in contract.functions and bool(
        procedures_of(contract, customer["id"])
    )


def persons_of(contract: Contract, customer: Record) -> dict[int, list[str]]:
    """Person id → roles: the relation titles, and "Contact person" for `theirreference`."""
    roles: dict[int, list[str]] = {}
    for relation in contract.live("relation", "customerid", customer["id"]):
        roles.setdefault(whole(relation["personid"]), []).append(relation["title"])
    reference = whole(customer.get("theirreference"))
    if reference:
        roles.setdefault(reference, []).append("Contact person")
    return roles


def _both_roles(contract: Contract, customer: Record) -> int:
    roles = persons_of(contract, customer).get(whole(customer.get("theirreference")), [])
    return int(len(roles) > 1)


def subcustomers(contract: Contract, customer: Record) -> list[Record]:
    """The companies whose parentcust is this one (live and active: the ones the app holds)."""
    return [
        c
        for c in contract.live("customer", "parentcust", customer["id"])
        if truthy(c.get("isactive", 1))
    ]


def _service(contract: Contract, tool: Record) -> bool:
    period = whole((contract.tool_type(tool) or {}).get("period"))
    return bool(period) or _filled(tool, ("lastservice", "nextservice"))


def overdue(contract: Contract, tool: Record) -> bool:
    next_service = str(tool.get("nextservice") or "")
    return bool(next_service) and next_service < contract.today.isoformat()


def _carried_by_demo(contract: Contract, tool: Record) -> int:
    return int(whole(tool.get("carrier_userid")) == contract.setup.current_user_id)


RULES: tuple[Rule, ...] = (
    Rule(
        "columngroup",
        "todo",
        "a column group always shows; the named task has a value in its custom field columns",
        lambda c, o: True,
        prefer=lambda c, o: int(_filled(o, c.custom_keys("todo", 1))),
    ),
    Rule(
        "description",
        "todo",
        "shows the task's `description`; hidden when it is empty",
        lambda c, o: _filled(o, ("description",)),
        prefer=lambda c, o: int("\n" in str(o.get("description"))),
    ),
    Rule(
        "checklist",
        "todo",
        "the task's `checkpoints` that GetCheckpoints knows; hidden when it has none",
        _checkpoints,
    ),
    Rule(
        "address",
        "todo",
        "delivery address, address-type custom fields and the `addresses` "
        "list (one without a location: latitude or longitude 0); hidden when there is none",
        _has_address("todo"),
        prefer=_address_score("todo"),
    ),
    Rule(
        "users",
        "todo",
        "userid (Responsible), additionaluserids (Additional user) and "
        "type-9 custom fields; hidden when there is none",
        _users("todo"),
        prefer=_users_score("todo"),
    ),
    Rule(
        "reminders",
        "todo",
        f"the demo technician's stodos with modcode todo on the task, "
        f"due within {REMINDER_DAYS} days; the hidden task has none that near (only far "
        f"ahead, when the data has one)",
        _near_reminders("todo"),
        prefer=_only_far_reminders("todo"),
    ),
    Rule(
        "procedures",
        "todo",
        "procedures (modcode customers, sysref) of the task's company; hidden when it has none",
        lambda c, o: bool(procedures_of(c, whole(o.get("customerid")))),
    ),
    Rule(
        "columngroup",
        "customer",
        "a column group always shows; the named company has a value in its custom field columns",
        lambda c, o: True,
        prefer=lambda c, o: int(_filled(o, ("custom201", "email", "www"))),
    ),
    Rule(
        "address",
        "customer",
        "address, invoice address and address-type custom fields; hidden when there is none",
        _has_address("customer"),
        prefer=_address_score("customer"),
    ),
    Rule(
        "persons",
        "customer",
        "persons related to the company (role: the relation's title) "
        "and its theirreference (Contact person; the named one is both); hidden when none",
        lambda c, o: bool(persons_of(c, o)),
        prefer=_both_roles,
    ),
    Rule(
        "users",
        "customer",
        "ourreference (Responsible), sellerid (Seller) and type-9 custom "
        "fields; hidden when there is none",
        _users("customer"),
        prefer=_users_score("customer"),
    ),
    Rule(
        "subcustomers",
        "customer",
        "the companies whose parentcust is this one; hidden when none",
        lambda c, o: bool(subcustomers(c, o)),
    ),
    Rule(
        "procedures",
        "customer",
        "the company's own procedures, only with the "
        "CustomersProcedures function; hidden when it has none",
        _own_procedures,
    ),
    Rule(
        "reminders",
        "customer",
        f"stodos with modcode customers due within {REMINDER_DAYS} "
        f"days and the pending calls about the company; hidden when there is none",
        _near_reminders("customers"),
        prefer=_only_far_reminders("customers"),
    ),
    Rule("columngroup", "person", "a column group always shows", lambda c, o: True),
    Rule(
        "address", "person", "the person's address; hidden when it is empty", _has_address("person")
    ),
    Rule(
        "companies",
        "person",
        "the person's companies (GetRelationsByPersonID); hidden when none",
        lambda c, o: bool(c.live("relation", "personid", o["id"])),
    ),
    Rule("columngroup", "tool", "a column group always shows", lambda c, o: True),
    Rule(
        "toolservice",
        "tool",
        "the service period of the equipment type (GetToolTypes "
        "periodtype, period), lastservice and nextservice (the named one is overdue); hidden "
        "without a period or service dates",
        _service,
        prefer=lambda c, o: int(overdue(c, o)),
    ),
    Rule(
        "tooltake",
        "tool",
        "taken or not and by whom, only with the ToolTake function (no "
        "object hides it; the named one is carried by the demo technician)",
        lambda c, o: "ToolTake" in c.functions,
        prefer=_carried_by_demo,
    ),
    Rule(
        "users",
        "tool",
        "userid (Responsible) and type-9 custom fields; hidden when there is none",
        _users("tool"),
        prefer=_users_score("tool"),
    ),
)


def pick(contract: Contract, rule: Rule, shown: bool) -> Record | None:
    """The object named for one side of a rule: the best scored, the lowest id on a tie."""
    side = [o for o in contract.received(rule.kind) if rule.shows(contract, o) == shown]
    if not side:
        return None
    return max(side, key=lambda o: (rule.prefer(contract, o), -o["id"]))


def showcase(contract: Contract) -> dict[str, dict[str, Record]]:
    """{box: {kind: {"shows": id, "hides": id, "why": rule}}}; an id is None only where the
    guide leaves no such object (a column group never hides; without the ToolTake function
    nothing shows the tooltake box)."""
    found: dict[str, dict[str, Record]] = {}
    for rule in RULES:
        shows, hides = pick(contract, rule, True), pick(contract, rule, False)
        found.setdefault(rule.box, {})[rule.kind] = {
            "shows": shows["id"] if shows else None,
            "hides": hides["id"] if hides else None,
            "why": rule.why,
        }
    return found


def of_state(state: SandboxState) -> Contract:
    """The running sandbox's contract, as its data stands now."""
    now = state.clock.now()
    audience = state.audience(state.demo_user_id, now)
    objects = {kind: list(state.store(kind).objects()) for kind in state.stores}
    return Contract(objects, state.setup, frozenset(state.functions), now.date(), audience.sees)
