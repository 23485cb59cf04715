"""Reading back a write whose request may or may not have reached the server tells THIS
entry's effect from an earlier identical one, for every command with a reader.

Each test makes the server show, before the entry is sent, what the write would do (an earlier
note "OK", a check-in on the same task, …), then lets the write's request fail with HTTP 500
(the command does not run, but the app cannot know): the read-back must not take the earlier
effect for this one, so the action reaches the server."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from app.api import Client, Credentials
from app.core.kinds import Kind
from app.db.outbox import OutboxRepo, State
from app.sync.actions import Actions
from app.sync.keys import CHECKIN_KEY
from app.sync.outbox import OutboxSender
from tests.admin import change_object, commands_sent, fault
from tests.clock import ManualClock
from tests.sync_harness import Harness


@pytest.fixture
def setup(sandbox, data_dir, loop):
    clock = ManualClock()
    harness = Harness(sandbox, data_dir, loop, clock=clock)
    assert harness.sync().ok
    yield harness, Actions(harness.core.store, clock), OutboxSender(
        harness.core.client, harness.core.store, clock)
    harness.close()


def lost(harness: Harness, command: str) -> None:
    """The next `command` request never runs on the server, and the app cannot tell."""
    fault(harness.server, "http_500", command=command)


def server(harness: Harness, kind: str, object_id: int) -> dict:
    return harness.server.state.store(kind).get(object_id)


def an_open_task(harness: Harness) -> int:
    store = harness.core.store
    return min(i for i in store.objects.ids(Kind.TODO)
               if not int(store.objects.get(Kind.TODO, i).get("isclosed") or 0))


def checked_out(harness: Harness, actions: Actions, sender: OutboxSender) -> None:
    """The demo technician starts the day checked in somewhere."""
    if (harness.core.store.settings.get(CHECKIN_KEY) or {}).get("ischeckedin"):
        harness.run(actions.check_out(55.7, 12.6))
        harness.run(sender.run_once())


def a_free_tool(harness: Harness) -> int:
    store = harness.core.store
    return min(i for i in store.objects.ids(Kind.TOOL)
               if not store.objects.get(Kind.TOOL, i).get("carrier_userid"))


def settled(harness: Harness, sender: OutboxSender) -> OutboxRepo:
    harness.run(sender.run_once())
    return OutboxRepo.of(harness.core.store)


def test_a_second_identical_note_whose_request_was_lost_still_arrives(setup) -> None:
    harness, actions, sender = setup
    task = an_open_task(harness)
    harness.run(actions.post_note(Kind.TODO, task, "OK"))
    harness.run(sender.run_once())
    harness.run(actions.post_note(Kind.TODO, task, "OK"))
    lost(harness, "PostMessage")
    repo = settled(harness, sender)
    assert [e.state for e in repo.entries()] == [State.DONE, State.DONE]
    user = harness.server.state.demo_user_id
    mine = [m for t in harness.server.state.where("thread", objectid=task)
            for m in t["messages"] if m["message"] == "OK" and m["userid"] == user]
    assert len(mine) == 2


def test_a_check_out_queued_behind_its_check_in_is_read_back_against_the_id_sent(setup) -> None:
    harness, actions, sender = setup
    checked_out(harness, actions, sender)
    task = an_open_task(harness)
    harness.run(actions.check_in(Kind.TODO, task, 55.7, 12.6))
    harness.run(actions.check_out(55.7, 12.6))
    lost(harness, "DoCheckOut")
    repo = settled(harness, sender)
    [checkin, checkout] = repo.entries()[-2:]
    assert checkout.state is State.DONE
    assert checkout.params["checkinid"] == checkin.result["checkinid"]  # stored, not resolved later
    assert not [c for c in harness.server.state.where("checkin")
                if c["ischeckedin"] and c["userid"] == harness.server.state.demo_user_id]


def test_a_check_in_where_one_is_already_open_on_the_same_task_still_arrives(setup) -> None:
    harness, actions, sender = setup
    checked_out(harness, actions, sender)
    task = an_open_task(harness)
    user = harness.server.state.demo_user_id
    day = harness.clock.now().date().isoformat()
    # Checked in on the same task elsewhere (the web), later today than the app's action.
    reply = httpx.post(f"{harness.server.base_url}/_sandbox/objects/checkin", json={
        "ischeckedin": 1, "objecttype": "Todo", "userid": user, "todoid": task,
        "customerid": 0, "toolid": 0, "checkindate": day, "checkintime": "23:59:59"})
    reply.raise_for_status()
    elsewhere = reply.json()["id"]
    harness.run(actions.check_in(Kind.TODO, task, 55.7, 12.6))
    lost(harness, "DoCheckIn")
    repo = settled(harness, sender)
    entry = repo.entries()[-1]
    assert entry.state is State.DONE and entry.result["checkinid"] != elsewhere
    assert server(harness, "checkin", elsewhere)["ischeckedin"] == 0  # ours replaced it


def test_a_postponed_reminder_moved_on_the_server_meanwhile_is_still_postponed(setup) -> None:
    harness, actions, sender = setup
    user = harness.server.state.demo_user_id
    reminder = min(s["id"] for s in harness.server.state.where("stodo", userid=user))
    # The dispatcher moved it after the app's last sync: the app's copy is out of date.
    change_object(harness.server, "stodo", reminder, date="2031-05-01", time="08:00:00")
    harness.run(actions.postpone_reminder(reminder, 60))
    lost(harness, "StodoAccept")
    repo = settled(harness, sender)
    assert [e.state for e in repo.entries()] == [State.DONE]
    moved = server(harness, "stodo", reminder)
    assert (moved["date"], moved["time"]) == ("2031-05-01", "09:00:00")


def test_a_pick_up_of_a_tool_the_server_already_shows_carried_still_arrives(setup) -> None:
    harness, actions, sender = setup
    user = harness.server.state.demo_user_id
    tool = a_free_tool(harness)
    change_object(harness.server, "tool", tool, carrier_userid=user)  # taken on the web
    harness.run(actions.pick_up_tool(tool, 56.1, 10.2))
    lost(harness, "PickupTool")
    repo = settled(harness, sender)
    assert [e.state for e in repo.entries()] == [State.DONE]
    assert (server(harness, "tool", tool)["latitude"], server(harness, "tool", tool)[
        "longitude"]) == (56.1, 10.2)  # where the technician picked it up


def test_setting_down_a_tool_a_colleague_holds_ends_failed_not_done(setup) -> None:
    harness, actions, sender = setup
    user = harness.server.state.demo_user_id
    tool = a_free_tool(harness)
    harness.run(actions.pick_up_tool(tool, 56.1, 10.2))
    harness.run(sender.run_once())
    colleague = next(u for u in harness.server.state.setup.technician_ids if u != user)
    change_object(harness.server, "tool", tool, carrier_userid=colleague)  # handed over
    harness.run(actions.set_down_tool(tool, 56.1, 10.2))
    lost(harness, "SetDownTool")
    repo = settled(harness, sender)
    assert [e.state for e in repo.entries()] == [State.DONE, State.FAILED]
    assert repo.entries()[1].server_message == "You are not carrying this equipment"
    assert len(commands_sent(harness.server, "SetDownTool")) == 2


def test_offline_the_read_before_sending_counts_as_a_try_so_the_waits_grow(setup) -> None:
    harness, actions, _sender = setup
    creds = harness.server.credentials
    dead = Client("http://127.0.0.1:9/api/endpoint.php",
                  Credentials(creds.contract, creds.apikey, creds.username, creds.password))
    clock = harness.clock
    offline = OutboxSender(dead, harness.core.store, clock)
    harness.run(actions.post_note(Kind.TODO, an_open_task(harness), "Ingen dækning"))
    waits = []
    for _ in range(3):
        harness.run(offline.run_once())
        due = datetime.fromisoformat(OutboxRepo.of(harness.core.store).next_due())
        waits.append((due - clock.now()).total_seconds())
        clock.advance(waits[-1])
    harness.run(dead.aclose())
    assert waits == [2, 4, 8]
