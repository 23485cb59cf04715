"""Stopping the outbox sender at exit: the send under way is answered first, or, cut off,
read back at the next start; either way the note reaches the server once."""

from __future__ import annotations

import asyncio

import pytest

from app.core.kinds import Kind
from app.db.outbox import OutboxRepo, State
from app.sandbox import SandboxServer
from app.sync.actions import Actions
from app.sync.outbox import OutboxSender
from tests.admin import commands_sent, fault
from tests.clock import ManualClock
from tests.sync_harness import Harness

NOTE = "Kunden ringer tilbage"


@pytest.fixture
def harness(sandbox, data_dir, loop):
    running = Harness(sandbox, data_dir, loop, clock=ManualClock())
    assert running.sync().ok
    yield running
    running.close()


def notes_on_server(server: SandboxServer, text: str) -> int:
    return sum(message["message"] == text for thread in server.state.store("thread").objects()
               for message in thread["messages"])


def queue_slow_note(harness: Harness, delay: float) -> tuple[OutboxSender, OutboxRepo]:
    """A note queued and a server that takes `delay` seconds to answer it."""
    store, clock = harness.core.store, harness.clock
    task = min(store.objects.ids(Kind.TODO))
    harness.run(Actions(store, clock).post_note(Kind.TODO, task, NOTE))
    fault(harness.server, "delay", delay=delay, command="PostMessage")
    return OutboxSender(harness.core.client, store, clock), OutboxRepo.of(store)


async def stop_while_sending(sender: OutboxSender, repo: OutboxRepo, grace: float) -> None:
    sender.start()
    while not repo.entries(State.SENDING):
        await asyncio.sleep(0.01)
    await sender.stop(grace)


def test_stop_waits_for_the_send_under_way_to_be_answered(harness: Harness) -> None:
    sender, repo = queue_slow_note(harness, delay=0.5)
    harness.run(stop_while_sending(sender, repo, grace=5.0))
    [entry] = repo.entries()
    assert entry.state is State.DONE
    assert notes_on_server(harness.server, NOTE) == 1


def test_a_send_cut_off_by_stop_is_read_back_at_the_next_start(harness: Harness) -> None:
    sender, repo = queue_slow_note(harness, delay=0.5)
    harness.run(stop_while_sending(sender, repo, grace=0.05))
    assert [e.state for e in repo.entries()] == [State.SENDING]  # marked for read-back

    harness.restart()
    store = harness.core.store
    status = harness.run(OutboxSender(harness.core.client, store, harness.clock).run_once())
    assert status.in_flight == 0
    assert [e.state for e in OutboxRepo.of(store).entries()] == [State.DONE]
    assert commands_sent(harness.server, "GetThreads")  # it was read back
    assert notes_on_server(harness.server, NOTE) == 1
