"""The sync plan against the guide, read off the sandbox's request log: exact commands and
parameters of an initial configuration and of a normal sync, with and without LimitNumObjects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.kinds import Kind
from app.core.values import as_bool, as_int
from app.sandbox import SandboxServer
from app.sync.plan import FIRST_CALLS, SETUP_CALLS
from tests.admin import clear_log, request_log
from tests.server_data import server_objects
from tests.sync_harness import Harness

EPOCH = {"changedate": "1970-01-01", "changetime": "00:00:00"}
SETUP = [call.command for call in (*FIRST_CALLS, *SETUP_CALLS)]
EVERY_PASS = [call.command for call in FIRST_CALLS]


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    yield harness
    harness.close()


def set_functions(server: SandboxServer, **functions: bool) -> None:
    httpx.post(f"{server.base_url}/_sandbox/functions", json=functions).raise_for_status()


def log_of(server: SandboxServer) -> list[list[dict[str, Any]]]:
    """Each request as its list of commands."""
    return [request["commands"] for request in request_log(server)]


def pages_of(log: list[list[dict[str, Any]]], command: str) -> list[dict[str, Any]]:
    return [cmds[0] for cmds in log if cmds[0]["command"] == command]


def params(command: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in command.items() if k not in ("command", "resumekey")}


def test_initial_configuration_follows_the_guide(harness: Harness) -> None:
    assert harness.sync().ok
    log = log_of(harness.server)
    today = date.today()

    # One combined request first: settings, custom fields, check-in, then all setup data.
    assert [c["command"] for c in log[0]] == SETUP
    assert all(len(c) == 1 for c in log[0])  # no parameters

    # …ByLastChange: never combined, each from 1970 with the initial configuration's params.
    for cmds in log[1:]:
        if any(c["command"].endswith("ByLastChange") for c in cmds):
            assert len(cmds) == 1
    todos = pages_of(log, "GetTodosByLastChange")
    limited = [p for p in todos if p.get("limitnumobjects") == 1]
    assert limited and params(limited[0]) == {**EPOCH, "limitnumobjects": 1, "ignoreclosed": 1}
    # …then reset to 1970 and read as in the normal sync.
    full = todos[len(limited):]
    assert full and params(full[0]) == {**EPOCH, "ignoreclosed": 1}
    assert all(todos.index(p) < todos.index(full[0]) for p in limited)
    expected_first_pages = {
        "GetCustomersByLastChange": {**EPOCH, "ignoreclosed": 1},
        "GetPersonsByLastChange": {**EPOCH},
        "GetToolsByLastChange": {**EPOCH, "ignoreclosed": 1},
        "GetProductsByLastChange": {**EPOCH, "onlyfavorites": 1, "ignoreclosed": 1},
        "GetThreadsByLastChange": {**EPOCH, "onlysubscriber": 1, "ignoreclosed": 1},
        "GetProceduresByLastChange": {**EPOCH, "ignoreclosed": 1},
        "GetRelationsByLastChange": {**EPOCH, "ignoreclosed": 1},
    }
    for command, expected in expected_first_pages.items():
        pages = pages_of(log, command)
        assert pages, command
        assert params(pages[0]) == expected, command
        assert all(params(page) == expected for page in pages), command  # same cursor

    # Registrations of the last 60 days, one request; the calendar ±30 days, once.
    registrations = [c for cmds in log for c in cmds if c["command"] == "GetRegistrationByDate"]
    assert sorted(c["date"] for c in registrations) == [
        (today - timedelta(days=n)).isoformat() for n in range(59, -1, -1)
    ]
    calendar = [c for cmds in log for c in cmds
                if c["command"] in ("GetEventsByUserAndDate", "GetProductionByUserAndDate")]
    assert len(calendar) == 2
    for call in calendar:
        assert call["fromdate"] == (today - timedelta(days=30)).isoformat()
        assert call["todate"] == (today + timedelta(days=30)).isoformat()
        assert call["userid"] == harness.server.state.demo_user_id
    assert not any(c["command"] == "GetToolsByField" for cmds in log for c in cmds)


def test_normal_sync_follows_the_guide(harness: Harness) -> None:
    assert harness.sync().ok
    cursors = {c.key: c for c in harness.core.store.cursors.all()}
    clear_log(harness.server)
    assert harness.sync().ok
    log = log_of(harness.server)

    # Setup data is on the hourly tier: only the every-pass calls in the first request.
    assert [c["command"] for c in log[0]] == EVERY_PASS
    expected = {
        "GetTodosByLastChange": {"ignoreclosed": 1},
        "GetCustomersByLastChange": {"ignoreclosed": 1},
        "GetPersonsByLastChange": {},
        "GetToolsByLastChange": {"ignoreclosed": 0},
        "GetProductsByLastChange": {},
        "GetThreadsByLastChange": {"onlysubscriber": 1, "ignoreclosed": 1},
        "GetProceduresByLastChange": {},
        "GetRelationsByLastChange": {},
    }
    for command, extra in expected.items():
        cursor = cursors[command]
        first = pages_of(log, command)[0]
        assert params(first) == {"changedate": cursor.changedate,
                                 "changetime": cursor.changetime, **extra}, command
    # Nothing else: no registrations, no calendar (the day 30 ahead was read today already).
    names = {c["command"] for cmds in log for c in cmds}
    assert names <= {*EVERY_PASS, *expected}


def test_a_normal_sync_with_no_changes_is_one_request_per_loop_plus_one(
    harness: Harness,
) -> None:
    assert harness.sync().ok
    clear_log(harness.server)
    assert harness.sync().ok
    log = log_of(harness.server)
    loops = {cmds[0]["command"] for cmds in log if cmds[0]["command"].endswith("ByLastChange")}
    assert len(log) <= len(loops) + 1


def test_with_limit_num_objects_equipment_comes_by_company(harness: Harness) -> None:
    set_functions(harness.server, LimitNumObjects=True)
    assert harness.sync().ok
    log = log_of(harness.server)
    tools = pages_of(log, "GetToolsByLastChange")
    assert tools
    assert all(params(p) == {**EPOCH, "ignoreclosed": 1, "placeofhome": 2} for p in tools)

    by_field = [cmds for cmds in log if cmds[0]["command"] == "GetToolsByField"]
    assert len(by_field) == 1  # every company in one combined request
    companies = {int(call["value"]) for call in by_field[0]}
    assert companies
    assert all(call["field"] == "custref" and call["knowntools"] == [] for call in by_field[0])
    local = harness.local_ids(Kind.TOOL)
    for tool in server_objects(harness.server, Kind.TOOL):
        places = {as_int(tool.get("customerid")), as_int(tool.get("placeofhome"))}
        visible = not as_bool(tool.get("isdeleted")) and as_bool(tool.get("isactive", 1))
        if places & companies and visible:
            assert tool["id"] in local

    # The normal sync keeps both parameters; the companies' lists are fresh for a minute.
    clear_log(harness.server)
    assert harness.sync().ok
    log = log_of(harness.server)
    assert params(pages_of(log, "GetToolsByLastChange")[0])["placeofhome"] == 2
    assert not pages_of(log, "GetToolsByField")
