"""An action survives the app being killed at each step of sending: after a restart it
reaches the server exactly once and the local state matches the server's."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from app.api.writes import WRITE_COMMANDS
from app.composition import build_core, sandbox_connection
from app.core.callbacks import ignore
from app.core.clock import SystemClock
from app.core.kinds import Kind
from app.db import Store
from app.db.outbox import Entry, OutboxRepo, State
from app.sandbox import SandboxServer
from app.sync.actions import Actions
from app.sync.outbox import OutboxSender
from tests.admin import change_object, commands_sent, fault


def driver(server: SandboxServer, data_dir: Path, *args: str) -> subprocess.Popen[str]:
    creds = server.credentials
    return subprocess.Popen(
        [sys.executable, "-m", "tests.outbox_driver", str(data_dir), server.url,
         creds.contract, creds.username, *args],
        env=secrets_env(server), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def secrets_env(server: SandboxServer) -> dict[str, str]:
    """The driver reads the secrets from the environment, as `fieldclient sync` does."""
    creds = server.credentials
    return {**os.environ, "FIELDCLIENT_PASSWORD": creds.password,
            "FIELDCLIENT_APIKEY": creds.apikey}


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    """Its exit status (negative: killed by that signal) and what it said on stderr."""
    _, errors = process.communicate(timeout=60)
    return process.returncode, errors


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def free_tool(server: SandboxServer) -> int:
    return next(
        tool["id"] for tool in server.state.store("tool").objects()
        if not tool.get("carrier_userid") and not tool.get("isdeleted")
        and tool.get("isactive", 1) and not tool.get("placeofhome")
    )


def carrier_on_server(server: SandboxServer, tool: int) -> int:
    return int(server.state.store("tool").get(tool)["carrier_userid"] or 0)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("step", ["before_request", "server_applied", "after_response"])
def test_a_killed_send_reaches_the_server_exactly_once(
    sandbox: SandboxServer, tmp_path: Path, step: str
) -> None:
    code, errors = finish(driver(sandbox, tmp_path, "--sync"))
    assert code == 0, errors
    tool, user = free_tool(sandbox), sandbox.state.demo_user_id

    if step == "server_applied":
        # The server applies the call, then the app dies before the answer comes.
        fault(sandbox, "delay", delay=2.0, command="PickupTool")
        process = driver(sandbox, tmp_path, "--pick-up", str(tool))
        wait_for(lambda: carrier_on_server(sandbox, tool) == user
                 or bool(commands_sent(sandbox, "PickupTool")))
        process.kill()
        assert finish(process)[0] < 0
        wait_for(lambda: carrier_on_server(sandbox, tool) == user)
        httpx.delete(f"{sandbox.base_url}/_sandbox/faults").raise_for_status()
    else:
        code, errors = finish(driver(sandbox, tmp_path, "--pick-up", str(tool), "--die", step))
        assert code < 0, errors

    sent_before_restart = len(commands_sent(sandbox, "PickupTool"))
    assert sent_before_restart == (0 if step == "before_request" else 1)
    code, errors = finish(driver(sandbox, tmp_path))  # the restarted app settles and sends
    assert code == 0, errors

    assert len(commands_sent(sandbox, "PickupTool")) == 1
    assert carrier_on_server(sandbox, tool) == user
    store = Store.in_dir(tmp_path)
    try:
        assert store.objects.get(Kind.TOOL, tool)["carrier_userid"] == user
        entries = OutboxRepo.of(store).entries()
        assert [entry.state for entry in entries] == [State.DONE]
    finally:
        store.close()


# -- the crash-point walk: a mixed queue, killed before each step of sending ---------------------
#
# A step is each store commit and each request the sender makes (its `on_step`). For every N the
# app is killed just before step N, restarted on the same folder and left to finish; then every
# action must be on the server exactly once: each write's clientrequestid in the server's request
# log once (nothing doubled) and its effect in the server's data (nothing lost).
#
# A photo whose answer is lost cannot be read back: it ends in doubt and the technician decides
# (the failed-calls page says how). "Exactly once" for a photo means the technician's choice: the
# photo is in the task's documents → Discard, not there → Retry. The walk makes that choice.

PHOTO_TITLE = "Måler efter"


class MixedQueue:
    """The objects the mixed queue is about, the same on every freshly seeded sandbox."""

    def __init__(self, server: SandboxServer, store: Store) -> None:
        state = server.state
        self.user = state.demo_user_id
        local = {kind: set(store.objects.ids(kind)) for kind in (Kind.TODO, Kind.TOOL,
                                                                   Kind.STODO)}
        tasks = sorted(t["id"] for t in state.store("todo").objects()
                       if t["id"] in local[Kind.TODO] and not t.get("isclosed")
                       and not t.get("checkpoints") and int(t["stateid"]) in (1, 2, 3, 4))
        self.task, self.other_task = tasks[:2]
        self.state_from = int(state.store("todo").get(self.other_task)["stateid"])
        self.tool = min(t["id"] for t in state.store("tool").objects()
                        if t["id"] in local[Kind.TOOL] and not t.get("carrier_userid"))
        self.done_reminder, self.snoozed_reminder = sorted(
            s["id"] for s in state.where("stodo", userid=self.user)
            if s["id"] in local[Kind.STODO])[:2]
        self.snoozed_from = _when(state.store("stodo").get(self.snoozed_reminder))

    async def queue(self, actions: Actions, outbox: OutboxRepo) -> None:
        await actions.pick_up_tool(self.tool, 55.68, 12.57)
        await actions.post_note(Kind.TODO, self.task, "OK")
        await actions.post_note(Kind.TODO, self.task, "OK")
        await actions.change_task_state(self.other_task, self.state_from + 1)
        await actions.accept_reminder(self.done_reminder)
        await actions.postpone_reminder(self.snoozed_reminder, 30)
        await actions.check_in(Kind.TODO, self.task, 55.68, 12.57)
        await actions.check_out(55.68, 12.57)
        await actions.set_down_tool(self.tool, 55.68, 12.57)
        await actions.attach_photo(Kind.TODO, self.task, PHOTO_TITLE, b"\xff\xd8\xff\xe0jpeg")
        self.request_ids = [entry.request_id for entry in outbox.unsent()]

    def assert_on_server_exactly_once(self, server: SandboxServer) -> None:
        writes = [c for c in commands_sent(server) if c["command"] in WRITE_COMMANDS]
        sent = Counter(c["clientrequestid"] for c in writes)
        assert sent == Counter(self.request_ids), "an action was lost or doubled"
        state = server.state
        notes = [m for t in state.where("thread", objectid=self.task) for m in t["messages"]
                 if m["message"] == "OK" and m["userid"] == self.user]
        assert len(notes) == 2
        assert int(state.store("todo").get(self.other_task)["stateid"]) == self.state_from + 1
        assert state.store("stodo").get(self.done_reminder)["isdeleted"]
        assert _when(state.store("stodo").get(self.snoozed_reminder)) > self.snoozed_from
        mine = [c for c in state.where("checkin", userid=self.user) if c["todoid"] == self.task]
        assert [c["ischeckedin"] for c in mine] == [0]
        tool = state.store("tool").get(self.tool)
        assert (tool["carrier_userid"], tool["latitude"]) == (0, 55.68)
        assert len(_photos(server, self.task)) == 1


def _when(reminder: dict) -> str:
    return f"{reminder['date']} {reminder['time']}"


def _photos(server: SandboxServer, task: int) -> list[dict]:
    return [d for d in server.state.store("document").objects()
            if d["modcode"] == "todo" and d["objectid"] == task and d["title"] == PHOTO_TITLE]


@contextmanager
def fresh_sandbox(now: datetime) -> Iterator[SandboxServer]:
    """The same seeded server each time, started as the template's folder last saw it: the
    demo technician's check-in of the day already checked out."""
    with SandboxServer(seed=7, scale=0.05, page_size=20, clock=lambda: now) as server:
        for checkin in server.state.where("checkin", userid=server.state.demo_user_id):
            change_object(server, "checkin", checkin["id"], ischeckedin=0)
        yield server


