"""A dispatcher's change in the back office shows in the app after the next normal sync, and
only that change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from app.core.kinds import Kind
from app.sandbox import SandboxServer
from tests.sync_harness import Harness


@pytest.fixture
def synced(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    harness.changes.clear()
    yield harness
    harness.close()


def admin(server: SandboxServer, method: str, path: str, **body: object) -> dict:
    reply = httpx.request(method, f"{server.base_url}/_sandbox/objects/{path}",
                          json=body or None)
    reply.raise_for_status()
    return reply.json()


def test_new_changed_and_deleted_tasks_and_a_deactivated_customer(synced: Harness) -> None:
    server = synced.server
    user = server.state.demo_user_id
    mine = sorted(synced.local_ids(Kind.TODO))
    customers = sorted(synced.local_ids(Kind.CUSTOMER))
    soon = (date.today() + timedelta(days=3)).isoformat()
    new = admin(server, "POST", "todo", title="Ny opgave fra dispatcher", userid=user,
                customerid=customers[0], nextaction=soon, enddate=soon, stateid=1)
    admin(server, "PATCH", f"todo/{mine[0]}", title="Ændret af dispatcher")
    admin(server, "DELETE", f"todo/{mine[1]}")
    admin(server, "POST", f"customer/{customers[1]}/deactivate")

    assert synced.sync().ok

    assert synced.changed(Kind.TODO) == ({new["id"]}, {mine[0]}, {mine[1]})
    assert synced.changed(Kind.CUSTOMER) == (set(), set(), {customers[1]})
    for kind in (Kind.PERSON, Kind.TOOL, Kind.PRODUCT, Kind.PROCEDURE, Kind.RELATION):
        assert synced.changed(kind) == (set(), set(), set()), kind
    store = synced.core.store.objects
    assert store.get(Kind.TODO, mine[0])["title"] == "Ændret af dispatcher"
    assert store.get(Kind.TODO, new["id"])["title"] == "Ny opgave fra dispatcher"
    assert customers[1] not in synced.local_ids(Kind.CUSTOMER)
