"""Actions: local effect and outbox entry in one transaction; discard rolls the effect back."""

from datetime import datetime
from pathlib import Path

import pytest

from app.core.kinds import Kind
from app.db import Store
from app.db.outbox import OutboxRepo
from app.sync.actions import ActionRefused, Actions
from app.sync.keys import TAKEN_SINCE_KEY
from tests.clock import ManualClock


@pytest.fixture
def store(tmp_path: Path):
    store = Store.in_dir(tmp_path)
    store.write_blocking(store.objects.ingest, Kind.TODO, [{"id": 7, "title": "Ny varmepumpe",
                                                            "stateid": 1, "statetext": "Oprettet"}])
    store.write_blocking(store.settings.put, "setup.GetTodoStates",
                         {"states": [{"id": 3, "title": "I gang", "isclosed": 0}]})
    yield store
    store.close()


def test_an_action_shows_at_once_and_queues_its_call(store: Store, loop) -> None:
    woken: list[bool] = []
    actions = Actions(store, ManualClock(), on_outbox_changed=lambda: woken.append(True))
    changes = loop.run_until_complete(actions.change_task_state(7, 3))
    assert changes.touches(Kind.TODO, 7) and changes.initiator == "user"
    assert store.objects.get(Kind.TODO, 7)["statetext"] == "I gang"
    [entry] = OutboxRepo.of(store).unsent()
    assert (entry.command, entry.params) == ("CreateUpdateTodo", {"todo": {"id": 7, "stateid": 3}})
    assert entry.summary == "Set task 7 (Ny varmepumpe) to I gang" and woken == [True]


def test_a_failure_in_the_middle_keeps_neither(store: Store, loop, monkeypatch) -> None:
    def broken_add(self, entry):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(OutboxRepo, "add", broken_add)
    with pytest.raises(RuntimeError):
        loop.run_until_complete(Actions(store, ManualClock()).change_task_state(7, 3))
    assert store.objects.get(Kind.TODO, 7)["stateid"] == 1
    assert OutboxRepo.of(store).unsent_count() == 0


def test_discard_rolls_back_the_local_effect_of_it_and_what_follows(store: Store, loop) -> None:
    actions = Actions(store, ManualClock())
    loop.run_until_complete(actions.change_task_state(7, 3))
    loop.run_until_complete(actions.change_task_state(7, 5))
    first = OutboxRepo.of(store).unsent()[0]
    loop.run_until_complete(actions.discard(first.id))
    task = store.objects.get(Kind.TODO, 7)
    assert (task["stateid"], task["statetext"]) == (1, "Oprettet")
    assert "isclosed" not in task
    assert OutboxRepo.of(store).unsent_count() == 0


def test_checkpoints_are_local_until_the_check_out_sends_them(store: Store, loop) -> None:
    actions = Actions(store, ManualClock())
    with pytest.raises(ActionRefused):
        loop.run_until_complete(actions.tick_checkpoint(4))
    loop.run_until_complete(actions.check_in(Kind.TODO, 7, 55.6, 12.5))
    loop.run_until_complete(actions.tick_checkpoint(4))
    loop.run_until_complete(actions.tick_checkpoint(2))
    assert OutboxRepo.of(store).unsent_count() == 1
    loop.run_until_complete(actions.check_out(55.6, 12.5))
    checkin, checkout = OutboxRepo.of(store).unsent()
    assert checkout.depends_on == checkin.id
    assert checkout.params["checkpoints"] == [2, 4] and checkout.params["checkinid"] is None
    # Discarding the check-in takes the check-out with it and restores "not checked in".
    loop.run_until_complete(actions.discard(checkin.id))
    assert store.settings.get("setup.GetCheckIn") is None
    assert OutboxRepo.of(store).unsent_count() == 0


