"""Offline for a while (the server stopped), twenty actions, back online: all are sent in
order, the one the server refuses is listed with its message, and the others are not held up
by it."""

from __future__ import annotations

import socket
from pathlib import Path

from app.core.kinds import Kind
from app.db.outbox import State
from app.sandbox import SandboxServer
from tests.admin import commands_sent
from tests.clock import ManualClock
from tests.sync_harness import Harness


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_twenty_offline_actions_go_in_order_once_the_server_is_back(
    tmp_path: Path, loop
) -> None:
    server = SandboxServer(seed=9, scale=0.05, page_size=50, port=free_port())
    server.start()
    clock = ManualClock()
    harness = Harness(server, tmp_path, loop, clock=clock)
    try:
        assert harness.sync().ok
        core = harness.core
        tasks = sorted(core.store.objects.ids(Kind.TODO))[:4]
        server.stop()  # the field laptop loses its network

        notes = [f"Notat {n}" for n in range(20)]
        for n, text in enumerate(notes[:10]):
            harness.run(core.actions.post_note(Kind.TODO, tasks[n % 4], text))
        harness.run(core.actions.change_task_state(tasks[1], 7))  # the office will refuse it
        for n, text in enumerate(notes[10:], start=10):
            harness.run(core.actions.post_note(Kind.TODO, tasks[n % 4], text))
        status = harness.run(core.sender.run_once())
        assert status.pending == 21 and status.failed == 0  # kept, waiting for the network
        assert not core.monitor.online
        assert core.monitor.status().unsent == 21

        server.start()  # back online, same address
        clock.advance(600)  # past any backoff
        status = harness.run(core.sender.run_once())

        refused = core.outbox.entries(State.FAILED)
        assert [entry.command for entry in refused] == ["CreateUpdateTodo"]
        assert "not allowed" in (refused[0].server_message or "")
        # Notes on task 1 queued after the refused change wait behind it; all others went.
        waiting = {entry.params["message"]["message"] for entry in core.outbox.unsent()
                   if entry.command == "PostMessage"}
        assert waiting == {notes[n] for n in range(10, 20) if n % 4 == 1}
        sent = [c["message"]["message"] for c in commands_sent(server, "PostMessage")]
        assert sent == [text for n, text in enumerate(notes) if text not in waiting]
        assert core.monitor.online
    finally:
        harness.close()
        server.stop()
