"""The filter parameters of the …ByLastChange calls, over loopback HTTP: ignoreclosed and its
tombstones, skip_deleted, limitnumobjects, placeofhome with its companies, onlyfavorites,
onlysubscriber and exclmessages."""

from __future__ import annotations

import httpx
import pytest

from app.sandbox.commands.importance import rank
from tests.unit.test_sandbox_support import (
    admin,
    cursor,
    page_through,
    result,
    sees,
    usable_ids,
)

DEMO = 3


SANDBOX = (12, 0.1, 20)  # seed, scale, page size: see tests/unit/conftest.py


def by_id(objects: list[dict]) -> dict[int, dict]:
    return {obj["id"]: obj for obj in objects}


@pytest.fixture(scope="module")
def closed_changes(server, clock):
    """A task closed, a customer deactivated and a tool deleted after a cursor."""
    with httpx.Client(timeout=5) as client:
        since = cursor(client, server, clock)
        task = usable_ids(server, "todo", lambda t: not t["isclosed"] and sees(server, t))[0]
        customer = usable_ids(server, "customer")[0]
        tool = usable_ids(server, "tool")[0]
        admin(client, server, "POST", f"/objects/todo/{task}/close")
        admin(client, server, "POST", f"/objects/customer/{customer}/deactivate")
        admin(client, server, "DELETE", f"/objects/tool/{tool}")
    return since, {"todo": task, "customer": customer, "tool": tool}


READS = {
    "todo": ("GetTodosByLastChange", "todos"),
    "customer": ("GetCustomersByLastChange", "customers"),
    "tool": ("GetToolsByLastChange", "tools"),
}


def read(client, server, kind: str, **params) -> dict[int, dict]:
    command, key = READS[kind]
    return by_id(page_through(client, server, command, key, **params))


@pytest.mark.parametrize("kind", READS)
def test_ignoreclosed_from_the_epoch_leaves_out_closed_deactivated_and_deleted(
    client, server, closed_changes, kind
):
    _, ids = closed_changes
    sent = read(client, server, kind, ignoreclosed=1)
    assert ids[kind] not in sent
    assert not any(
        o["isdeleted"] or o.get("isclosed") or o.get("isactive") == 0 for o in sent.values()
    )


@pytest.mark.parametrize("kind", READS)
def test_ignoreclosed_after_the_epoch_sends_tombstones(client, server, closed_changes, kind):
    since, ids = closed_changes
    sent = read(client, server, kind, ignoreclosed=1, **since)
    assert sent[ids[kind]]["isdeleted"] == 1
    assert list(sent) == [ids[kind]]  # nothing else changed since


def test_the_stored_objects_keep_their_own_flags(server, closed_changes):
    _, ids = closed_changes
    assert server.state.get("todo", ids["todo"])["isdeleted"] == 0
    assert server.state.get("customer", ids["customer"])["isdeleted"] == 0


def test_without_ignoreclosed_closed_tasks_come_as_they_are_and_gone_objects_deleted(
    client, server, closed_changes
):
    since, ids = closed_changes
    task = read(client, server, "todo", **since)[ids["todo"]]
    assert (task["isclosed"], task["isdeleted"], task["statetext"]) == (1, 0, "Afsluttet")
    assert read(client, server, "customer", **since)[ids["customer"]]["isdeleted"] == 1
    assert read(client, server, "tool", **since)[ids["tool"]]["isdeleted"] == 1
    everything = read(client, server, "customer")
    assert everything[ids["customer"]]["isdeleted"] == 1


def test_skip_deleted_never_sends_deleted_objects_nor_tombstones(client, server, closed_changes):
    since, ids = closed_changes
    assert list(read(client, server, "todo", skip_deleted=1, **since)) == [ids["todo"]]
    for kind in READS:
        assert read(client, server, kind, skip_deleted=1, ignoreclosed=1, **since) == {}
        assert not any(o["isdeleted"] for o in read(client, server, kind, skip_deleted=1).values())
    persons = page_through(client, server, "GetPersonsByLastChange", "persons")
    kept = page_through(client, server, "GetPersonsByLastChange", "persons", skip_deleted=1)
    assert any(p["isdeleted"] for p in persons)
    assert [p["id"] for p in kept] == [p["id"] for p in persons if not p["isdeleted"]]


