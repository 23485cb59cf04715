"""Notices of what the office changed in the technician's tasks (Planado's three cases)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from app.core.kinds import Kind
from app.sandbox import SandboxServer
from app.sync.notices import TaskNotice, TaskWatcher
from tests.sync_harness import Harness


@dataclass
class Watched:
    harness: Harness
    watcher: TaskWatcher
    notices: list[TaskNotice]


@pytest.fixture
def watched(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Watched]:
    harness = Harness(sandbox, data_dir, loop)
    notices: list[TaskNotice] = []
    watcher = TaskWatcher(harness.core.store, notices.append)
    assert harness.sync().ok
    for changes in harness.changes:
        watcher.changes(changes)
    assert notices == []  # the initial configuration announces nothing
    watcher.pass_finished(True)
    harness.changes.clear()
    yield Watched(harness, watcher, notices)
    harness.close()


def dispatch(server: SandboxServer, method: str, path: str, **body: object) -> dict:
    reply = httpx.request(method, f"{server.base_url}/_sandbox/objects/{path}", json=body or None)
    reply.raise_for_status()
    return reply.json()


def sync_and_watch(watched: Watched) -> None:
    assert watched.harness.sync().ok
    for changes in watched.harness.changes:
        watched.watcher.changes(changes)
    watched.harness.changes.clear()


def test_a_new_task_for_me_a_state_change_and_a_change_are_announced(watched: Watched) -> None:
    harness, notices = watched.harness, watched.notices
    server, user = harness.server, harness.server.state.demo_user_id
    soon = (date.today() + timedelta(days=2)).isoformat()
    mine = [t for t in harness.core.store.objects.find(Kind.TODO) if t["userid"] == user]
    new = dispatch(server, "POST", "todo", title="Akut: lækage", userid=user, nextaction=soon,
                   enddate=soon, customerid=mine[0]["customerid"], stateid=1)
    new_state = 2 if mine[0]["stateid"] != 2 else 3
    dispatch(server, "PATCH", f"todo/{mine[0]['id']}", stateid=new_state)
    dispatch(server, "PATCH", f"todo/{mine[1]['id']}", description="Ny adgangskode til porten")
    sync_and_watch(watched)

    by_task = {notice.todo_id: notice for notice in notices}
    assert by_task[new["id"]].title == "New task for you"
    assert "Akut: lækage" in by_task[new["id"]].english_text
    assert by_task[mine[0]["id"]].title == "Task state changed"
    assert by_task[mine[1]["id"]].title == "Task changed"


def test_changes_to_other_peoples_tasks_are_not_announced(watched: Watched) -> None:
    harness, notices = watched.harness, watched.notices
    user = harness.server.state.demo_user_id
    others = [t for t in harness.core.store.objects.find(Kind.TODO) if t["userid"] != user
              and user not in (t.get("additionaluserids") or [])]
    dispatch(harness.server, "PATCH", f"todo/{others[0]['id']}", title="Kun for teamet")
    sync_and_watch(watched)
    assert notices == []


def test_many_at_once_become_one_summary(watched: Watched) -> None:
    harness, notices = watched.harness, watched.notices
    user = harness.server.state.demo_user_id
    mine = [t for t in harness.core.store.objects.find(Kind.TODO) if t["userid"] == user]
    assert len(mine) >= 4
    for task in mine[:4]:
        dispatch(harness.server, "PATCH", f"todo/{task['id']}", description="Opdateret")
    sync_and_watch(watched)
    assert [(n.todo_id, n.title) for n in notices] == [(0, "Your tasks changed")]