def restart_and_finish(server: SandboxServer, folder: Path, queue: MixedQueue,
           on_step: Callable[[str], None] = ignore) -> list[Entry]:
    """The restarted app sends what is left; the technician settles the photo in doubt."""
    loop = asyncio.new_event_loop()
    core = build_core(folder, sandbox_connection(server, folder), timeout=10)
    try:
        sender = OutboxSender(core.client, core.store, SystemClock(), on_step=on_step)
        loop.run_until_complete(sender.run_once())
        for entry in core.outbox.entries(State.IN_DOUBT):
            assert entry.command == "AddPhotoToTodo", entry
            decide = core.actions.discard if _photos(server, queue.task) else core.actions.retry
            loop.run_until_complete(decide(entry.id))
        loop.run_until_complete(sender.run_once())
        return core.outbox.entries()
    finally:
        loop.run_until_complete(core.aclose())
        loop.close()


@pytest.mark.timeout(600)
def test_killed_before_every_step_of_a_mixed_queue_each_action_arrives_once(
    tmp_path: Path,
) -> None:
    now = datetime.now().replace(microsecond=0)
    template = tmp_path / "template"
    with fresh_sandbox(now) as server:
        loop = asyncio.new_event_loop()
        core = build_core(template, sandbox_connection(server, template), timeout=10)
        try:
            assert loop.run_until_complete(core.engine.run_pass()).ok
            queue = MixedQueue(server, core.store)
            loop.run_until_complete(queue.queue(core.actions, core.outbox))
        finally:
            loop.run_until_complete(core.aclose())
            loop.close()

    steps: list[str] = []
    with fresh_sandbox(now) as server:  # uninterrupted: how many steps there are
        shutil.copytree(template, tmp_path / "whole")
        entries = restart_and_finish(server, tmp_path / "whole", queue, steps.append)
        assert [e.state for e in entries] == [State.DONE] * 10
        queue.assert_on_server_exactly_once(server)

    log = tmp_path / "driver.log"
    with log.open("w") as errors, subprocess.Popen(  # one driver forks a killable app per N
        [sys.executable, "-m", "tests.outbox_driver", "--serve", server.credentials.contract,
         server.credentials.username],
        env=secrets_env(server), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors,
        text=True,
    ) as drivers:
        for number in range(len(steps)):
            folder = tmp_path / f"killed-{number}"
            shutil.copytree(template, folder)
            with fresh_sandbox(now) as server:
                drivers.stdin.write(f"{folder} {server.url} {number}\n")
                drivers.stdin.flush()
                code = int(drivers.stdout.readline())
                assert code == -signal.SIGKILL, (number, steps[number], log.read_text())
                entries = restart_and_finish(server, folder, queue)
                assert {e.state for e in entries} == {State.DONE}, (number, steps[number])
                queue.assert_on_server_exactly_once(server)
        drivers.stdin.close()
