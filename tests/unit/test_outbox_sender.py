"""The outbox sender against the sandbox over loopback HTTP."""

import asyncio

import orjson
import pytest

from app.api import Client, Credentials
from app.api.writes import write
from app.core.kinds import Kind
from app.db.outbox import OutboxRepo, State
from app.sync.actions import Actions
from app.sync.outbox import OutboxSender
from tests.admin import commands_sent, fault
from tests.clock import ManualClock
from tests.sync_harness import Harness


@pytest.fixture
def setup(sandbox, data_dir, loop):
    clock = ManualClock()
    harness = Harness(sandbox, data_dir, loop, clock=clock)
    assert harness.sync().ok
    yield harness, clock
    harness.close()


def parts(harness: Harness, clock: ManualClock, **options):
    store = harness.core.store
    return (Actions(store, clock), OutboxSender(harness.core.client, store, clock, **options),
            OutboxRepo.of(store))


def open_tasks(harness: Harness) -> list[int]:
    store = harness.core.store
    return sorted(i for i in store.objects.ids(Kind.TODO)
                  if not int(store.objects.get(Kind.TODO, i).get("isclosed") or 0))


def test_a_refused_call_blocks_only_its_object(setup) -> None:
    harness, clock = setup
    actions, sender, repo = parts(harness, clock)
    task, other = open_tasks(harness)[:2]
    harness.run(actions.change_task_state(task, 9999))  # refused: no such state
    harness.run(actions.post_note(Kind.TODO, task, "behind the refused one"))
    harness.run(actions.post_note(Kind.TODO, other, "Kunden var ikke hjemme"))
    status = harness.run(sender.run_once())
    assert (status.failed, status.pending) == (1, 1)
    [failed] = repo.entries(State.FAILED)
    assert failed.server_message == "Invalid stateid: 9999"
    assert failed.last_error.startswith("CreateUpdateTodo ")
    assert [(e.command, e.object_id) for e in repo.blocked_by(failed.id)] == [
        ("PostMessage", task)]
    notes = commands_sent(harness.server, "PostMessage")
    assert [n["objectid"] for n in notes] == [other]
    assert all(n["clientrequestid"] for n in notes)


def test_a_lost_answer_is_settled_by_reading_back_not_by_sending_again(setup) -> None:
    harness, clock = setup
    actions, sender, repo = parts(harness, clock)
    task = open_tasks(harness)[0]
    harness.run(actions.post_note(Kind.TODO, task, "Kedlen er skiftet"))
    fault(harness.server, "lose_answer", command="PostMessage")
    harness.run(sender.run_once())
    assert repo.unsent_count() == 0
    assert len(commands_sent(harness.server, "PostMessage")) == 1
    assert commands_sent(harness.server, "GetThreads")


def test_an_entry_left_sending_by_a_crash_is_read_back_once(setup) -> None:
    harness, clock = setup
    actions, sender, repo = parts(harness, clock)
    task = open_tasks(harness)[0]
    harness.run(actions.post_note(Kind.TODO, task, "Sendt lige før nedbruddet"))
    [entry] = repo.unsent()
    # The process sent it and died before it could record the answer.
    harness.run(harness.core.client.call(write(entry.command, entry.request_id, **entry.params)))
    harness.core.store.write_blocking(repo.mark_sending, entry.id, "2024-01-01 00:00:00")
    harness.run(sender.run_once())
    assert repo.get(entry.id).state is State.DONE
    assert len(commands_sent(harness.server, "PostMessage")) == 1


def test_offline_then_back_twenty_actions_go_in_order(setup) -> None:
    harness, clock = setup
    store = harness.core.store
    actions = Actions(store, clock)
    tasks = open_tasks(harness)[:4]
    for n in range(20):
        harness.run(actions.post_note(Kind.TODO, tasks[n % 4], f"note {n}"))
    harness.run(actions.change_task_state(tasks[1], 9999))
    harness.run(actions.post_note(Kind.TODO, tasks[2], "after the refused one"))
    creds = harness.server.credentials
    dead = Client("http://127.0.0.1:9/api/endpoint.php",
                  Credentials(creds.contract, creds.apikey, creds.username, creds.password))
    offline = OutboxSender(dead, store, clock)
    status = harness.run(offline.run_once())
    assert status.pending == 22 and OutboxRepo.of(store).next_due()
    harness.run(dead.aclose())
    clock.advance(2)
    sender = OutboxSender(harness.core.client, store, clock)
    status = harness.run(sender.run_once())
    assert (status.failed, status.in_flight) == (1, 0)
    sent = [c["message"]["message"] for c in commands_sent(harness.server, "PostMessage")]
    assert sent == [f"note {n}" for n in range(20)] + ["after the refused one"]


def test_attachments_wait_on_a_metered_line_until_sent_anyway(setup) -> None:
    harness, clock = setup
    actions, sender, repo = parts(harness, clock, attachments_allowed=lambda: False)
    task = open_tasks(harness)[0]
    harness.run(actions.attach_photo(Kind.TODO, task, "Måler", b"\xff\xd8\xff\xe0jpeg"))
    harness.run(actions.post_note(Kind.TODO, task, "small goes first"))
    status = harness.run(sender.run_once())
    assert (status.attachments_waiting, status.pending) == (1, 1)
    assert not commands_sent(harness.server, "AddPhotoToTodo")
    sender.send_attachments_anyway()
    harness.run(sender.run_once())
    assert len(commands_sent(harness.server, "AddPhotoToTodo")) == 1
    assert repo.unsent_count() == 0


def test_nothing_secret_in_the_outbox(setup) -> None:
    harness, clock = setup
    actions, sender, _repo = parts(harness, clock)
    harness.run(actions.change_task_state(open_tasks(harness)[0], 9999))
    harness.run(sender.run_once())
    creds = harness.server.credentials
    raw = harness.core.store.database.execute_sql("SELECT * FROM outbox").fetchall()
    text = orjson.dumps([list(map(str, row)) for row in raw]).decode()
    assert creds.password not in text and creds.apikey not in text


def test_background_task_sends_when_woken(setup) -> None:
    harness, clock = setup
    store = harness.core.store
    sender = OutboxSender(harness.core.client, store, clock)
    actions = Actions(store, clock, on_outbox_changed=sender.wake)

    async def scenario() -> None:
        sender.start()
        await actions.post_note(Kind.TODO, open_tasks(harness)[0], "woken")
        for _ in range(100):
            if OutboxRepo.of(store).unsent_count() == 0:
                break
            await asyncio.sleep(0.02)
        await sender.stop()

    harness.run(scenario())
    assert OutboxRepo.of(store).unsent_count() == 0
