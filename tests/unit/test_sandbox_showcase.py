"""The showcase (`GET /_sandbox/showcase`): for every main-page box, an object the demo
technician's app receives where the box shows and one where it hides, checked against what the
API sends (the guide's rules applied to the answers, not to the sandbox's own rules)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from app.sandbox.seed import generate
from app.sandbox.setup_data import DEFAULT_FUNCTIONS, DEMO_USER_ID
from app.sandbox.showcase import REMINDER_DAYS, Contract, showcase
from app.sandbox.visibility import Audience
from tests import admin as sandbox_admin
from tests.unit.test_sandbox_support import page_through, result

SANDBOX = (7, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py
NOW = datetime(2025, 3, 14, 12, 0, 0)
# The boxes whose rule has no hiding object (a column group shows always; only the ToolTake
# function, on by default, hides the tooltake box).
NEVER_HIDDEN = {("columngroup", kind) for kind in ("todo", "customer", "person", "tool")} | {
    ("tooltake", "tool")
}


class Received:
    """What the demo technician's app receives, read through the real endpoint."""

    def __init__(self, client, server) -> None:
        def read(command: str, key: str, **params: Any) -> dict[int, dict]:
            found = page_through(client, server, command, key, **params)
            return {o["id"]: o for o in found if not o["isdeleted"]}

        self.objects = {
            "todo": read("GetTodosByLastChange", "todos", ignoreclosed=1),
            "customer": read("GetCustomersByLastChange", "customers", ignoreclosed=1),
            "person": read("GetPersonsByLastChange", "persons", ignoreclosed=1),
            "tool": read("GetToolsByLastChange", "tools", ignoreclosed=1),
        }
        self.relations = list(read("GetRelationsByLastChange", "relations").values())
        self.procedures = list(read("GetProceduresByLastChange", "procedures").values())
        self.stodos = result(client, server, "GetMyStodos")["stodos"]
        self.calls = result(client, server, "GetMyPendingCalls")["calls"]
        checkpoints = result(client, server, "GetCheckpoints")["checkpoints"]
        self.checkpoints = {c["id"] for c in checkpoints}
        self.tool_types = {t["id"]: t for t in result(client, server, "GetToolTypes")["types"]}
        self.functions = result(client, server, "GetMobileAppSettings")["functions"]
        fields = result(client, server, "GetCustomFields")["customfields"]
        self.custom = {
            (group, f["type"]): f"custom{f['id']}" for group in fields for f in fields[group]
        }
        self.today = server.state.clock.now().date()
        self.company_relations = lambda person_id: result(
            client, server, "GetRelationsByPersonID", personid=person_id
        )["relations"]

    def field(self, group: str, cf_type: int) -> str:
        return self.custom.get((group, cf_type), "-")

    def reminders(self, modcode: str, object_id: int, near: bool) -> list[dict]:
        horizon = (self.today + timedelta(days=REMINDER_DAYS)).isoformat()
        return [
            s
            for s in self.stodos
            if s["modcode"] == modcode
            and s["objectid"] == object_id
            and (s["date"] <= horizon) == near
        ]


def _address(o: dict, *keys: str) -> bool:
    return any(str(o.get(k) or "").strip() for k in keys)


# (box, kind) → does the object, as the API sent it, have what the box shows?
GUIDE: dict[tuple[str, str], Any] = {
    ("description", "todo"): lambda r, o: bool(o["description"].strip()),
    ("checklist", "todo"): lambda r, o: bool(set(o["checkpoints"]) & r.checkpoints),
    ("address", "todo"): lambda r, o: _address(o, "address", "zip", "city") or bool(o["addresses"]),
    ("users", "todo"): lambda r, o: bool(
        o["userid"] or o["additionaluserids"] or o.get(r.field("todo", 9))
    ),
    ("reminders", "todo"): lambda r, o: bool(r.reminders("todo", o["id"], near=True)),
    ("procedures", "todo"): lambda r, o: any(
        p["modcode"] == "customers" and p["sysref"] == o["customerid"] for p in r.procedures
    ),
    ("address", "customer"): lambda r, o: (
        _address(o, "address", "zip", "city", "invoiceaddress", "invoicezip", "invoicecity")
        or bool(o.get(r.field("customers", 11)))
    ),
    ("persons", "customer"): lambda r, o: (
        bool(o["theirreference"]) or any(rel["customerid"] == o["id"] for rel in r.relations)
    ),
    ("users", "customer"): lambda r, o: bool(o["ourreference"] or o["sellerid"]),
    ("subcustomers", "customer"): lambda r, o: any(
        c["parentcust"] == o["id"] for c in r.objects["customer"].values()
    ),
    ("procedures", "customer"): lambda r, o: (
        "CustomersProcedures" in r.functions
        and any(p["modcode"] == "customers" and p["sysref"] == o["id"] for p in r.procedures)
    ),
    ("reminders", "customer"): lambda r, o: (
        bool(r.reminders("customers", o["id"], near=True))
        or any(c["customerid"] == o["id"] for c in r.calls)
    ),
    ("address", "person"): lambda r, o: _address(o, "address", "zip", "city"),
    ("companies", "person"): lambda r, o: bool(r.company_relations(o["id"])),
    ("toolservice", "tool"): lambda r, o: bool(
        r.tool_types.get(o["groupid"], {}).get("period") or o["lastservice"] or o["nextservice"]
    ),
    ("tooltake", "tool"): lambda r, o: "ToolTake" in r.functions,
    ("users", "tool"): lambda r, o: bool(o["userid"]),
    **{key: (lambda r, o: True) for key in NEVER_HIDDEN if key[0] == "columngroup"},
}