def test_a_sync_before_sending_does_not_hide_the_technicians_change(
    sandbox, data_dir, loop
) -> None:
    import httpx

    from tests.sync_harness import Harness

    harness = Harness(sandbox, data_dir, loop)
    try:
        assert harness.sync().ok
        core = harness.core
        task = min(core.store.objects.ids(Kind.TODO))
        state = 2 if core.store.objects.get(Kind.TODO, task)["stateid"] != 2 else 3
        harness.run(core.actions.change_task_state(task, state))  # not sent yet
        httpx.patch(f"{sandbox.base_url}/_sandbox/objects/todo/{task}",
                    json={"title": "Omdøbt på kontoret"}).raise_for_status()

        assert harness.sync().ok  # brings the server's copy of the task
        local = core.store.objects.get(Kind.TODO, task)
        assert local["title"] == "Omdøbt på kontoret"  # the office's change arrives
        assert local["stateid"] == state  # and the technician's still shows

        harness.run(core.sender.run_once())
        assert harness.sync().ok
        assert core.store.objects.get(Kind.TODO, task)["stateid"] == state  # now the server's
        assert sandbox.state.store("todo").get(task)["stateid"] == state
    finally:
        harness.close()


@pytest.fixture
def tool_store(store: Store):
    store.write_blocking(store.objects.ingest, Kind.TOOL, [
        {"id": 12, "title": "Borehammer", "groupid": 6, "carrier_userid": 0,
         "lastservice": "2024-02-29", "nextservice": "2026-02-28"},
        {"id": 13, "title": "Stige", "groupid": 0, "carrier_userid": 0, "nextservice": ""}])
    store.write_blocking(store.settings.put, "setup.GetToolTypes",
                         {"types": [{"id": 6, "title": "Borehammer", "periodtype": "year",
                                     "period": 2}]})
    store.write_blocking(store.settings.put, "setup.GetCurrentUserID", {"userid": 3})
    return store


def test_when_a_tool_was_taken_is_kept_until_set_down_or_discarded(tool_store: Store,
                                                                   loop) -> None:
    clock = ManualClock(datetime(2026, 12, 2, 10, 42, 5))
    actions = Actions(tool_store, clock)
    loop.run_until_complete(actions.pick_up_tool(12, 0, 0))
    assert tool_store.settings.get(TAKEN_SINCE_KEY) == {"12": "2026-12-02T10:42:05"}
    # The sync replaces the tool object with the server's: the moment is not on it.
    tool_store.write_blocking(tool_store.objects.ingest, Kind.TOOL,
                              [{"id": 12, "title": "Borehammer", "carrier_userid": 3}])
    assert tool_store.settings.get(TAKEN_SINCE_KEY) == {"12": "2026-12-02T10:42:05"}
    loop.run_until_complete(actions.set_down_tool(12, 0, 0))
    assert tool_store.settings.get(TAKEN_SINCE_KEY) == {}
    pick_up, set_down = OutboxRepo.of(tool_store).unsent()
    loop.run_until_complete(actions.discard(set_down.id))
    assert tool_store.settings.get(TAKEN_SINCE_KEY) == {"12": "2026-12-02T10:42:05"}
    loop.run_until_complete(actions.discard(pick_up.id))
    assert tool_store.settings.get(TAKEN_SINCE_KEY) is None  # as before the pick-up


def test_start_service_moves_next_service_by_the_types_interval(tool_store: Store,
                                                                loop) -> None:
    actions = Actions(tool_store, ManualClock(datetime(2026, 12, 2, 10, 42)))
    loop.run_until_complete(actions.start_service(12))
    loop.run_until_complete(actions.start_service(13))
    hammer, ladder = (tool_store.objects.get(Kind.TOOL, i) for i in (12, 13))
    assert (hammer["lastservice"], hammer["nextservice"]) == ("2026-12-02", "2028-12-02")
    assert (ladder["lastservice"], ladder["nextservice"]) == ("2026-12-02", "")  # no interval
    first, _second = OutboxRepo.of(tool_store).unsent()
    assert (first.command, first.params) == (
        "StartToolService", {"toolid": 12, "servicedate": "2026-12-02", "servicetime": "10:42:00"})
    loop.run_until_complete(actions.discard(first.id))
    hammer = tool_store.objects.get(Kind.TOOL, 12)
    assert (hammer["lastservice"], hammer["nextservice"]) == ("2024-02-29", "2026-02-28")
