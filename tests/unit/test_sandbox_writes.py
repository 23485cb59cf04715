"""The technician's write commands over loopback HTTP: each one applied and each refusal
(authorisation, validation, configuration), at most once per clientrequestid, and the
lose_answer fault that applies a request but never answers it. The reads the client settles
lost answers with (GetCheckIn, GetMyTools, GetMyStodos, GetThreads…, GetTodoByID) show the
writes."""

from __future__ import annotations

import base64
import json
import uuid

import httpx
import pytest

from app.sandbox import SandboxServer
from tests.unit.test_sandbox_support import (
    admin,
    call,
    cursor,
    page_through,
    result,
    sees,
    usable_ids,
)

DEMO = 3
MISSING = 999_999
JPEG = b"\xff\xd8\xff\xe0 a small jpeg"
PHOTO = base64.b64encode(JPEG).decode()


SANDBOX = (13, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py


def write(client, server, command: str, request_id: str | None = None, **params) -> dict:
    """One write's result set, with a fresh clientrequestid unless one is given."""
    request_id = request_id or str(uuid.uuid4())
    return result(client, server, command, clientrequestid=request_id, **params)


def refused(answer: dict, message: str) -> None:
    assert answer == {"status": 0, "msg": message}


def tasks(server: SandboxServer, visible: bool = True) -> list[dict]:
    """Open live tasks the demo technician sees (or does not), by id."""
    found = [
        task
        for task in server.state.store("todo").objects()
        if not task["isdeleted"] and not task["isclosed"] and sees(server, task) == visible
    ]
    return sorted(found, key=lambda task: task["id"])


def task_with_checkpoints(server: SandboxServer, index: int) -> dict:
    return [t for t in tasks(server) if t["checkpoints"] and t["customerid"]][index]


def check_in(client, server, task: dict) -> int:
    answer = write(
        client, server, "DoCheckIn", objecttype="Todo", objectid=task["id"],
        checkindate="2025-05-14", checkintime="10:05", latitude=55.6, longitude="12.5",
    )  # fmt: skip
    assert answer["status"] == 1, answer
    return answer["checkinid"]


def stored(server: SandboxServer, kind: str, object_id: int) -> dict:
    return server.state.get(kind, object_id)


# --- DoCheckIn / DoCheckOut ---


def test_check_in_shows_in_get_check_in_and_closes_the_previous_one(client, server):
    first = check_in(client, server, tasks(server)[0])
    customer = usable_ids(server, "customer")[0]
    answer = write(client, server, "DoCheckIn", objecttype="CUSTOMER", objectid=customer)
    assert answer == {"status": 1, "checkinid": answer["checkinid"], "daycheckindate": "2025-05-14"}
    shown = result(client, server, "GetCheckIn")
    assert (shown["ischeckedin"], shown["checkinid"]) == (1, answer["checkinid"])
    assert shown["checkin"]["customerid"] == customer
    assert shown["checkin"]["objecttype"] == "Customer"
    assert stored(server, "checkin", first)["ischeckedin"] == 0


def test_check_in_is_refused_on_unknown_and_inaccessible_tasks(client, server):
    hidden = tasks(server, visible=False)[0]["id"]
    for objecttype, object_id, message in (
        ("todo", MISSING, f"Task {MISSING} does not exist"),
        ("Todo", hidden, f"You do not have access to task {hidden}"),
        ("Customer", MISSING, f"Customer {MISSING} does not exist"),
        ("Tool", 1, "Invalid objecttype: Tool"),
    ):
        answer = write(client, server, "DoCheckIn", objecttype=objecttype, objectid=object_id)
        refused(answer, message)


def test_check_out_ticks_the_checkpoints_on_the_task(client, server, clock):
    task = task_with_checkpoints(server, 0)
    checkin_id = check_in(client, server, task)
    since = cursor(client, server, clock)
    ticked = task["checkpoints"][:1]
    answer = write(
        client, server, "DoCheckOut", checkinid=checkin_id, checkoutdate="14-05-2025",
        checkouttime="11:00", latitude=55.6, longitude=12.5, checkpoints=ticked,
    )  # fmt: skip
    assert answer == {"status": 1}
    assert result(client, server, "GetCheckIn")["ischeckedin"] == 0
    assert stored(server, "checkin", checkin_id)["checkoutdate"] == "2025-05-14"
    changed = page_through(client, server, "GetTodosByLastChange", "todos", **since)
    assert [t["checkpointsdone"] for t in changed if t["id"] == task["id"]] == [ticked]


def test_check_out_is_refused_without_a_check_in_or_with_a_foreign_checkpoint(client, server):
    task = task_with_checkpoints(server, 1)
    every = [checkpoint["id"] for checkpoint in server.state.setup.checkpoints]
    foreign = next(c for c in every if c not in task["checkpoints"])
    checkin_id = check_in(client, server, task)
    refused(write(client, server, "DoCheckOut", checkinid=checkin_id + 1), "You are not checked in")
    refused(
        write(client, server, "DoCheckOut", checkinid=checkin_id, checkpoints=[foreign]),
        f"Checkpoint {foreign} is not on task {task['id']}",
    )
    assert result(client, server, "GetCheckIn")["checkinid"] == checkin_id  # nothing applied
    assert write(client, server, "DoCheckOut", checkinid=checkin_id)["status"] == 1
    refused(write(client, server, "DoCheckOut", checkinid=checkin_id), "You are not checked in")


# --- StodoAccept ---


def test_a_postponed_reminder_moves_and_an_accepted_one_is_gone(client, server):
    first, second = result(client, server, "GetMyStodos")["stodos"][-2:]
    answer = write(client, server, "StodoAccept", stodoid=first["id"], postpone="30")
    assert answer["status"] == 1
    moved = answer["stodo"]
    assert f"{moved['date']} {moved['time']}" > f"{first['date']} {first['time']}"
    assert write(client, server, "StodoAccept", stodoid=second["id"]) == {"status": 1}
    after = {s["id"]: s for s in result(client, server, "GetMyStodos")["stodos"]}
    assert after[first["id"]]["time"] == moved["time"] and second["id"] not in after


def test_a_reminder_of_someone_else_or_unknown_is_refused(client, server):
    theirs = next(s for s in server.state.where("stodo") if s["userid"] != DEMO)["id"]
    for stodo_id in (theirs, MISSING):
        answer = write(client, server, "StodoAccept", stodoid=stodo_id)
        refused(answer, f"Reminder {stodo_id} does not exist")


# --- PickupTool / SetDownTool ---


def free_tool(server: SandboxServer, index: int = 0) -> dict:
    found = [t for t in server.state.where("tool", carrier_userid=0) if t["isactive"]]
    return found[index]


def my_tool_ids(client, server) -> set[int]:
    return {tool["id"] for tool in result(client, server, "GetMyTools")["tools"]}


def test_a_picked_up_tool_is_carried_and_set_down_where_the_user_is_checked_in(client, server):
    tool = free_tool(server)
    picked = write(client, server, "PickupTool", toolid=tool["id"], latitude=55.1, longitude=12.1)
    assert picked["tool"]["carrier_userid"] == DEMO and picked["tool"]["customerid"] == 0
    assert tool["id"] in my_tool_ids(client, server)
    task = tasks(server)[2]
    check_in(client, server, task)
    down = write(client, server, "SetDownTool", toolid=tool["id"], latitude=55.2, longitude=12.2)
    assert down["tool"]["carrier_userid"] == 0
    assert down["tool"]["customerid"] == task["customerid"]
    assert down["tool"]["latitude"] == 55.2
    assert tool["id"] not in my_tool_ids(client, server)


def test_tool_refusals(client, server):
    tool = free_tool(server, 1)["id"]
    answer = write(client, server, "SetDownTool", toolid=tool)
    refused(answer, "You are not carrying this equipment")
    answer = write(client, server, "PickupTool", toolid=MISSING)
    refused(answer, f"Equipment {MISSING} does not exist")
    request_id = str(uuid.uuid4())
    admin(client, server, "POST", "/functions", {"ToolTake": False})
    try:
        answer = write(client, server, "PickupTool", request_id, toolid=tool)
        refused(answer, "Taking equipment is not enabled")
    finally:
        admin(client, server, "POST", "/functions", {"ToolTake": True})
    # A refused write applied nothing: the same request is judged afresh.
    assert write(client, server, "PickupTool", request_id, toolid=tool)["status"] == 1


# --- PostMessage ---


def test_a_note_starts_a_thread_and_the_next_one_joins_it(client, server, clock):
    threaded = {t["objectid"] for t in server.state.where("thread") if t["objecttype"] == "todo"}
    task = next(t for t in tasks(server) if t["id"] not in threaded)
    since = cursor(client, server, clock)
    first = write(
        client, server, "PostMessage", message={"message": "Kunden var ikke hjemme"},
        objecttype="todo", objectid=task["id"], title="Besøg",
    )  # fmt: skip
    thread = first["thread"]
    assert (thread["title"], thread["subscribers"]) == ("Besøg", [DEMO])
    assert first["message"]["message"] == "Kunden var ikke hjemme"
    second = write(
        client, server, "PostMessage", message={"message": "Ny tid aftalt"},
        objecttype="todo", objectid=task["id"],
    )  # fmt: skip
    assert second["thread"]["id"] == thread["id"]
    assert [m["message"] for m in second["thread"]["messages"]] == [
        "Kunden var ikke hjemme",
        "Ny tid aftalt",
    ]
    synced = page_through(client, server, "GetThreadsByLastChange", "threads", **since)
    assert [len(t["messages"]) for t in synced if t["id"] == thread["id"]] == [2]


def test_a_note_on_a_tool_joins_its_thread_and_subscribes_the_writer(client, server):
    thread = next(t for t in server.state.where("thread") if t["objecttype"] == "tools")
    answer = write(
        client, server, "PostMessage", message={"message": "Slange udskiftet"},
        objecttype="tools", objectid=thread["objectid"],
    )  # fmt: skip
    assert answer["thread"]["id"] == thread["id"]
    assert DEMO in answer["thread"]["subscribers"]
    assert len(answer["thread"]["messages"]) == len(thread["messages"]) + 1


def test_note_refusals(client, server):
    task, hidden = tasks(server)[0]["id"], tasks(server, visible=False)[0]["id"]
    for message in ({"message": "  "}, {}, None):
        answer = write(
            client, server, "PostMessage", message=message, objecttype="todo", objectid=task
        )
        refused(answer, "The note is empty")
    answer = write(
        client, server, "PostMessage", message={"message": "Hej"}, objecttype="todo",
        objectid=hidden,
    )  # fmt: skip
    refused(answer, f"You do not have access to task {hidden}")


# --- CreateUpdateTodo / GetTodoByID ---


def set_state(client, server, todo_id: int, state_id: int, request_id: str | None = None) -> dict:
    todo = {"id": todo_id, "stateid": state_id}
    return write(client, server, "CreateUpdateTodo", request_id, todo=todo)


def test_a_state_change_shows_in_get_todo_by_id(client, server):
    task = next(t for t in tasks(server) if t["stateid"] != 3)
    changed = set_state(client, server, task["id"], 3)["todo"]
    assert (changed["stateid"], changed["statetext"], changed["isclosed"]) == (3, "I gang", 0)
    assert result(client, server, "GetTodoByID", todoid=task["id"])["todos"] == [changed]


def test_closing_needs_a_ticked_checkpoint_and_a_closed_task_stays_closed(client, server):
    task = task_with_checkpoints(server, 3)
    refused(set_state(client, server, task["id"], 6), "Mandatory field missing: checklist")
    checkin_id = check_in(client, server, task)
    checkpoints = task["checkpoints"][-1:]
    write(client, server, "DoCheckOut", checkinid=checkin_id, checkpoints=checkpoints)
    closed = set_state(client, server, task["id"], 6)["todo"]
    assert (closed["isclosed"], closed["statetext"]) == (1, "Afsluttet")
    answer = set_state(client, server, task["id"], 3)
    refused(answer, "State change from Afsluttet to I gang is not allowed")


def test_state_change_refusals(client, server):
    task, hidden = tasks(server)[1]["id"], tasks(server, visible=False)[1]["id"]
    now = stored(server, "todo", task)["statetext"]
    message = f"State change from {now} to Annulleret is not allowed"  # cancelling: dispatcher
    refused(set_state(client, server, task, 7), message)
    refused(set_state(client, server, task, 99), "Invalid stateid: 99")
    refused(set_state(client, server, hidden, 3), f"You do not have access to task {hidden}")
    refused(set_state(client, server, MISSING, 3), f"Task {MISSING} does not exist")


def test_get_todo_by_id_leaves_out_unknown_and_hidden_tasks(client, server):
    for todo_id in (MISSING, tasks(server, visible=False)[0]["id"]):
        assert result(client, server, "GetTodoByID", todoid=todo_id) == {"status": 1, "todos": []}


# --- AddPhotoTo… ---


@pytest.mark.parametrize(
    ("command", "id_key", "kind"),
    [
        ("AddPhotoToTool", "toolid", "tool"),
        ("AddPhotoToTodo", "todoid", "todo"),
        ("AddPhotoToCustomer", "customerid", "customer"),
    ],
)
def test_a_photo_becomes_a_document(client, server, command, id_key, kind):
    object_id = tasks(server)[0]["id"] if kind == "todo" else usable_ids(server, kind)[0]
    answer = write(
        client, server, command, title="Typeskilt", imagedata=PHOTO, createdate="2025-05-14",
        createtime="09:30:00", **{id_key: object_id},
    )  # fmt: skip
    document = answer["document"]
    assert document == {"id": document["id"], "title": "Typeskilt", "size": len(JPEG)}
    kept = stored(server, "document", document["id"])
    assert (kept["modcode"], kept["objectid"], kept["takentime"]) == (kind, object_id, "09:30:00")


def test_photo_refusals(client, server):
    tool = usable_ids(server, "tool")[0]
    for data, message in (("", "No image data"), ("not base64!", "Invalid imagedata: not base64")):
        refused(write(client, server, "AddPhotoToTool", toolid=tool, imagedata=data), message)
    hidden = tasks(server, visible=False)[0]["id"]
    answer = write(client, server, "AddPhotoToTodo", todoid=hidden, imagedata=PHOTO)
    refused(answer, f"You do not have access to task {hidden}")


# --- at most once per clientrequestid, and the lost answer ---


def test_a_repeated_request_id_answers_the_same_without_applying_again(client, server):
    task = tasks(server)[4]["id"]
    request_id = str(uuid.uuid4())
    params = {"message": {"message": "Kun én gang"}, "objecttype": "todo", "objectid": task}
    first = write(client, server, "PostMessage", request_id, **params)
    again = write(client, server, "PostMessage", request_id, **params)
    assert again == first
    thread = stored(server, "thread", first["thread"]["id"])
    assert [m["message"] for m in thread["messages"]].count("Kun én gang") == 1


def test_lose_answer_applies_the_write_but_the_client_gets_no_answer(client, server):
    tool = free_tool(server, 2)["id"]
    request_id = str(uuid.uuid4())
    admin(client, server, "DELETE", "/log")
    fault = {"mode": "lose_answer", "command": "PickupTool"}
    listing = admin(client, server, "POST", "/faults", fault)
    assert listing.json()[0]["mode"] == "lose_answer"
    assert call(client, server, {"command": "Echo"})["status"] == 1  # another request passes
    with pytest.raises(httpx.TransportError):
        write(client, server, "PickupTool", request_id, toolid=tool)
    assert tool in my_tool_ids(client, server)  # the read-back settles it: applied
    logged = admin(client, server, "GET", "/log").json()[1]["commands"]
    assert logged == [{"command": "PickupTool", "clientrequestid": request_id, "toolid": tool}]
    assert server.credentials.password not in json.dumps(logged)
    changes = server.state.store("tool").last_seq
    assert write(client, server, "PickupTool", request_id, toolid=tool)["status"] == 1
    assert server.state.store("tool").last_seq == changes