@pytest.fixture(scope="module")
def named(server):
    return sandbox_admin.showcase(server)


@pytest.fixture(scope="module")
def received(client, server):
    return Received(client, server)


def test_every_box_of_every_page_is_named(named, server):
    pages = {
        ("columngroup" if box["iscolumngroup"] else box["box"], page["objecttype"])
        for page in server.state.setup.main_pages
        for box in page["boxes"]
    }
    known = {(box, kind) for box, kinds in named.items() for kind in kinds}
    assert pages - known == {("weatherforecast", "todo")}  # the box type no app knows
    assert known == set(GUIDE)


@pytest.mark.parametrize("box,kind", sorted(GUIDE))
def test_the_named_objects_arrive_and_have_or_lack_what_the_box_shows(named, received, box, kind):
    entry = named[box][kind]
    assert entry["why"]
    assert received.objects[kind][entry["shows"]], "the shown object is not sent to the app"
    assert GUIDE[box, kind](received, received.objects[kind][entry["shows"]])
    if (box, kind) in NEVER_HIDDEN:
        assert entry["hides"] is None
    else:
        hidden = received.objects[kind][entry["hides"]]
        assert not GUIDE[box, kind](received, hidden)


def test_the_named_objects_show_the_guides_special_cases(named, received, server):
    task = received.objects["todo"][named["address"]["todo"]["shows"]]
    assert any(a["latitude"] == 0 or a["longitude"] == 0 for a in task["addresses"])
    customer = received.objects["customer"][named["persons"]["customer"]["shows"]]
    assert any(
        rel["personid"] == customer["theirreference"] and rel["customerid"] == customer["id"]
        for rel in received.relations
    ), "the company's theirreference is also related to it: two roles"
    tool = received.objects["tool"][named["toolservice"]["tool"]["shows"]]
    assert tool["nextservice"] < received.today.isoformat(), "the named service is overdue"
    carried = received.objects["tool"][named["tooltake"]["tool"]["shows"]]
    assert carried["carrier_userid"] == server.state.demo_user_id
    hidden = named["reminders"]["todo"]["hides"]
    assert received.reminders("todo", hidden, near=False), "hidden: its reminder is far ahead"


def test_without_tooltake_no_equipment_shows_the_box(server):
    sandbox_admin.set_functions(server, ToolTake=False)
    try:
        entry = sandbox_admin.showcase(server)["tooltake"]["tool"]
    finally:
        sandbox_admin.set_functions(server, ToolTake=True)
    assert entry["shows"] is None and entry["hides"]


@pytest.mark.parametrize("seed,scale", [(1, 1.0), (1, 0.05), (2, 0.05), (5, 0.1), (9, 0.05)])
def test_any_seed_and_scale_has_both_sides_of_every_box_and_the_same_each_time(seed, scale):
    def named_for() -> tuple[dict, dict]:
        dataset = generate(seed, scale, NOW, "tekniker@demo.dk")
        setup = dataset.setup
        audience = Audience.of(
            setup.user(setup.current_user_id) or {},
            setup.user_fields("todo"),
            dataset.objects["prodplanentry"],
            NOW,
        )
        contract = Contract(dataset.objects, setup, DEFAULT_FUNCTIONS, NOW.date(), audience.sees)
        return showcase(contract), dataset.objects

    found, objects = named_for()
    for box, kinds in found.items():
        for kind, entry in kinds.items():
            assert entry["shows"], (box, kind)
            assert entry["hides"] or (box, kind) in NEVER_HIDDEN, (box, kind)
    assert named_for()[0] == found

    def named(box: str, kind: str, side: str = "shows") -> dict:
        return next(o for o in objects[kind] if o["id"] == found[box][kind][side])

    assert any(not a["latitude"] for a in named("address", "todo")["addresses"])
    assert named("toolservice", "tool")["nextservice"] < NOW.date().isoformat()
    assert named("tooltake", "tool")["carrier_userid"] == DEMO_USER_ID
    company = named("persons", "customer")
    assert any(
        r["personid"] == company["theirreference"]
        and r["customerid"] == company["id"]
        and not r["isdeleted"]
        for r in objects["relation"]
    )
    hidden = named("reminders", "todo", "hides")["id"]
    far = (NOW.date() + timedelta(days=REMINDER_DAYS)).isoformat()
    assert any(
        s["objectid"] == hidden
        and s["modcode"] == "todo"
        and s["date"] > far
        and s["userid"] == DEMO_USER_ID
        for s in objects["stodo"]
    )
