"""The admin interface over loopback HTTP: a dispatcher's actions and what the next incremental
read shows of them (exactly that), text siblings, listings, the state summary, the app
functions, the loopback guard, and the refuse_resumekey and bandwidth faults."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx
import pytest
from starlette.requests import Request

from app.sandbox import SandboxServer
from app.sandbox.admin import admin_routes
from app.sandbox.faults import FaultPlan
from app.sandbox.requestlog import RequestLog
from tests.unit.test_sandbox_support import (
    admin,
    call,
    cursor,
    live_ids,
    login,
    page_through,
    post,
    result,
    sees,
    usable_ids,
)

DEMO = 3

# What the app's normal sync sends for each kind (the guide's parameters).
NORMAL_SYNC = {
    "todo": ("GetTodosByLastChange", "todos", {"ignoreclosed": 1}),
    "customer": ("GetCustomersByLastChange", "customers", {"ignoreclosed": 1}),
    "person": ("GetPersonsByLastChange", "persons", {}),
    "tool": ("GetToolsByLastChange", "tools", {"ignoreclosed": 0}),
    "product": ("GetProductsByLastChange", "products", {}),
    "thread": ("GetThreadsByLastChange", "threads", {"onlysubscriber": 1, "ignoreclosed": 1}),
    "procedure": ("GetProceduresByLastChange", "procedures", {}),
    "relation": ("GetRelationsByLastChange", "relations", {}),
}


SANDBOX = (14, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py


@pytest.fixture(autouse=True)
def no_faults_left(server, client):
    yield
    client.delete(f"{server.base_url}/_sandbox/faults")


def changes_since(client, server, since: dict) -> dict[str, list[tuple[int, int]]]:
    """(id, isdeleted) of what each loop of the normal sync would receive since `since`."""
    found = {}
    for kind, (command, key, params) in NORMAL_SYNC.items():
        objects = page_through(client, server, command, key, **params, **since)
        if objects:
            found[kind] = [(obj["id"], obj["isdeleted"]) for obj in objects]
    return found


def ok(response: httpx.Response) -> dict:
    assert response.status_code in (200, 201), response.text
    return response.json()


def seen_task(server: SandboxServer) -> int:
    return usable_ids(server, "todo", lambda t: sees(server, t) and not t["isclosed"])[-1]


def active(server: SandboxServer, kind: str) -> int:
    return usable_ids(server, kind)[-1]


def _new_task(client, server) -> tuple[str, int, int]:
    created = ok(admin(client, server, "POST", "/objects/todo", {"title": "Ny", "userid": DEMO}))
    return "todo", created["id"], 0


def _changed_task(client, server) -> tuple[str, int, int]:
    task = seen_task(server)
    ok(admin(client, server, "PATCH", f"/objects/todo/{task}", {"title": "Ændret"}))
    return "todo", task, 0


def _deleted_task(client, server) -> tuple[str, int, int]:
    task = seen_task(server)
    ok(admin(client, server, "DELETE", f"/objects/todo/{task}"))
    return "todo", task, 1


def _closed_task(client, server) -> tuple[str, int, int]:
    task = seen_task(server)
    ok(admin(client, server, "POST", f"/objects/todo/{task}/close", {"stateid": 7}))
    return "todo", task, 1


def _reopened_task(client, server) -> tuple[str, int, int]:
    task = ok(admin(client, server, "POST", "/objects/todo", {"userid": DEMO, "isclosed": 1}))
    ok(admin(client, server, "POST", f"/objects/todo/{task['id']}/reopen"))
    return "todo", task["id"], 0


def _task_assigned_to_the_user(client, server) -> tuple[str, int, int]:
    task = ok(admin(client, server, "POST", "/objects/todo", {"userid": 5, "team": 2}))
    ok(admin(client, server, "POST", f"/objects/todo/{task['id']}/assign", {"userid": DEMO}))
    return "todo", task["id"], 0


def _deactivated_customer(client, server) -> tuple[str, int, int]:
    customer = active(server, "customer")
    ok(admin(client, server, "POST", f"/objects/customer/{customer}/deactivate"))
    return "customer", customer, 1


def _moved_tool(client, server) -> tuple[str, int, int]:
    tool = active(server, "tool")
    ok(admin(client, server, "POST", f"/objects/tool/{tool}/move", {"customerid": 2}))
    return "tool", tool, 0


def _deactivated_tool(client, server) -> tuple[str, int, int]:
    tool = active(server, "tool")
    ok(admin(client, server, "POST", f"/objects/tool/{tool}/deactivate"))
    return "tool", tool, 1


@pytest.mark.parametrize(
    "change",
    [
        _new_task,
        _changed_task,
        _deleted_task,
        _closed_task,
        _reopened_task,
        _task_assigned_to_the_user,
        _deactivated_customer,
        _moved_tool,
        _deactivated_tool,
    ],
    ids=lambda change: change.__name__.strip("_").replace("_", " "),
)
def test_a_dispatchers_change_shows_in_the_next_normal_sync_and_only_it(
    client, server, clock, change: Callable
):
    since = cursor(client, server, clock)
    kind, object_id, deleted = change(client, server)
    assert changes_since(client, server, since) == {kind: [(object_id, deleted)]}


def test_every_change_is_stamped_with_the_servers_now_and_a_new_sequence(client, server, clock):
    clock.advance(minutes=5)
    store = server.state.store("person")
    before = store.last_seq
    changed = ok(admin(client, server, "PATCH", "/objects/person/1", {"title": "Driftschef"}))
    assert f"{changed['changedate']} {changed['changetime']}" == clock.now.isoformat(" ")
    assert store.last_seq == before + 1


def test_activating_and_reopening_bring_objects_back(client, server, clock):
    customer = active(server, "customer")
    ok(admin(client, server, "POST", f"/objects/customer/{customer}/deactivate"))
    since = cursor(client, server, clock)
    back = ok(admin(client, server, "POST", f"/objects/customer/{customer}/activate"))
    assert back["isactive"] == 1
    assert changes_since(client, server, since) == {"customer": [(customer, 0)]}


def test_a_tool_moved_to_a_place_of_home_leaves_the_placeofhome_2_read(client, server, clock):
    tool = live_ids(server, "tool", lambda t: not t["placeofhome"] and not t["isdeleted"])[0]
    since = cursor(client, server, clock)
    moved = ok(admin(client, server, "POST", f"/objects/tool/{tool}/move", {"placeofhome": 4}))
    assert moved["placeofhome"] == 4
    homeless = page_through(client, server, "GetToolsByLastChange", "tools", placeofhome=2, **since)
    assert homeless == []
    company = result(client, server, "GetToolsByField", field="custref", value=4)["tools"]
    assert tool in {t["id"] for t in company}


def test_a_changed_id_refreshes_its_text_unless_the_text_is_given(client, server):
    customer = server.state.get("customer", 2)
    task = ok(admin(client, server, "PATCH", "/objects/todo/1", {"customerid": 2, "stateid": 4}))
    assert (task["customertext"], task["statetext"]) == (customer["name"], "Afventer dele")
    given = ok(admin(client, server, "PATCH", "/objects/todo/1", {"userid": 5, "usertext": "X"}))
    assert given["usertext"] == "X"
    tool = ok(admin(client, server, "PATCH", "/objects/tool/1", {"groupid": 8, "stateid": 3}))
    assert (tool["grouptext"], tool["statetext"]) == ("Måleinstrument", "Til service")
    new = ok(admin(client, server, "POST", "/objects/todo", {"customerid": 2, "userid": DEMO}))
    assert new["customertext"] == customer["name"] and new["usertext"]
    assert new["number"].startswith("T-") and new["statetext"] == "Oprettet"


def test_objects_are_listed_by_kind_and_ids(client, server):
    everything = ok(admin(client, server, "GET", "/objects/procedure"))
    assert [p["id"] for p in everything] == live_ids(server, "procedure")
    some = ok(admin(client, server, "GET", "/objects/relation?ids=3,1"))
    assert [r["id"] for r in some] == [1, 3]
    assert admin(client, server, "GET", "/objects/unicorn").status_code == 404
    assert admin(client, server, "GET", "/objects/todo?ids=a,b").status_code == 400


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/objects/todo/1/explode", {}, 404),
        ("/objects/customer/1/close", {}, 404),
        ("/objects/todo/999999/close", {}, 404),
        ("/objects/todo/1/close", {"stateid": 2}, 400),
        ("/objects/todo/1/reopen", {"stateid": 6}, 400),
        ("/objects/todo/1/assign", {}, 400),
        ("/objects/todo/1/assign", {"userid": 99}, 400),
        ("/objects/tool/1/move", {}, 400),
        ("/objects/tool/1/move", {"customerid": 999999}, 400),
        ("/objects/todo/1/close", [1], 400),
    ],
)
def test_an_action_the_back_office_would_refuse_is_refused(client, server, path, body, status):
    response = admin(client, server, "POST", path, body)
    assert response.status_code == status and "error" in response.json()


def test_the_state_summary_counts_live_and_deleted_objects(client, server):
    summary = ok(admin(client, server, "GET", "/state"))
    assert summary["userid"] == DEMO and "CheckIn" in summary["functions"]
    for kind, counts in summary["kinds"].items():
        store = server.state.store(kind)
        deleted = sum(1 for obj in store.objects() if obj["isdeleted"])
        assert counts == {"live": len(store) - deleted, "deleted": deleted}
    assert {"todo", "product", "thread", "prodplanentry", "todoitem"} <= set(summary["kinds"])


def test_functions_are_switched_per_contract_and_reported_to_the_app(client, server):
    switched = ok(
        admin(
            client,
            server,
            "POST",
            "/functions",
            {"LimitNumObjects": True, "ToolTake": False, "Custom": 1},
        )
    )
    assert "LimitNumObjects" in switched and "Custom" in switched and "ToolTake" not in switched
    assert ok(admin(client, server, "GET", "/functions")) == switched
    settings = result(client, server, "GetMobileAppSettings")
    assert settings["functions"] == switched
    ok(
        admin(
            client,
            server,
            "POST",
            "/functions",
            {"LimitNumObjects": False, "ToolTake": True, "Custom": 0},
        )
    )
    assert "LimitNumObjects" not in result(client, server, "GetMobileAppSettings")["functions"]
    for bad in ([1], {"LimitNumObjects": "yes"}):
        assert admin(client, server, "POST", "/functions", bad).status_code == 400


@pytest.mark.parametrize(("host", "status"), [("192.168.1.20", 403), ("127.0.0.1", 200)])
def test_the_admin_routes_refuse_clients_that_are_not_on_loopback(server, host, status):
    routes = {route.path: route for route in admin_routes(server.state, RequestLog(), FaultPlan(),
                                                    server.configuration_code)}
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/_sandbox/state",
        "headers": [],
        "query_string": b"",
        "client": (host, 50123),
    }
    response = asyncio.run(routes["/_sandbox/state"].endpoint(Request(scope)))
    assert response.status_code == status


# Faults


def test_refuse_resumekey_refuses_only_the_commands_carrying_one(client, server):
    fault = {"mode": "refuse_resumekey", "command": "GetTodosByLastChange", "after": 1}
    ok(admin(client, server, "POST", "/faults", fault))
    first = result(client, server, "GetTodosByLastChange")  # no resumekey: does not count
    assert first["status"] == 1
    resumed = {"command": "GetTodosByLastChange", "resumekey": "todo.1"}
    let_through, refused, again = (
        call(client, server, {"command": "Echo"}, resumed)["results"] for _ in range(3)
    )
    assert let_through[1]["status"] == 1 and again[1]["status"] == 1
    assert refused == [{"status": 1, "answer": ""}, {"status": 0, "msg": "Invalid resumekey"}]
    assert ok(admin(client, server, "GET", "/faults")) == []


def test_refuse_resumekey_without_a_command_refuses_any_resumed_pass(client, server):
    ok(admin(client, server, "POST", "/faults", {"mode": "refuse_resumekey", "times": 2}))
    for command, key in (
        ("GetCustomersByLastChange", "customer.1"),
        ("GetToolsByLastChange", "tool.1"),
    ):
        assert result(client, server, command, resumekey=key) == {
            "status": 0,
            "msg": "Invalid resumekey",
        }
    assert result(client, server, "GetToolsByLastChange", resumekey="tool.1")["status"] == 1


def test_bandwidth_streams_the_same_answer_slowly(client, server):
    normal = client.post(server.url, data={"json": _todos_request(server)})
    seconds = 0.3
    rate = len(normal.content) / seconds
    ok(admin(client, server, "POST", "/faults", {"mode": "bandwidth", "bytes_per_second": rate}))
    started = time.monotonic()
    slow = client.post(server.url, data={"json": _todos_request(server)})
    assert time.monotonic() - started >= seconds * 0.8
    assert slow.content == normal.content  # the clock stands still: the same bytes
    assert slow.headers["content-length"] == str(len(normal.content))


@pytest.mark.parametrize(
    "spec",
    [
        {"mode": "bandwidth"},
        {"mode": "bandwidth", "bytes_per_second": -5},
        {"mode": "drop", "bytes_per_second": 100},
    ],
)
def test_bandwidth_needs_a_positive_rate_and_only_it_takes_one(client, server, spec):
    assert admin(client, server, "POST", "/faults", spec).status_code == 400


def _todos_request(server: SandboxServer) -> str:
    commands = [{"command": "GetTodosByLastChange"}]
    return json.dumps({**login(server.credentials), "commands": commands})


def test_the_office_changes_the_password_and_the_old_one_is_refused(client, server):
    old = login(server.credentials)
    echo = [{"command": "Echo"}]
    try:
        ok(admin(client, server, "POST", "/credentials", {"password": "nyt-kodeord-7"}))
        refused = post(client, server, {**old, "commands": echo})
        assert (refused["status"], refused["results"]) == (0, [])
        assert refused["msg"].startswith("Invalid login")
        assert post(client, server, {**old, "password": "nyt-kodeord-7", "commands": echo}
                    )["status"] == 1
        for bad in ({}, {"password": ""}, {"password": 7}, ["x"]):
            assert admin(client, server, "POST", "/credentials", bad).status_code == 400
    finally:
        ok(admin(client, server, "POST", "/credentials", {"password": old["password"]}))


# The configuration code


def test_the_configuration_code_is_exchanged_for_the_demo_account_and_no_other(client, server):
    creds = server.credentials
    answer = ok(admin(client, server, "POST", "/configuration-code",
                      {"code": server.configuration_code}))
    assert answer == {"endpoint": server.url, "contract": creds.contract, "apikey": creds.apikey,
                      "username": creds.username, "password": creds.password}
    unknown = admin(client, server, "POST", "/configuration-code", {"code": "ABCD-123"})
    assert unknown.status_code == 404 and "error" in unknown.json()
    for bad in ({}, {"code": 471}, ["DEMO-471"]):
        assert admin(client, server, "POST", "/configuration-code", bad).status_code == 400