def test_limitnumobjects_sends_the_most_important_tasks_first_and_fewer(client, server):
    everything = read(client, server, "todo", ignoreclosed=1)
    pages, resumekey = [], None
    while True:
        extra = {"resumekey": resumekey} if resumekey else {}
        page = result(
            client, server, "GetTodosByLastChange", ignoreclosed=1, limitnumobjects=1, **extra
        )
        pages.append(page["todos"])
        resumekey = page.get("resumekey")
        if resumekey is None:
            break
        assert ".top." in resumekey
    top = [task for page in pages for task in page]
    assert len(everything) > 50
    assert len(top) == max(50, len(everything) // 10) < len(everything)
    assert len(pages) == 3 and [len(p) for p in pages] == [20, 20, 10]
    assert [rank(t) for t in top] == sorted(rank(t) for t in top)
    assert top[0]["priority"] == "1"
    rest = [t for i, t in everything.items() if i not in {t["id"] for t in top}]
    assert all(rank(t) > rank(top[-1]) for t in rest)


def test_the_two_kinds_of_resumekey_do_not_mix(client, server):
    ranked = result(client, server, "GetTodosByLastChange", limitnumobjects=1)["resumekey"]
    changes = result(client, server, "GetTodosByLastChange")["resumekey"]
    refused = {"status": 0, "msg": "Invalid resumekey"}
    assert result(client, server, "GetTodosByLastChange", resumekey=ranked) == refused
    assert (
        result(client, server, "GetTodosByLastChange", limitnumobjects=1, resumekey=changes)
        == refused
    )
    for forged in ("todo.top.1.2.3", "customer.top.0.1.20250101.4", "todo.top.x.1.20250101.4"):
        assert (
            result(client, server, "GetTodosByLastChange", limitnumobjects=1, resumekey=forged)
            == refused
        )


def test_placeofhome_splits_the_tools(client, server):
    everything = read(client, server, "tool")
    homed = read(client, server, "tool", placeofhome=1)
    homeless = read(client, server, "tool", placeofhome=2)
    assert homed and homeless
    assert all(t["placeofhome"] for t in homed.values())
    assert not any(t["placeofhome"] for t in homeless.values())
    assert sorted([*homed, *homeless]) == sorted(everything)


def test_placeofhome_2_lists_the_companies_whose_tools_to_read_on_every_page(client, server):
    pages, resumekey = [], None
    while True:
        extra = {"resumekey": resumekey} if resumekey else {}
        pages.append(result(client, server, "GetToolsByLastChange", placeofhome=2, **extra))
        resumekey = pages[-1].get("resumekey")
        if resumekey is None:
            break
    assert len(pages) > 1
    companies = pages[0]["customerids"]
    assert all(page["customerids"] == companies for page in pages)
    assert 0 < len(companies) == len(set(companies)) <= 50
    state = server.state
    audience = state.audience(DEMO, state.clock.now())
    reasons = {
        task["customerid"]
        for task in state.store("todo").objects()
        if (task["id"] in audience.planned or task["userid"] == DEMO)
        and not task["isclosed"]
        and not task["isdeleted"]
        and audience.sees(task)
    }
    assert set(companies) <= reasons
    assert "customerids" not in result(client, server, "GetToolsByLastChange", placeofhome=1)


def test_onlyfavorites_sends_the_users_favourite_products(client, server):
    favourites = server.state.favourites[DEMO]
    chosen = page_through(
        client, server, "GetProductsByLastChange", "products", onlyfavorites=1, ignoreclosed=1
    )
    everything = page_through(client, server, "GetProductsByLastChange", "products")
    live = {p["id"] for p in everything if not p["isdeleted"]}
    assert {p["id"] for p in chosen} == favourites & live
    assert all(p["isfavorite"] == 1 for p in chosen)
    assert {p["id"] for p in everything if p["isfavorite"]} == favourites
    assert len(chosen) < len(everything)


def test_onlysubscriber_sends_the_threads_the_user_follows(client, server):
    followed = page_through(client, server, "GetThreadsByLastChange", "threads", onlysubscriber=1)
    everything = page_through(client, server, "GetThreadsByLastChange", "threads")
    assert followed and len(followed) < len(everything)
    assert all(DEMO in t["subscribers"] for t in followed)
    assert {t["id"] for t in followed} == {t["id"] for t in everything if DEMO in t["subscribers"]}


def test_exclmessages_leaves_the_messages_out(client, server):
    bare = page_through(client, server, "GetThreadsByLastChange", "threads", exclmessages=1)
    full = page_through(client, server, "GetThreadsByLastChange", "threads")
    assert not any("messages" in t for t in bare)
    assert all(t["messages"] for t in full)
    message = full[0]["messages"][0]
    assert set(message) == {
        "id",
        "threadid",
        "userid",
        "personid",
        "authorname",
        "changedate",
        "changetime",
        "isunread",
        "message",
    }
    assert message["threadid"] == full[0]["id"]


def test_threads_carry_the_users_unread_counts(client, server):
    page = result(client, server, "GetThreadsByLastChange", onlysubscriber=1, exclmessages=1)
    unread = page["unreadmessages"]
    assert page["numunreadmessages"] == sum(n for per in unread.values() for n in per.values()) > 0
    assert set(unread) <= {"todo", "customer", "tools"}
