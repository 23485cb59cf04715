"""The commands besides …ByLastChange, over loopback HTTP: the setup calls of a sync, and the
reads the app makes when it shows something (tools, product use, registrations, calendar,
threads, relations)."""

from __future__ import annotations

import base64
import hashlib
from datetime import date, timedelta

import pytest

from app.sandbox import SandboxServer
from tests.unit.test_sandbox_support import START, admin, call, result

DEMO = 3

# Every call of the guide's sync besides the …ByLastChange loops, and its result keys.
SETUP_KEYS = {
    "GetMobileAppSettings": {"functions", "settings"},
    "GetCurrentUserID": {"userid"},
    "GetCustomFields": {"customfields"},
    "GetMyPendingCalls": {"calls"},
    "GetMyTools": {"tools"},
    "GetPendingQuestionRequests": {"requests"},
    "GetCustomAppLinks": {"links"},
    "GetTodoTemplates": {"templates"},
    "GetPersonalDocuments": {"documents"},
    "GetToolTypes": {"types", "classes"},
    "GetWorkareas": {"workareas"},
    "GetGPSConfig": {"interval", "enabled"},
    "GetCheckIn": {"ischeckedin", "checkinid", "checkin"},
    "GetTodoStates": {"states"},
    "GetToolStates": {"types"},
    "GetProductStates": {"states", "budgetareas"},
    "GetCheckpoints": {"checkpoints"},
    "GetInternalRegistrations": {"registrations"},
    "GetPastRegistrations": {"registrations"},
    "GetCustomerTypes": {"types"},
    "GetEventTypes": {"types"},
    "GetStocks": {"stocks"},
    "GetTeams": {"teams", "myteams"},
    "GetUsers": {"users"},
    "GetToolServiceProtocols": {"protocols"},
    "GetPlannedTodos": {"todos"},
    "GISGetCustomBaselayers": {"baselayers"},
    "GetQuestionForms": {"forms"},
    "GetPlanDestinations": {"destinations"},
    "GetIcons": {"icons"},
    "GetColumnGroups": {"columngroups"},
    "GetProductUnits": {"units"},
    "GetMainPages": {"mainpages"},
    "GetMyStodos": {"stodos"},
}


