"""The sandbox over real loopback HTTP: the envelope, paging, admin edits, the log, faults."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from datetime import datetime

import httpx
import pytest

from app.sandbox import SandboxServer
from tests.unit.test_sandbox_support import admin, call, live_ids, login, page_through, post, sees

PAGE_SIZE = 7


@pytest.fixture(scope="module")
def server():
    with SandboxServer(seed=5, scale=0.05, page_size=PAGE_SIZE) as running:
        yield running


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(timeout=5) as http:
        yield http


@pytest.fixture(autouse=True)
def no_faults_left(server, client):
    yield
    client.delete(f"{server.base_url}/_sandbox/faults")


# The envelope


def test_echo_answers_with_the_server_date_and_time(client, server):
    answer = call(client, server, {"command": "Echo", "text": "Hej med dig"})
    assert answer["status"] == 1 and answer["msg"] == "OK"
    assert answer["results"] == [{"status": 1, "answer": "Hej med dig"}]
    datetime.strptime(f"{answer['date']} {answer['time']}", "%Y-%m-%d %H:%M:%S")


def test_the_contract_may_be_a_number(client, server):
    envelope = {**login(server.credentials), "contract": 4711, "commands": [{"command": "Echo"}]}
    assert post(client, server, envelope)["status"] == 1


@pytest.mark.parametrize("field", ["contract", "apikey", "username", "password"])
def test_a_wrong_or_missing_credential_refuses_the_whole_request(client, server, field):
    wrong = {**login(server.credentials), field: "wrong", "commands": [{"command": "Echo"}]}
    missing = {k: v for k, v in wrong.items() if k != field}
    for envelope in (wrong, missing):
        answer = post(client, server, envelope)
        assert answer["status"] == 0 and answer["results"] == []
        assert answer["msg"].startswith("Invalid login")
        assert "date" in answer and "time" in answer


@pytest.mark.parametrize(
    "form",
    [{}, {"json": "{not json"}, {"json": "[1, 2]"}, {"json": '{"contract": "4711"}'}],
    ids=["no json field", "not JSON", "not an object", "no commands"],
)
def test_a_malformed_request_is_refused(client, server, form):
    response = client.post(server.url, data=form)
    answer = response.json()
    assert response.status_code == 200
    assert answer["status"] == 0 and answer["results"] == []
    assert answer["msg"].startswith("Malformed request: ")


def test_an_unknown_command_fails_alone(client, server):
    answer = call(client, server, {"command": "Frobnicate"}, {"command": "GetCurrentUserID"})
    assert answer["results"] == [
        {"status": 0, "msg": "Unknown command: Frobnicate"},
        {"status": 1, "userid": server.state.setup.current_user_id},
    ]


def test_haltonerror_stops_at_the_first_failure(client, server):
    commands = [{"command": "Echo", "text": "a"}, {"command": "Nope"}, {"command": "Echo"}]
    answer = call(client, server, *commands, haltonerror=1)
    assert [r["status"] for r in answer["results"]] == [1, 0]
    assert [r["status"] for r in call(client, server, *commands)["results"]] == [1, 0, 1]


def test_the_envelope_also_works_as_get_and_as_multipart(client, server):
    envelope = json.dumps(
        {**login(server.credentials), "commands": [{"command": "Echo", "text": "x"}]}
    )
    by_get = client.get(server.url, params={"json": envelope}).json()
    by_multipart = client.post(server.url, files={"json": (None, envelope)}).json()
    assert by_get["results"] == by_multipart["results"] == [{"status": 1, "answer": "x"}]


def test_setup_commands_describe_settings_and_layouts(client, server):
    settings, pages, groups = call(
        client,
        server,
        {"command": "GetMobileAppSettings"},
        {"command": "GetMainPages"},
        {"command": "GetColumnGroups"},
    )["results"]
    assert "CheckIn" in settings["functions"] and "LimitNumObjects" not in settings["functions"]
    assert settings["settings"]["autosyncminutes"] == 10
    assert {page["objecttype"] for page in pages["mainpages"]} == {
        "todo",
        "customer",
        "person",
        "tool",
    }
    assert all(group["columns"] for group in groups["columngroups"])


# Paging


def test_paging_sends_every_task_the_user_sees_exactly_once(client, server):
    todos = page_through(client, server, "GetTodosByLastChange", "todos")
    counts = Counter(todo["id"] for todo in todos)
    assert max(counts.values()) == 1
    assert sorted(counts) == live_ids(server, "todo", lambda t: sees(server, t))
    assert 0 < len(counts) < len(server.state.store("todo"))


@pytest.mark.parametrize(
    ("command", "key", "kind"),
    [
        ("GetCustomersByLastChange", "customers", "customer"),
        ("GetPersonsByLastChange", "persons", "person"),
        ("GetToolsByLastChange", "tools", "tool"),
        ("GetProductsByLastChange", "products", "product"),
        ("GetThreadsByLastChange", "threads", "thread"),
        ("GetProceduresByLastChange", "procedures", "procedure"),
        ("GetRelationsByLastChange", "relations", "relation"),
    ],
)
def test_every_kind_pages_the_same_way(client, server, command, key, kind):
    objects = page_through(client, server, command, key)
    assert sorted(obj["id"] for obj in objects) == live_ids(server, kind)


def test_an_object_changed_while_paging_still_arrives(client, server):
    first = call(client, server, {"command": "GetTodosByLastChange"})["results"][0]
    sent = [todo["id"] for todo in first["todos"]]
    later = next(i for i in live_ids(server, "todo", lambda t: sees(server, t)) if i not in sent)
    for object_id in (sent[0], later):
        response = admin(client, server, "PATCH", f"/objects/todo/{object_id}", {"title": "Ændret"})
        assert response.status_code == 200 and response.json()["title"] == "Ændret"
    # Continue the same pass from the first page's resumekey.
    rest = page_through(
        client, server, "GetTodosByLastChange", "todos", resumekey=first["resumekey"]
    )
    counts = Counter(todo["id"] for todo in first["todos"] + rest)
    assert counts[later] == 1 and counts[sent[0]] == 2
    assert sorted(counts) == live_ids(server, "todo", lambda t: sees(server, t))
    assert [t["title"] for t in rest if t["id"] in (sent[0], later)] == ["Ændret", "Ændret"]


def test_an_invalid_resumekey_fails_the_command(client, server):
    for resumekey in ("garbage", "customer.1", "todo.999999999"):
        result = call(client, server, {"command": "GetTodosByLastChange", "resumekey": resumekey})
        assert result["results"][0] == {"status": 0, "msg": "Invalid resumekey"}


def test_ignoreclosed_leaves_out_closed_and_deleted_objects(client, server):
    seen = live_ids(server, "todo", lambda t: sees(server, t) and not t["isdeleted"])[0]
    deleted = admin(client, server, "DELETE", f"/objects/todo/{seen}").json()
    assert deleted["isdeleted"] == 1
    admin(client, server, "DELETE", "/objects/customer/3")
    everything = page_through(client, server, "GetTodosByLastChange", "todos")
    open_only = page_through(client, server, "GetTodosByLastChange", "todos", ignoreclosed="1")
    assert any(t["isclosed"] for t in everything) and seen in {t["id"] for t in everything}
    assert not any(t["isclosed"] or t["isdeleted"] for t in open_only)
    assert sorted(t["id"] for t in open_only) == live_ids(
        server, "todo", lambda t: not t["isclosed"] and not t["isdeleted"] and sees(server, t)
    )
    customers = page_through(
        client, server, "GetCustomersByLastChange", "customers", ignoreclosed=True
    )
    assert 3 not in {c["id"] for c in customers}


def test_an_object_created_by_the_admin_arrives_in_the_next_sync(client, server):
    cursor = call(client, server, {"command": "Echo"})
    created = admin(
        client, server, "POST", "/objects/person", {"firstname": "Ny", "lastname": "Person"}
    )
    assert created.status_code == 201
    person = created.json()
    assert person["id"] == server.state.store("person").max_id and person["isdeleted"] == 0
    assert person["typetext"] == "Kontaktperson"  # the blank's type, with its text
    since = {"changedate": cursor["date"], "changetime": cursor["time"]}
    changed = page_through(client, server, "GetPersonsByLastChange", "persons", **since)
    assert person in changed


def test_admin_edits_of_unknown_objects_or_bodies_are_refused(client, server):
    assert admin(client, server, "PATCH", "/objects/todo/999999", {"title": "x"}).status_code == 404
    assert admin(client, server, "POST", "/objects/unicorn", {"title": "x"}).status_code == 404
    assert admin(client, server, "PATCH", "/objects/todo/1", [1, 2]).status_code == 400
    assert admin(client, server, "GET", "/health").json() == {"ok": True}


def test_a_sync_from_the_last_answer_sends_only_what_changed_since_even_in_the_same_second():
    frozen = datetime(2025, 5, 1, 9, 30, 0)
    server = SandboxServer(seed=2, scale=0.02, page_size=PAGE_SIZE, clock=lambda: frozen)
    with server, httpx.Client(timeout=5) as client:
        page_through(client, server, "GetTodosByLastChange", "todos")
        last = call(client, server, {"command": "GetTodosByLastChange"})
        cursor = {"changedate": last["date"], "changetime": last["time"]}
        assert page_through(client, server, "GetTodosByLastChange", "todos", **cursor) == []
        admin(client, server, "PATCH", "/objects/todo/4", {"priority": "1"})
        changed = page_through(client, server, "GetTodosByLastChange", "todos", **cursor)
    assert (cursor["changedate"], cursor["changetime"]) == ("2025-05-01", "09:30:00")
    assert [(t["id"], t["priority"], t["changetime"]) for t in changed] == [(4, "1", "09:30:00")]


# The request log


def test_the_log_keeps_commands_but_no_credentials(client, server):
    admin(client, server, "DELETE", "/log")
    call(client, server, {"command": "Echo", "text": "logged"}, haltonerror=1)
    client.get(server.url, params={"json": "nonsense"})
    entries = admin(client, server, "GET", "/log").json()
    assert [(e["method"], e["haltonerror"], e["commands"]) for e in entries] == [
        ("POST", 1, [{"command": "Echo", "text": "logged"}]),
        ("GET", 0, []),
    ]
    assert entries[0]["seq"] < entries[1]["seq"]
    text = json.dumps(entries)
    assert server.credentials.password not in text and server.credentials.apikey not in text
    assert "contract" not in text and "username" not in text


# Faults


def test_http_500_answers_an_error_page_once(client, server):
    assert admin(client, server, "POST", "/faults", {"mode": "http_500"}).status_code == 200
    response = client.post(server.url, data={"json": json.dumps({"commands": []})})
    assert response.status_code == 500 and "<html>" in response.text
    assert call(client, server, {"command": "Echo"})["status"] == 1


def test_malformed_answers_a_body_that_is_not_json(client, server):
    admin(client, server, "POST", "/faults", {"mode": "malformed", "times": 2})
    assert admin(client, server, "GET", "/faults").json()[0]["times"] == 2
    for _ in range(2):
        response = client.post(server.url, data={"json": "{}"})
        assert response.status_code == 200
        with pytest.raises(json.JSONDecodeError):
            response.json()
    assert admin(client, server, "GET", "/faults").json() == []


def test_drop_breaks_the_connection_quietly(client, server, caplog):
    admin(client, server, "DELETE", "/log")
    admin(client, server, "POST", "/faults", {"mode": "drop"})
    with caplog.at_level(logging.WARNING), pytest.raises(httpx.TransportError):
        call(client, server, {"command": "Echo"})
    assert [r for r in caplog.records if r.name.startswith("uvicorn")] == []
    assert [e["commands"] for e in admin(client, server, "GET", "/log").json()] == [
        [{"command": "Echo"}]
    ]


def test_delay_answers_normally_but_late(client, server):
    admin(client, server, "POST", "/faults", {"mode": "delay", "delay": 0.3})
    started = time.monotonic()
    answer = call(client, server, {"command": "Echo", "text": "late"})
    assert time.monotonic() - started >= 0.3
    assert answer["results"] == [{"status": 1, "answer": "late"}]


def test_stopping_ends_a_delayed_request_quickly_and_quietly(caplog):
    server = SandboxServer(seed=1, scale=0.01)
    with server, httpx.Client(timeout=0.2) as client:
        admin(client, server, "POST", "/faults", {"mode": "delay", "delay": 30})
        with pytest.raises(httpx.ReadTimeout):
            call(client, server, {"command": "Echo"})
        started = time.monotonic()
    assert time.monotonic() - started < 2
    assert [r for r in caplog.records if r.name.startswith("uvicorn")] == []


def test_a_fault_for_one_command_spares_other_requests(client, server):
    admin(client, server, "POST", "/faults", {"mode": "http_500", "command": "GetMainPages"})
    assert call(client, server, {"command": "Echo"})["status"] == 1
    envelope = {**login(server.credentials), "commands": [{"command": "GetMainPages"}]}
    assert client.post(server.url, data={"json": json.dumps(envelope)}).status_code == 500


def test_a_fault_can_let_some_requests_through_first(client, server):
    admin(client, server, "POST", "/faults", {"mode": "http_500", "after": 2, "times": 1})
    statuses = [client.post(server.url, data={"json": "{}"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 500, 200]


@pytest.mark.parametrize(
    "spec",
    [
        {"mode": "explode"},
        {"mode": "delay", "delay": -1},
        {"mode": "drop", "times": 0},
        {"mode": "drop", "after": -1},
        {"mode": "drop", "untill": 3},
    ],
)
def test_an_invalid_fault_is_refused(client, server, spec):
    response = admin(client, server, "POST", "/faults", spec)
    assert response.status_code == 400 and "error" in response.json()
    assert admin(client, server, "GET", "/faults").json() == []
