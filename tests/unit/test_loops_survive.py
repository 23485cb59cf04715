"""Background work that fails carries on: a locked store, a callback that raises, a server that
keeps refusing a resumekey. Each failure is shown and logged once, the loop backs off, and a
later action is still sent and a later pass still runs."""

from __future__ import annotations

import asyncio
import gc
import itertools
import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from app.composition import build_core, sandbox_connection
from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.db.outbox import OutboxRepo
from app.sandbox import SandboxServer
from app.sync.actions import Actions
from app.sync.outbox import OutboxSender
from app.sync.progress import PassResult
from app.sync.scheduler import SyncScheduler
from app.sync.status import Indicator
from tests.admin import clear_log, commands_sent, fault
from tests.clock import ManualClock
from tests.store_lock import locked
from tests.sync_harness import Harness

LOCKED = "the local store is locked by another program"


@pytest.fixture
def harness(sandbox: SandboxServer, data_dir: Path, loop) -> Iterator[Harness]:
    harness = Harness(sandbox, data_dir, loop)
    assert harness.sync().ok
    clear_log(sandbox)
    yield harness
    harness.close()


async def until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def open_task(harness: Harness) -> int:
    objects = harness.core.store.objects
    return min(i for i in objects.ids(Kind.TODO)
               if not int(objects.get(Kind.TODO, i).get("isclosed") or 0))


@pytest.mark.expected_warnings("app.sync.wakeloop")
def test_the_sender_outlives_a_locked_store_and_sends_a_later_action(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    core = harness.core
    caplog.set_level(logging.DEBUG, "app.sync.wakeloop")
    task = open_task(harness)

    async def scenario() -> None:
        with locked(core.store):
            core.sender.start()  # its first round cannot write: it fails
            await until(lambda: core.monitor.status().problems)
            core.sender.wake()  # a second round fails the same way
            await until(lambda: "failed again" in caplog.text)
        status = core.monitor.status()
        assert status.problems == (
            f"Sending changes stopped: {LOCKED}. Retrying in 60 s.",)  # backing off
        assert Indicator.FAILED in status.active and status.badge(Indicator.FAILED) == "!"

        await core.actions.post_note(Kind.TODO, task, "Sendt efter låsen")  # wakes the sender
        await until(lambda: commands_sent(harness.server, "PostMessage"))
        await until(lambda: not core.monitor.status().problems)
        await core.sender.stop()

    harness.run(scenario())
    assert core.outbox.unsent_count() == 0
    assert Indicator.FAILED not in core.monitor.status().active
    tracebacks = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(tracebacks) == 1 and tracebacks[0].exc_info  # once, with its traceback


@pytest.mark.expected_warnings("app.sync.engine")
def test_a_locked_store_fails_the_pass_and_the_next_pass_runs(harness: Harness) -> None:
    engine = harness.core.engine
    with locked(harness.core.store):
        result = harness.sync()
    assert not result.ok
    assert result.message == f"Sync failed: {LOCKED[0].upper()}{LOCKED[1:]}"
    assert not engine.running  # its lock released
    assert harness.progress[-1].running is False
    assert harness.progress[-1].last_error == result.message
    assert harness.sync().ok
    assert harness.progress[-1].last_error is None


@pytest.mark.expected_warnings("app.sync.engine")
def test_an_error_in_one_loop_is_that_steps_error_and_the_others_finish(
    sandbox: SandboxServer, data_dir: Path, loop
) -> None:
    broken = [True]

    def shown(changes: ChangeSet) -> None:
        if broken[0] and changes.touches(Kind.CUSTOMER):
            raise RuntimeError("the customer list could not be refreshed")

    core = build_core(data_dir, sandbox_connection(sandbox, data_dir), on_changes=shown,
                      timeout=5.0)
    try:
        result = loop.run_until_complete(core.engine.run_pass())
        customers = core.store.cursors.get("GetCustomersByLastChange")
        assert set(result.errors) == {"GetCustomersByLastChange"}
        assert "unexpected error (RuntimeError)" in result.errors["GetCustomersByLastChange"]
        assert customers.changedate == "1970-01-01"  # the failed loop's cursor did not move
        assert core.store.cursors.get("GetTodosByLastChange").changedate != "1970-01-01"

        broken[0] = False
        assert loop.run_until_complete(core.engine.run_pass()).ok
    finally:
        loop.run_until_complete(core.aclose())


@pytest.mark.expected_warnings("app.sync.engine")
def test_a_resumekey_refused_again_ends_the_loop_instead_of_looping(harness: Harness) -> None:
    fault(harness.server, "refuse_resumekey", command="GetCustomersByLastChange", times=1000)
    harness.core.store.write_blocking(
        harness.core.store.cursors.restart, "GetCustomersByLastChange", phase="initial")

    async def bounded() -> PassResult:
        async with asyncio.timeout(10):  # today: about 100 requests a second, for ever
            return await harness.core.engine.run_pass()

    result = harness.run(bounded())
    pages = commands_sent(harness.server, "GetCustomersByLastChange")
    # page 1, page 2 refused; restart: page 1, page 2 refused again: the loop ends.
    assert [("resumekey" in page) for page in pages] == [False, True, False, True]
    assert set(result.errors) == {"GetCustomersByLastChange"}
    assert "refused twice" in result.errors["GetCustomersByLastChange"]
    assert "Invalid resumekey" in result.errors["GetCustomersByLastChange"]


@pytest.mark.expected_warnings("app.sync.engine")
def test_failed_passes_back_off_and_sync_now_still_runs_at_once(harness: Harness) -> None:
    passes: list[tuple[float, PassResult]] = []
    loop = harness.loop
    scheduler = SyncScheduler(
        harness.core.engine, interval_minutes=60, first_retry_seconds=0.2,
        on_pass=lambda result: passes.append((loop.time(), result)),
    )
    fault(harness.server, "http_500", command="GetMobileAppSettings", times=1000)

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: len(passes) == 4)  # at start, then after 0.2, 0.4 and 0.8 s
        asked = loop.time()
        scheduler.request()  # Sync now: at once, not after the next 1.6 s
        await until(lambda: len(passes) == 5)
        assert passes[-1][0] - asked < 0.5
        httpx.delete(f"{harness.server.base_url}/_sandbox/faults").raise_for_status()
        scheduler.request()
        await until(lambda: len(passes) == 6)
        await scheduler.stop()

    harness.run(scenario())
    gaps = [later - earlier for (earlier, _), (later, _) in itertools.pairwise(passes[:4])]
    for gap, backoff in zip(gaps, [0.2, 0.4, 0.8], strict=True):
        assert backoff - 0.02 <= gap < backoff + 0.5  # the wait, plus a failing pass
    assert [result.ok for _, result in passes] == [False] * 5 + [True]


