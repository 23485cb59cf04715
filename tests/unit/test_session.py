"""The Session views and boxes read from: a store synced from the sandbox, typed setup data
that matches what the sandbox serves, the change stream, and an object's pending entries."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.core.setup import CustomField
from app.sandbox import SandboxServer
from app.sandbox.setup_data import DEFAULT_FUNCTIONS
from app.sync.keys import USERS_KEY
from app.sync.listing import ListChoice
from app.sync.session import Session, State
from tests.sync_harness import Harness

SANDBOX = (21, 0.05, 500)  # seed, scale, page size: see tests/unit/conftest.py




def test_main_pages_come_in_display_order_with_their_column_groups(
    session: Session, server: SandboxServer
) -> None:
    served = {page["objecttype"]: page["boxes"] for page in server.state.setup.main_pages}
    for kind in (Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL):
        expected = sorted(served[kind.value], key=lambda box: box["sortorder"])
        assert [box.box for box in session.setup.main_page(kind)] == [b["box"] for b in expected]
    first = session.setup.main_page(Kind.TODO)[0]
    assert first.iscolumngroup and first.box == f"columngroup{first.columngroupid}"
    group = session.setup.column_group(first.columngroupid)
    assert group is not None and group.title == first.title
    served_group = next(g for g in server.state.setup.column_groups if g["id"] == group.id)
    assert [(c.field, c.title, c.type) for c in group.columns] == [
        (c["field"], c["title"], c["type"]) for c in served_group["columns"]
    ]
    assert session.setup.main_page(Kind.PRODUCT) == ()
    assert session.setup.column_group(999) is None


def test_custom_fields_functions_states_checkpoints_and_tool_types(
    session: Session, server: SandboxServer
) -> None:
    setup = server.state.setup
    assert {f.id for f in session.setup.custom_fields()} == {f["id"] for f in setup.custom_fields}
    assert {f.id for f in session.setup.custom_fields(Kind.CUSTOMER)} == {
        f["id"] for f in setup.custom_fields if f["objecttype"] == "customers"
    }
    address = session.setup.custom_field(202)
    assert address is not None and address.type == CustomField.ADDRESS
    assert (address.key, address.kind, address.title) == ("custom202", Kind.CUSTOMER,
                                                          "Serviceadresse")
    assert session.setup.functions() == DEFAULT_FUNCTIONS
    assert session.setup.enabled("ToolTake") and not session.setup.enabled("LimitNumObjects")
    assert [(s.id, s.title, s.isclosed) for s in session.setup.task_states()] == [
        (s["id"], s["title"], bool(s["isclosed"])) for s in setup.todo_states
    ]
    assert {i: c.title for i, c in session.setup.checkpoints().items()} == {
        c["id"]: c["title"] for c in setup.checkpoints
    }
    types = session.setup.tool_types()
    assert {i: (t.title, t.periodtype, t.period) for i, t in types.items()} == {
        t["id"]: (t["title"], t["periodtype"], t["period"]) for t in setup.tool_types
    }
    assert session.setup.current_user_id() == setup.current_user_id


def test_users_are_read_from_the_get_users_answer(synced: Harness, server: SandboxServer) -> None:
    """The sandbox does not answer GetUsers yet: its users are kept as the answer would be."""
    store = synced.core.store
    store.write_blocking(store.settings.put, USERS_KEY, {"users": list(server.state.setup.users)})
    me = server.state.setup.user(server.state.setup.current_user_id)
    user = synced.core.session.setup.user(me["id"])
    assert user is not None and (user.name, user.email, user.phone) == (
        me["name"], me["email"], me["phone"])
    assert synced.core.session.setup.user(9999) is None


def test_the_check_in_is_the_servers_then_the_technicians_at_once(
    synced: Harness, server: SandboxServer
) -> None:
    session = synced.core.session
    [served] = [c for c in server.state.where("checkin", userid=session.setup.current_user_id())
                if c["ischeckedin"]]
    checkin = session.setup.checkin()
    assert checkin is not None
    assert (checkin.kind, checkin.object_id, checkin.checkin_id) == (
        Kind.TODO, served["todoid"], served["id"])
    assert checkin.since == datetime.fromisoformat(
        f"{served['checkindate']} {served['checkintime']}")

    synced.run(session.actions.check_out(55.7, 12.5))
    assert session.setup.checkin() is None
    task = max(synced.local_ids(Kind.TODO))
    checkpoint = min(session.setup.checkpoints())
    synced.run(session.actions.check_in(Kind.TODO, task, 55.7, 12.5))
    synced.run(session.actions.tick_checkpoint(checkpoint))
    mine = session.setup.checkin()
    assert mine is not None and (mine.kind, mine.object_id, mine.checkin_id) == (Kind.TODO, task, 0)
    assert mine.since is not None and mine.ticked == {checkpoint}
    assert [entry.command for entry in session.pending(Kind.TODO, task)] == ["DoCheckIn"]

    synced.run(synced.core.sender.run_once())
    assert synced.sync().ok
    sent = session.setup.checkin()
    assert sent is not None and sent.object_id == task and sent.checkin_id > served["id"]
    assert session.pending(Kind.TODO, task) == []


def test_an_action_reaches_the_change_stream_and_its_note_waits_as_pending(
    synced: Harness,
) -> None:
    session = synced.core.session
    heard: list[ChangeSet] = []
    stop = session.changes.subscribe(heard.append)
    customer = min(synced.local_ids(Kind.CUSTOMER))
    synced.run(session.actions.post_note(Kind.CUSTOMER, customer, "Nøgle hos viceværten"))
    [changes] = heard
    assert changes.touches(Kind.CUSTOMER, customer) and changes.initiator == "user"
    [entry] = session.pending(Kind.CUSTOMER, customer)
    assert (entry.command, entry.state) == ("PostMessage", State.PENDING)
    assert entry.params["message"] == {"message": "Nøgle hos viceværten"}

    stop()
    synced.run(session.actions.post_note(Kind.CUSTOMER, customer, "Ring først"))
    assert len(heard) == 1
    assert [e.params["message"]["message"] for e in session.pending(Kind.CUSTOMER, customer)] == [
        "Nøgle hos viceværten", "Ring først"]


def test_rows_page_through_a_kind_in_order(session: Session) -> None:
    total = session.count(Kind.CUSTOMER)
    names = session.rows(Kind.CUSTOMER, ["name", "city"], order_by="name", limit=total)
    assert len(names) == total and [r[1] for r in names] == sorted(r[1] for r in names)
    assert session.rows(Kind.CUSTOMER, ["name", "city"], order_by="name", offset=3, limit=4) == (
        names[3:7])
    backwards = session.rows(Kind.CUSTOMER, ["name"], order_by="name", descending=True, limit=3)
    assert [r[0] for r in backwards] == [r[0] for r in reversed(names)][:3]
    some = [row[0] for row in names[:3]]
    assert session.rows_of(Kind.CUSTOMER, [*some, 10**9], ["name", "city"]) == {
        row[0]: row for row in names[:3]}
    fifth = names[4]
    assert set(session.rows_of(Kind.CUSTOMER, [r[0] for r in names], ["name"], order_by="name",
                               through=(fifth[1], fifth[0]))) == {r[0] for r in names[:5]}
    customer = session.object(Kind.CUSTOMER, some[0])
    assert customer is not None and customer["name"] == names[0][1]
    tools = session.related(Kind.TOOL, customerid=some[0])
    assert all(tool["customerid"] == some[0] for tool in tools)


def test_a_sent_note_leaves_its_objects_pending_list_and_says_so(synced: Harness) -> None:
    session = synced.core.session
    task = min(synced.local_ids(Kind.TODO))
    synced.run(session.actions.post_note(Kind.TODO, task, "Stigen står i kælderen"))
    assert [e.command for e in session.pending(Kind.TODO, task)] == ["PostMessage"]
    heard: list[ChangeSet] = []
    stop = session.changes.subscribe(heard.append)
    synced.run(synced.core.sender.run_once())
    stop()
    assert session.pending(Kind.TODO, task) == []
    assert any(changes.touches(Kind.TODO, task) for changes in heard)


@pytest.mark.parametrize(("kind", "column"), [
    (Kind.CUSTOMER, "name"),  # indexed
    (Kind.CUSTOMER, "city"),  # not indexed
    (Kind.PERSON, "company"),  # from the customer table
    (Kind.TOOL, "serialnumber"),  # from the object's JSON
])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_read_after_the_last_row_join_into_the_whole_sorted_list(
    session: Session, kind: Kind, column: str, descending: bool
) -> None:
    whole = session.rows(kind, [column], order_by=column, descending=descending, limit=10**6)
    pages: list[tuple] = []
    while True:
        after = (pages[-1][1], pages[-1][0]) if pages else None
        page = session.rows(kind, [column], order_by=column, descending=descending, limit=7,
                            after=after)
        if not page:
            break
        pages += page
    assert pages == whole and len(whole) == session.count(kind) > 20
    values = [(row[1], row[0]) for row in whole]
    assert values == sorted(values, reverse=descending)


def test_a_kept_list_choice_that_no_longer_fits_falls_back_to_the_default() -> None:
    default = ListChoice("name")
    columns = ["name", "city"]
    assert ListChoice.from_json(None, default, Kind.CUSTOMER, columns) == default
    assert ListChoice.from_json("name", default, Kind.CUSTOMER, columns) == default
    kept = {"sort": "city", "descending": True, "filter": "near", "state": ""}
    assert ListChoice.from_json(kept, default, Kind.CUSTOMER, columns) == ListChoice(
        "city", True, "near")
    gone = {"sort": "fax", "descending": "yes", "filter": "mine", "state": 3}
    assert ListChoice.from_json(gone, default, Kind.CUSTOMER, columns) == default


def test_a_main_pages_first_lookup_during_a_first_sync_has_the_lookup_indexes_made(
    sandbox: SandboxServer, data_dir, loop
) -> None:
    """A first sync makes them after its loops; a page open before then would read the table
    again at each change the sync brings (app/db/columns.py, `ColumnIndex`)."""
    harness = Harness(sandbox, data_dir, loop)
    try:
        store = harness.core.store
        store.write_blocking(store.objects.ingest, Kind.TOOL, [
            {"id": n, "title": f"Stige {n}", "customerid": n % 5 + 1} for n in range(1, 200)])

        def indexed() -> bool:
            return bool(store.database.execute_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'toolrow_customerid_id'").fetchone())

        assert not indexed()  # as a first sync's loops leave it
        found = harness.core.session.related(Kind.TOOL, customerid=2)
        assert sorted(tool["id"] for tool in found) == [n for n in range(1, 200) if n % 5 == 1]
        store.write_blocking(lambda: None)  # the writer has done what was asked before
        assert indexed()
    finally:
        harness.close()
