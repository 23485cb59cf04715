"""When passes run: at start, every interval, on demand, after user actions; never two at once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.sync.progress import PassResult
from app.sync.scheduler import SyncScheduler
from tests.sync_harness import Harness


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    yield harness
    harness.close()


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def scheduler_for(harness: Harness, passes: list[PassResult], **options: float) -> SyncScheduler:
    return SyncScheduler(harness.core.engine, on_pass=passes.append, **options)


def test_requests_during_a_pass_fold_into_one_more_pass(harness: Harness) -> None:
    passes: list[PassResult] = []
    scheduler = scheduler_for(harness, passes, interval_minutes=60)

    async def scenario() -> None:
        scheduler.start()  # the pass at start
        await until(lambda: harness.core.engine.running)
        for _ in range(3):
            scheduler.request()
        await until(lambda: len(passes) == 2)
        await asyncio.sleep(0.5)  # nothing more is coming
        await scheduler.stop()

    harness.run(scenario())
    assert len(passes) == 2 and all(result.ok for result in passes)


def test_actions_in_a_burst_share_one_pass_shortly_after(harness: Harness) -> None:
    passes: list[PassResult] = []
    scheduler = scheduler_for(harness, passes, interval_minutes=60, after_action_seconds=0.2)

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: len(passes) == 1)
        scheduler.request_soon()
        scheduler.request_soon()
        await asyncio.sleep(0.1)
        assert len(passes) == 1  # not yet: it waits for the burst to end
        await until(lambda: len(passes) == 2)
        await asyncio.sleep(0.4)
        await scheduler.stop()

    harness.run(scenario())
    assert len(passes) == 2


def test_passes_repeat_every_interval(harness: Harness) -> None:
    passes: list[PassResult] = []
    scheduler = scheduler_for(harness, passes, interval_minutes=0.3 / 60)

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: len(passes) >= 3)
        await scheduler.stop()

    harness.run(scenario())
    assert len(passes) >= 3


def test_stop_cancels_a_waiting_action_pass(harness: Harness) -> None:
    passes: list[PassResult] = []
    scheduler = scheduler_for(harness, passes, interval_minutes=60, after_action_seconds=0.3)

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: len(passes) == 1)
        scheduler.request_soon()
        await scheduler.stop()
        await asyncio.sleep(0.5)

    harness.run(scenario())
    assert len(passes) == 1


def test_while_the_login_is_refused_only_sync_now_sends_a_pass(harness: Harness) -> None:
    """Timed and after-action passes would be refused with the old password again (and could
    lock the account): they wait; Sync now, or the new password, still asks the server."""
    passes: list[PassResult] = []
    refused = [False]
    scheduler = SyncScheduler(harness.core.engine, on_pass=passes.append,
                              interval_minutes=0.2 / 60, after_action_seconds=0.05,
                              held=lambda: refused[0])

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: len(passes) == 1)
        refused[0] = True
        scheduler.request_soon()
        await asyncio.sleep(1.0)  # five intervals and an action later
        assert len(passes) == 1
        scheduler.request()  # Sync now
        await until(lambda: len(passes) == 2)
        refused[0] = False
        await until(lambda: len(passes) >= 3)  # the interval runs again
        await scheduler.stop()

    harness.run(scenario())