SANDBOX = (13, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py


@pytest.fixture(scope="module")
def setup(client, server) -> dict[str, dict]:
    """The setup calls in one combined request, as the app sends them."""
    answer = call(client, server, *({"command": name} for name in SETUP_KEYS))
    return dict(zip(SETUP_KEYS, answer["results"], strict=True))


def day(offset: int) -> str:
    return (START.date() + timedelta(days=offset)).isoformat()


def test_every_setup_command_answers_with_its_keys(setup):
    answered = {command: set(result) - {"status"} for command, result in setup.items()}
    assert answered == SETUP_KEYS
    assert all(result["status"] == 1 for result in setup.values())


def test_the_setup_lists_are_not_empty_except_pending_requests(setup):
    for command, keys in SETUP_KEYS.items():
        for key in keys:
            value = setup[command][key]
            if isinstance(value, list) and command != "GetPendingQuestionRequests":
                assert value, (command, key)
    assert setup["GetPendingQuestionRequests"]["requests"] == []


def test_custom_fields_are_grouped_by_object_type(setup):
    groups = setup["GetCustomFields"]["customfields"]
    assert set(groups) == {"todo", "customers", "tools", "person", "users"}
    by_id = {f["id"]: f for fields in groups.values() for f in fields}
    assert {101, 102, 201}.issubset(by_id)
    assert by_id[102]["type"] == 9 and by_id[102] in groups["todo"]
    assert by_id[201]["options"] == ["Ingen", "Bronze", "Sølv", "Guld"]
    address = next(f for f in groups["customers"] if f["type"] == 11)
    assert all({"id", "title", "type", "visibility"} <= set(f) for f in by_id.values())
    assert address["visibility"]


def test_a_customer_carries_an_address_custom_field_with_the_guides_spelling(server):
    valued = [c["custom202"] for c in server.state.store("customer").objects() if c["custom202"]]
    assert valued
    assert set(valued[0]) == {"adress", "adress2", "zip", "city", "country", "lat", "lon"}


def test_teams_and_the_users_own(setup):
    teams = setup["GetTeams"]
    assert teams["myteams"] == [1, 4]
    for team in teams["teams"]:
        assert (DEMO in team["members"]) is (team["id"] in (1, 4))
        assert set(team["leaders"]) <= set(team["members"])


def test_the_users_reminders_calls_and_check_in(setup):
    stodos = setup["GetMyStodos"]["stodos"]
    assert len(stodos) == 12
    assert {s["modcode"] for s in stodos} == {"todo", "customers"}
    assert any(s["date"] > day(60) for s in stodos)
    assert all(
        {"id", "objectid", "description", "date", "time", "assignedbyuserid"} <= set(s)
        for s in stodos
    )
    calls = setup["GetMyPendingCalls"]["calls"]
    assert len(calls) == 4
    assert all(len(c["calltime"]) == 19 and c["persontext"] and c["customerid"] for c in calls)
    checkin = setup["GetCheckIn"]
    assert checkin["ischeckedin"] == int(checkin["checkin"] is not None)


def test_icons_carry_a_png_and_its_md5(setup):
    icons = setup["GetIcons"]["icons"]
    with_data = [icon for icon in icons if icon["data"]]
    assert with_data and len(with_data) < len(icons)
    png = base64.b64decode(with_data[0]["data"])
    assert png.startswith(b"\x89PNG") and hashlib.md5(png).hexdigest() == with_data[0]["md5sum"]


def test_tool_types_carry_classes_and_service_periods(setup):
    types = setup["GetToolTypes"]
    assert all(t["periodtype"] in ("month", "week", "year") and t["period"] for t in types["types"])
    assert {str(t["classid"]) for t in types["types"]} <= set(types["classes"])


# Equipment read on demand


def company_with_tools(server: SandboxServer, least: int) -> int:
    counts: dict[int, int] = {}
    for tool in server.state.store("tool").objects():
        if not tool["isdeleted"] and tool.get("isactive") == 1 and tool["placeofhome"]:
            counts[tool["placeofhome"]] = counts.get(tool["placeofhome"], 0) + 1
    return next(company for company, count in counts.items() if count >= least)


def known(tools: list[dict]) -> list[dict]:
    return [{key: t[key] for key in ("id", "changedate", "changetime")} for t in tools]


def test_tools_by_field_leave_out_the_tools_the_app_knows_unchanged(client, server, clock):
    company = company_with_tools(server, 2)
    first = result(client, server, "GetToolsByField", field="custref", value=company)["tools"]
    assert len(first) >= 2
    assert all(company in (t["placeofhome"], t["customerid"]) for t in first)
    ask = {"field": "custref", "value": str(company), "knowntools": known(first)}
    assert result(client, server, "GetToolsByField", **ask)["tools"] == []
    clock.advance(minutes=1)
    admin(client, server, "PATCH", f"/objects/tool/{first[0]['id']}", {"description": "Ny"})
    admin(client, server, "DELETE", f"/objects/tool/{first[1]['id']}")
    changed = result(client, server, "GetToolsByField", **ask)["tools"]
    assert [(t["id"], t["isdeleted"]) for t in changed] == [
        (first[0]["id"], 0),
        (first[1]["id"], 1),
    ]
    fresh = result(client, server, "GetToolsByField", field="customerid", value=company)["tools"]
    assert first[1]["id"] not in {t["id"] for t in fresh}


def test_tools_by_number_or_barcode(client, server):
    tool = next(t for t in server.state.store("tool").objects() if not t["isdeleted"])
    for field in ("number", "barcode"):
        found = result(client, server, "GetToolsByField", field=field, value=tool[field])
        assert [t["id"] for t in found["tools"]] == [tool["id"]]
    unknown = result(client, server, "GetToolsByField", field="colour", value="red")
    assert unknown == {"status": 0, "msg": "Unknown field: colour"}


def test_tools_by_task_are_those_at_its_company_and_those_attached(client, server):
    attached = next(t for t in server.state.store("tool").objects() if t["todoid"])
    task = server.state.get("todo", attached["todoid"])
    tools = result(client, server, "GetToolsByTodoID", todoid=task["id"])["tools"]
    ids = {t["id"] for t in tools}
    assert attached["id"] in ids or attached["isdeleted"] or attached["isactive"] == 0
    assert all(
        t["todoid"] == task["id"] or task["customerid"] in (t["placeofhome"], t["customerid"])
        for t in tools
    )
    again = result(client, server, "GetToolsByTodoID", todoid=task["id"], knowntools=known(tools))
    assert again["tools"] == []
    assert result(client, server, "GetToolsByTodoID", todoid=999999) == {"status": 1, "tools": []}


def test_my_tools_are_those_the_user_carries(setup):
    carried = {t["carrier_userid"] for t in setup["GetMyTools"]["tools"]}
    assert carried == {DEMO}


# Product use, registrations, calendar


def test_product_use_by_task_and_by_tool(client, server):
    uses = [u for u in server.state.store("todoitem").objects() if not u["isdeleted"]]
    on_tool = next(u for u in uses if u["toolid"])
    by_task = result(client, server, "GetProductUseByTodoID", todoid=on_tool["todoid"])
    assert on_tool in by_task["todoitems"]
    assert {u["todoid"] for u in by_task["todoitems"]} == {on_tool["todoid"]}
    by_tool = result(client, server, "GetProductUseByToolID", toolid=on_tool["toolid"])
    assert on_tool in by_tool["todoitems"]
    assert set(on_tool) >= {"productid", "producttext", "amount", "unit", "date", "isdeleted"}


def test_registrations_by_date_follow_the_work_plan_and_the_week_closing(client, server):
    two_weeks_ago = result(client, server, "GetRegistrationByDate", date=day(-14))
    assert sum(r["minutes"] for r in two_weeks_ago["registrationentries"]) == 450
    assert (two_weeks_ago["state"], two_weeks_ago["isopen"], two_weeks_ago["atwork"]) == (3, 0, 1)
    yesterday = result(client, server, "GetRegistrationByDate", date=day(-1))
    assert (yesterday["state"], yesterday["isopen"]) == (2, 0)
    today = result(client, server, "GetRegistrationByDate", date=day(0), userid=DEMO)
    assert (today["state"], today["isopen"], today["registrationentries"]) == (1, 1, [])
    saturday = result(client, server, "GetRegistrationByDate", date=day(-4))
    assert (saturday["atwork"], saturday["regtypeid"], saturday["registrationentries"]) == (
        0,
        0,
        [],
    )
    colleague = result(client, server, "GetRegistrationByDate", date=day(-14), userid=5)
    assert {r["userid"] for r in colleague["registrationentries"]} == {5}


def test_registrations_on_a_task_and_the_users_last_sixty(client, server, setup):
    past = setup["GetPastRegistrations"]["registrations"]
    assert len(past) == 60 and all(r["userid"] == DEMO for r in past)
    assert past == sorted(past, key=lambda r: (r["date"], r["starttime"]), reverse=True)
    on_task = next(r for r in past if r["todoid"])
    found = result(client, server, "GetRegistrations", todoid=on_task["todoid"])["registrations"]
    assert on_task in found and {r["todoid"] for r in found} == {on_task["todoid"]}


def test_a_weekly_meeting_comes_once_per_week_with_its_own_instanceid(client, server):
    found = result(
        client, server, "GetEventsByUserAndDate", fromdate=day(-14), todate=day(13), userid=DEMO
    )["calendarentries"]
    meetings = [e for e in found if e["title"] == "Teammøde"]
    assert len(meetings) == 4 and len({e["id"] for e in meetings}) == 1
    assert len({e["instanceid"] for e in meetings}) == 4
    assert all(date.fromisoformat(e["startdate"]).weekday() == 0 for e in meetings)
    assert all(day(-14) <= e["startdate"] <= day(13) for e in meetings)
    assert found == sorted(found, key=lambda e: (e["startdate"], e["starttime"]))


def test_production_by_user_and_date_with_states_and_colours(client, server, setup):
    answer = result(
        client,
        server,
        "GetProductionByUserAndDate",
        fromdate=day(-30),
        todate=day(30),
        inclstate=1,
        inclactivitycolor=1,
    )
    plans = answer["prodplanentries"]
    assert plans and all(p["userid"] == DEMO and day(-30) <= p["date"] <= day(30) for p in plans)
    assert {todo_id for todo_id, _ in answer["state"]} == {p["todoid"] for p in plans}
    assert len(answer["activitycolors"]) == 6
    bare = result(client, server, "GetProductionByUserAndDate", fromdate=day(0))
    assert set(bare) == {"status", "prodplanentries"}
    today = {p["todoid"] for p in bare["prodplanentries"]}
    assert {t["id"] for t in setup["GetPlannedTodos"]["todos"]} == today


# Threads and relations


def test_threads_of_an_object_and_one_thread_with_its_messages(client, server):
    thread = next(
        t
        for t in server.state.store("thread").objects()
        if t["objecttype"] == "tools" and not t["isdeleted"]
    )
    found = result(
        client, server, "GetThreads", objecttype="tool", objectid=thread["objectid"], exclmessages=1
    )["threads"]
    assert thread["id"] in {t["id"] for t in found}
    assert not any("messages" in t for t in found)
    one = result(client, server, "GetThreadByID", threadid=thread["id"])["thread"]
    assert one["messages"] == thread["messages"]
    later = thread["messages"][-1]["changedate"]
    recent = result(client, server, "GetThreadByID", threadid=thread["id"], messagedate=later)
    assert recent["thread"]["messages"] == [
        m for m in thread["messages"] if m["changedate"] >= later
    ]
    bare = result(client, server, "GetThreadByID", threadid=thread["id"], exclmessages=1)
    assert "messages" not in bare["thread"]


def test_relations_by_person_and_by_company(client, server):
    relation = next(r for r in server.state.store("relation").objects() if not r["isdeleted"])
    by_person = result(client, server, "GetRelationsByPersonID", personid=relation["personid"])
    by_company = result(
        client, server, "GetRelationsByCustomerID", customerid=relation["customerid"]
    )
    assert relation in by_person["relations"] and relation in by_company["relations"]
    assert {r["personid"] for r in by_person["relations"]} == {relation["personid"]}


# Each command that needs a parameter, and the first it misses when called without any.
REQUIRED = {
    "GetToolsByTodoID": "todoid",
    "GetProductUseByTodoID": "todoid",
    "GetProductUseByToolID": "toolid",
    "GetRegistrations": "todoid",
    "GetRegistrationByDate": "date",
    "GetThreadByID": "threadid",
    "GetThreads": "objecttype",
    "GetRelationsByPersonID": "personid",
    "GetRelationsByCustomerID": "customerid",
    "GetEventsByUserAndDate": "fromdate",
    "GetProductionByUserAndDate": "fromdate",
    "GetToolsByField": "field",
}


def test_a_missing_parameter_fails_the_command_with_its_name(client, server):
    answer = call(client, server, *({"command": name} for name in REQUIRED))
    assert dict(zip(REQUIRED, answer["results"], strict=True)) == {
        name: {"status": 0, "msg": f"Missing parameter: {missing}"}
        for name, missing in REQUIRED.items()
    }


def test_unknown_parameters_are_ignored_and_bad_ids_named(client, server):
    assert result(client, server, "GetWorkareas", colour="red")["status"] == 1
    assert result(client, server, "GetRegistrations", todoid="abc") == {
        "status": 0,
        "msg": "Invalid todoid: abc",
    }