@pytest.mark.expected_warnings("app.sync.wakeloop")
def test_a_pass_callback_that_raises_does_not_stop_the_scheduler(harness: Harness) -> None:
    passes: list[PassResult] = []
    errors: list[object] = []

    def on_pass(result: PassResult) -> None:
        passes.append(result)
        if len(passes) == 1:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")

    scheduler = SyncScheduler(harness.core.engine, interval_minutes=60, on_pass=on_pass,
                              on_error=errors.append)

    async def scenario() -> None:
        scheduler.start()
        await until(lambda: errors)
        scheduler.request()
        await until(lambda: len(passes) == 2 and len(errors) == 2)
        await scheduler.stop()

    harness.run(scenario())
    failed, cleared = errors
    assert failed.reason == "a number from the server is too large to store"  # type: ignore[union-attr]
    assert cleared is None


def test_a_read_that_fails_leaves_nothing_waiting_and_the_next_read_runs(
    harness: Harness
) -> None:
    loader = harness.core.loader
    today = date.today()

    def calendar() -> asyncio.Future[ChangeSet]:
        return asyncio.ensure_future(loader.calendar(today, today))

    async def scenario() -> list[object]:
        with locked(harness.core.store):
            with pytest.raises(Exception, match="database is locked"):
                await calendar()  # alone: its error is its caller's, nothing else holds it
            outcomes = await asyncio.gather(calendar(), calendar(), return_exceptions=True)
        gc.collect()  # an error left unretrieved in a shared future would be logged here
        # A caller waiting for a read whose own caller is cancelled (a page closed) reads it.
        fault(harness.server, "delay", delay=0.5, command="GetEventsByUserAndDate")
        owner = calendar()
        await asyncio.sleep(0.1)
        waiter = calendar()
        await asyncio.sleep(0.1)
        owner.cancel()
        await waiter
        assert loader.is_fresh(f"events.{today}.{today}")
        return outcomes

    outcomes = harness.run(scenario())
    assert all("database is locked" in str(outcome) for outcome in outcomes), outcomes


@pytest.mark.expected_warnings("app.sync.wakeloop")
def test_an_entry_a_failed_round_left_sending_is_read_back_and_sent_once(
    harness: Harness
) -> None:
    """The round fails between marking the entry "sending" and sending it: the next round
    treats it as after a crash (read back: not there), and sends it once."""
    statuses: list[object] = []

    def on_status(status: object) -> None:
        statuses.append(status)
        if len(statuses) == 1:
            raise RuntimeError("the indicator could not be updated")

    store = harness.core.store
    sender = OutboxSender(harness.core.client, store, ManualClock(), on_status=on_status)
    actions = Actions(store, ManualClock(), on_outbox_changed=sender.wake)
    task = open_task(harness)

    async def scenario() -> None:
        await actions.post_note(Kind.TODO, task, "Sendt efter fejlen")
        sender.start()
        await until(lambda: statuses)  # the first round failed with the entry "sending"
        sender.wake()
        await until(lambda: OutboxRepo.of(store).unsent_count() == 0)
        await sender.stop()

    harness.run(scenario())
    notes = [c["message"]["message"] for c in commands_sent(harness.server, "PostMessage")]
    assert notes == ["Sendt efter fejlen"]
