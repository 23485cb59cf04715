"""The "Limit which objects are available in the app" task rules, over loopback HTTP: each
rule lets a dispatcher's task into the demo technician's app or keeps it out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.unit.test_sandbox_support import (
    START,
    admin,
    cursor,
    page_through,
    sees,
)

DEMO = 3  # teams 1 and 4
COLLEAGUE = 5  # team 2 only
# A task of team 2 for a colleague, with no next action: it concerns the demo user not at all.
NOBODYS = {"title": "Test", "userid": COLLEAGUE, "team": 2, "customerid": 1, "custom102": 0}


def day(offset: int) -> str:
    return (START.date() + timedelta(days=offset)).isoformat()


SANDBOX = (11, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py


def new_task(client, server, **fields) -> dict:
    response = admin(client, server, "POST", "/objects/todo", {**NOBODYS, **fields})
    assert response.status_code == 201
    return response.json()


def plan(client, server, todo_id: int, user_id: int, offset: int) -> None:
    entry = {"todoid": todo_id, "userid": user_id, "date": day(offset)}
    assert admin(client, server, "POST", "/objects/prodplanentry", entry).status_code == 201


def sent_ids(client, server, **params) -> set[int]:
    todos = page_through(client, server, "GetTodosByLastChange", "todos", ignoreclosed=1, **params)
    return {todo["id"] for todo in todos}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, False),
        ({"userid": 0, "ispool": 1, "team": 1}, True),
        ({"userid": 0, "ispool": 1, "team": 2}, False),
        ({"team": 4}, True),
        ({"userid": DEMO}, True),
        ({"additionaluserids": [4, DEMO]}, True),
        ({"custom102": DEMO}, True),
        ({"custom102": "3"}, True),
        ({"userid": DEMO, "nextaction": day(20)}, True),
        ({"userid": DEMO, "nextaction": day(-20)}, True),
        ({"userid": DEMO, "nextaction": day(40)}, False),
        ({"userid": DEMO, "nextaction": day(-40)}, False),
        ({"team": 1, "nextaction": day(45)}, False),
    ],
    ids=[
        "concerns nobody",
        "pool of the user's team",
        "pool of another team",
        "the user's team",
        "responsible",
        "additional user",
        "user custom field",
        "user custom field as a string",
        "next action within a month",
        "next action within the past month",
        "next action more than a month ahead",
        "next action more than a month ago",
        "team task, next action too far",
    ],
)
def test_a_dispatchers_task_is_sent_by_the_rules(client, server, fields, expected):
    task = new_task(client, server, **fields)
    assert (task["id"] in sent_ids(client, server)) is expected


@pytest.mark.parametrize(
    ("user_id", "offset", "expected"),
    [(DEMO, 20, True), (DEMO, -25, True), (DEMO, 40, False), (COLLEAGUE, 5, False)],
    ids=["in 20 days", "25 days ago", "in 40 days", "to a colleague"],
)
def test_planning_to_the_user_within_a_month_sends_the_task_in_the_next_sync(
    client, server, clock, user_id, offset, expected
):
    task = new_task(client, server)
    since = cursor(client, server, clock)
    plan(client, server, task["id"], user_id, offset)
    changed = page_through(client, server, "GetTodosByLastChange", "todos", ignoreclosed=1, **since)
    # Planning changes the task: it arrives live, or as a tombstone when the app may not hold it.
    assert [(t["id"], t["isdeleted"]) for t in changed] == [(task["id"], int(not expected))]


def test_a_task_last_changed_over_a_year_ago_is_not_sent(client, server):
    state = server.state
    audience = state.audience(DEMO, state.clock.now())
    stale = [
        t
        for t in state.store("todo").objects()
        if audience.concerns(t)
        and not t["isclosed"]
        and not t["isdeleted"]
        and not audience.is_current(t)
        and (not t["nextaction"] or audience.window.holds(t["nextaction"]))
    ]
    assert stale, "the dataset should hold concerned tasks that are only too old"
    assert all(f"{t['changedate']}" < day(-365) for t in stale)
    assert not {t["id"] for t in stale} & sent_ids(client, server)


def test_a_task_reassigned_away_leaves_the_app_as_a_tombstone(client, server, clock):
    task = new_task(client, server, userid=DEMO, team=0)
    assert task["id"] in sent_ids(client, server)
    since = cursor(client, server, clock)
    moved = admin(client, server, "POST", f"/objects/todo/{task['id']}/assign", {"userid": 5})
    assert moved.json()["team"] == 2 and moved.json()["usertext"] != task["usertext"]
    changed = page_through(client, server, "GetTodosByLastChange", "todos", ignoreclosed=1, **since)
    assert [(t["id"], t["isdeleted"]) for t in changed] == [(task["id"], 1)]
    assert not sees(server, server.state.get("todo", task["id"]))
    # From the epoch the app holds nothing, so there is nothing to drop.
    assert task["id"] not in sent_ids(client, server)


def test_without_ignoreclosed_the_epoch_still_leaves_out_tasks_the_user_does_not_see(
    client, server
):
    task = new_task(client, server)
    everything = page_through(client, server, "GetTodosByLastChange", "todos")
    assert task["id"] not in {t["id"] for t in everything}
    assert any(t["isclosed"] for t in everything)
