"""Reads made when a page opens: what they fetch, where it lands, and the 60-second window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.core.kinds import Kind
from app.sandbox import SandboxServer
from app.sync.keys import calendar_key
from tests.admin import clear_log, commands_sent
from tests.clock import ManualClock
from tests.server_data import server_objects
from tests.sync_harness import Harness


@pytest.fixture
def synced(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop, clock=ManualClock())
    assert harness.sync().ok
    clear_log(sandbox)
    yield harness
    harness.close()


def test_a_read_within_a_minute_is_not_sent_again(synced: Harness) -> None:
    loader, clock = synced.core.loader, synced.clock
    assert isinstance(clock, ManualClock)
    customer = min(synced.local_ids(Kind.CUSTOMER))
    synced.run(loader.tools_of_customers([customer]))
    synced.run(loader.tools_of_customers([customer]))
    clock.advance(59)
    synced.run(loader.tools_of_customers([customer]))
    assert len(commands_sent(synced.server, "GetToolsByField")) == 1
    clock.advance(2)
    synced.run(loader.tools_of_customers([customer]))
    assert len(commands_sent(synced.server, "GetToolsByField")) == 2


def test_two_pages_opening_at_once_share_one_request(synced: Harness) -> None:
    task = min(synced.local_ids(Kind.TODO))
    loader = synced.core.loader

    async def both() -> None:
        await asyncio.gather(loader.product_use_of_task(task), loader.product_use_of_task(task))

    synced.run(both())
    assert len(commands_sent(synced.server, "GetProductUseByTodoID")) == 1


def test_equipment_of_a_customer_arrives_with_what_we_hold_as_knowntools(
    synced: Harness,
) -> None:
    tools = server_objects(synced.server, Kind.TOOL)
    customer = next(t["placeofhome"] for t in tools if t.get("placeofhome"))
    synced.run(synced.core.loader.tools_of_customers([customer]))
    sent = commands_sent(synced.server, "GetToolsByField")[0]
    assert (sent["field"], sent["value"]) == ("custref", str(customer))
    held = synced.core.store.objects
    at_customer = {t["id"] for t in held.find(Kind.TOOL, placeofhome=customer)}
    at_customer |= {t["id"] for t in held.find(Kind.TOOL, customerid=customer)}
    assert {k["id"] for k in sent["knowntools"]} <= at_customer
    assert at_customer  # the company's equipment is now offline


def test_product_use_of_a_task_replaces_what_we_held(synced: Harness) -> None:
    server_lines = [u for u in server_objects(synced.server, Kind.PRODUCTUSE)
                    if u.get("todoid") and not u.get("isdeleted")]
    task = server_lines[0]["todoid"]
    store = synced.core.store
    store.write_blocking(store.objects.ingest, Kind.PRODUCTUSE,
                         [{"id": 999_999, "todoid": task, "producttext": "stale"}])
    synced.run(synced.core.loader.product_use_of_task(task))
    local = {u["id"] for u in store.objects.find(Kind.PRODUCTUSE, todoid=task)}
    assert local == {u["id"] for u in server_lines if u["todoid"] == task}


def test_opening_a_thread_reads_its_messages(synced: Harness) -> None:
    thread = next(t for t in server_objects(synced.server, Kind.THREAD) if t.get("messages"))
    synced.run(synced.core.loader.thread_messages(thread["id"]))
    sent = commands_sent(synced.server, "GetThreadByID")[0]
    assert sent == {"command": "GetThreadByID", "threadid": thread["id"], "exclmessages": 0}
    stored = synced.core.store.objects.get(Kind.THREAD, thread["id"])
    assert stored and len(stored["messages"]) == len(thread["messages"])


def test_calendar_days_are_kept_per_day(synced: Harness) -> None:
    today = date.today()
    synced.run(synced.core.loader.calendar(today, today + timedelta(days=6)))
    settings = synced.core.store.settings
    for offset in range(7):
        day = today + timedelta(days=offset)
        assert isinstance(settings.get(calendar_key("events", day)), list)
        assert isinstance(settings.get(calendar_key("production", day)), list)
    week = [settings.get(calendar_key("production", today + timedelta(days=n))) for n in range(7)]
    assert all(entry["userid"] == synced.server.state.demo_user_id
               for day in week for entry in day)
