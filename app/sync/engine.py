"""The sync engine: one pass runs the plan of app/sync/plan.py.

Rules from the app sync guide, kept here:
- GetMobileAppSettings is the first call of every pass; its functions decide the plan.
- …ByLastChange calls are never combined; up to MAX_CONCURRENT_LOOPS run at once.
- A loop pages with resumekey. Each page's objects and the resumekey are committed in one
  transaction, so a killed process resumes from the last committed page.
- The next cursor is the server's date/time of the loop's first page, never the local clock,
  and it moves only when the loop completes. (The first page, not the last: a change made while
  we page is then read again next time rather than missed.)
- A resumekey the server refuses restarts its loop once; a second refusal in the same pass ends
  that loop with an error (a server that forgot every key would otherwise be asked forever).
- Any error in a step, expected or not (a locked store, a full disk), is that step's error: the
  other steps finish, the failed loop's cursor does not move, and the pass reports it. A login
  the server refused is also reported apart (`SyncProgress.login_refused`): only the
  technician can fix it, with the new password.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from app.api import Client, Command, Response
from app.api.setup_shapes import MobileAppSettings, read_mobile_app_settings
from app.api.shapes import Page, read_page
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.errors import CommandRefused, EnvelopeRefused, FieldClientError, MalformedData
from app.core.texts import QT_TRANSLATE_NOOP
from app.core.values import as_moment
from app.db import Store
from app.db.cursors import Cursor
from app.sync.actions import reapply_unsent
from app.sync.estimate import TimeLeft
from app.sync.failures import FailureLog
from app.sync.keys import LAST_SUCCESS_KEY, SETUP_READ_KEY, dated_key
from app.sync.loader import Loader
from app.sync.plan import (
    COMPANY_TOOLS_STEP,
    DATED_STEPS,
    FIRST_CALLS,
    LOOPS,
    MAX_CONCURRENT_LOOPS,
    SETUP_CALLS,
    SETUP_EVERY_SECONDS,
    DatedStep,
    LoopStep,
)
from app.sync.progress import PassResult, StepProgress, SyncProgress
from app.sync.setup import store_setup
from app.sync.step_log import FIRST_CALLS_STEP, SETUP_CALLS_STEP, StepLog, StepRun

log = logging.getLogger(__name__)


class SyncEngine:
    def __init__(
        self,
        client: Client,
        store: Store,
        clock: Clock,
        *,
        loader: Loader | None = None,
        on_changes: Callable[[ChangeSet], None] | None = None,
        on_progress: Callable[[SyncProgress], None] | None = None,
        loops: Sequence[LoopStep] = LOOPS,
    ) -> None:
        self._client = client
        self._store = store
        self._clock = clock
        self._on_changes = on_changes or ignore
        self._on_progress = on_progress or ignore
        self._loader = loader or Loader(client, store, clock, self._on_changes)
        self._loops = loops
        self._lock = asyncio.Lock()
        self._time_left = TimeLeft((), MAX_CONCURRENT_LOOPS)
        self._first_stamp: dict[str, datetime] = {}
        self._failures = FailureLog(log)
        self._login_refused: str | None = None  # this pass's, when the server refused it
        self._progress = SyncProgress(last_success=store.settings.get(LAST_SUCCESS_KEY))
        self._step_log = StepLog(store)
        self._runs: dict[str, StepRun] = {}  # this pass's steps, kept when it ends
        self._lookups_indexed = False  # made sure of, by a committed write of this process

    @property
    def progress(self) -> SyncProgress:
        return self._progress

    @property
    def running(self) -> bool:
        return self._lock.locked()

    async def run_pass(self) -> PassResult:
        """One full pass. Never two at once: a second caller waits for the first to end."""
        async with self._lock:
            started = self._now()
            self._login_refused = None
            self._runs = {}
            try:
                return await self._pass(started)
            except Exception as error:  # e.g. the end of pass's own write: the pass failed
                return self._finish_failed(started, {}, {"pass": self._failed("pass", error)})

    async def _pass(self, started: str) -> PassResult:
        self._report(running=True, activity=QT_TRANSLATE_NOOP("SyncActivity", "Reading settings"),
                     steps=(), last_error=None, seconds_left=None)
        began = self._clock.monotonic()
        setup = self._setup_due()
        try:
            settings = await self._first_request(setup)
        except Exception as error:
            key = "GetMobileAppSettings"
            failure = self._failed(key, error)
            self._ran(FIRST_CALLS_STEP, began, failure, also=SETUP_CALLS_STEP if setup else None)
            return await self._finish(started, {}, {key: failure})
        self._ran(FIRST_CALLS_STEP, began, None, also=SETUP_CALLS_STEP if setup else None)

        loops = [step for step in self._loops if step.applies(settings)]
        dated = self._due_dated_steps()
        self._time_left = TimeLeft([step.key for step in loops], MAX_CONCURRENT_LOOPS)
        self._report(
            activity=QT_TRANSLATE_NOOP("SyncActivity", "Synchronising"),
            steps=(*(StepProgress(step.key, step.label) for step in loops),
                   *(StepProgress(step.key, step.label) for step in dated)),
        )
        gate = asyncio.Semaphore(MAX_CONCURRENT_LOOPS)
        outcomes = await asyncio.gather(*(self._run_loop(step, gate) for step in loops))
        received = {step.key: count for step, (count, _, _) in zip(loops, outcomes, strict=True)}
        errors = {step.key: err for step, (_, err, _) in zip(loops, outcomes, strict=True) if err}
        if not self._lookups_indexed:
            # After the loops, whose pages a first sync writes faster without them, and before
            # the steps after them look related objects up (ObjectRepo.index_lookups).
            await self._store.write(self._store.objects.index_lookups)
            self._lookups_indexed = True

        companies = [company for _, _, ids in outcomes for company in ids]
        if companies:
            began = self._clock.monotonic()
            try:
                await self._loader.tools_of_customers(companies)
            except Exception as error:
                errors[COMPANY_TOOLS_STEP] = self._failed(COMPANY_TOOLS_STEP, error)
            self._ran(COMPANY_TOOLS_STEP, began, errors.get(COMPANY_TOOLS_STEP))
        covered: set[tuple[str, int]] = set()
        for step in dated:
            message = await self._run_dated(step, covered)
            if message:
                errors[step.key] = message
        return await self._finish(started, received, errors)

    # -- the first request: settings, custom fields, check-in, setup when due -------------------

    async def _first_request(self, setup: bool) -> MobileAppSettings:
        calls = (*FIRST_CALLS, *(SETUP_CALLS if setup else ()))
        response = await self._client.send([Command(call.command) for call in calls])
        settings = response.results[0].raise_for_status()
        now = self._now()
        changes = await self._store.write(self._store_first, calls, response, now)
        if changes:
            self._on_changes(changes)
        return read_mobile_app_settings(settings.data)

    def _store_first(self, calls: Sequence[Any], response: Response, now: str) -> ChangeSet:
        changes = store_setup(self._store, calls, response.results, now)
        if len(calls) > len(FIRST_CALLS):
            self._store.settings.put(SETUP_READ_KEY, now)
        return changes

    def _setup_due(self) -> bool:
        last = self._store.settings.get(SETUP_READ_KEY)
        if not last:
            return True
        age = self._clock.now() - datetime.fromisoformat(last)
        return not timedelta(0) <= age < timedelta(seconds=SETUP_EVERY_SECONDS)

    # -- …ByLastChange loops -------------------------------------------------------------------

    async def _run_loop(
        self, step: LoopStep, gate: asyncio.Semaphore
    ) -> tuple[int, str | None, list[int]]:
        """Page through one loop; returns (objects received, error or None, companies)."""
        received = 0
        companies: list[int] = []
        restarted = False
        ahead = _Ahead(self._client)
        async with gate:
            began = self._clock.monotonic()
            try:
                # Read here once; each page's transaction hands back the cursor it committed,
                # so the loop's thread (the window's) runs no query of its own per page.
                cursor = self._store.cursors.get(step.key)
                while True:
                    phase = cursor.phase
                    command = step.command.page(
                        cursor.changedate, cursor.changetime, cursor.resumekey, step.params(phase)
                    )
                    try:
                        response = await ahead.take(command)
                        result = response.results[0].raise_for_status()
                    except CommandRefused as refused:
                        if cursor.resumekey is None:
                            raise
                        if restarted:
                            raise FieldClientError(
                                f"The server refused twice to continue reading {step.label} "
                                f"({refused.server_message}); it is read again at the next sync"
                            ) from None
                        # A resumekey the server no longer knows: start the loop again from
                        # its cursor (re-reading is safe, upserts are idempotent).
                        log.info("%s: resumekey refused; restarting the loop", step.key)
                        cursor = await self._store.write(self._store.cursors.drop_resumekey,
                                                         step.key)
                        restarted = True
                        continue
                    _check_stamp(response)
                    page = read_page(step.command, result)
                    if page.resumekey:
                        # The next page is asked for while this one is written: its command is
                        # known now (the same cursor, the page's resumekey), and `take` uses
                        # its answer only if the cursor committed with this page asks for it.
                        ahead.send(step.command.page(cursor.changedate, cursor.changetime,
                                                     page.resumekey, step.params(phase)))
                    changes, loop_done, cursor = await self._store.write(
                        self._commit_page, step, phase, page, response
                    )
                    received += len(page.objects)
                    if step.reads_companies:
                        companies.extend(page.customerids)
                    if changes:
                        self._on_changes(changes)
                    self._step_progress(step.key, pages=1, objects=len(page.objects),
                                        fraction=self._fraction(step, page, response))
                    if loop_done:
                        break
            except Exception as error:
                message = self._failed(step.key, error)
                try:
                    await self._store.write(self._store.cursors.failed, step.key, message)
                except Exception as unrecorded:  # the store itself failed: the pass says it
                    log.debug("%s: its failure was not recorded: %s", step.key, unrecorded)
                self._step_progress(step.key, error=message)
                self._ran(step.key, began, message)
                return received, message, companies
            finally:  # ended, failed or cancelled: a request sent ahead goes with the loop
                ahead.drop()
            self._ran(step.key, began, None)
        self._failures.recovered(step.key)
        self._step_progress(step.key, done=True)
        return received, None, companies

    def _commit_page(
        self, step: LoopStep, phase: str, page: Page, response: Response
    ) -> tuple[ChangeSet, bool, Cursor]:
        """Writer thread, one transaction: the page's objects and where the loop stands, and
        the cursor as committed with them, for the loop's next request."""
        ingested = self._store.objects.ingest(step.kind, page.objects)
        reapply_unsent(self._store, step.kind, ingested.changes.changed)
        cursors = self._store.cursors
        if page.resumekey:
            cursors.page_committed(
                step.key,
                resumekey=page.resumekey,
                loop_date=response.date,
                loop_time=response.time,
                objects=ingested.received,
            )
            loop_done = False
        elif phase == "initial" and step.restart_after_initial:
            cursors.restart(step.key, phase="normal")
            loop_done = False
        else:
            current = cursors.get(step.key)
            cursors.loop_completed(
                step.key,
                date=current.loop_date or response.date,
                time=current.loop_time or response.time,
                finished_at=self._now(),
                phase="normal",
            )
            loop_done = True
        changes = ChangeSet({step.kind: ingested.changes}) if ingested.changes else ChangeSet()
        return changes, loop_done, cursors.get(step.key)

    def _fraction(self, step: LoopStep, page: Page, response: Response) -> float | None:
        """How far a loop has read, from change stamps: (last - first) / (server now - first).

        Servers send changes oldest first; where the stamps do not grow (the importance-ordered
        limitnumobjects read), there is no honest estimate and this says None.
        """
        if page.resumekey is None:
            self._first_stamp.pop(step.key, None)
            return 1.0
        if not page.objects:
            return None
        seen_first = _object_stamp(page.objects[0])
        last = _object_stamp(page.objects[-1])
        server_now = response.received
        if seen_first is None or last is None or server_now is None:
            return None
        first = self._first_stamp.setdefault(step.key, seen_first)
        span = (server_now - first).total_seconds()
        if span <= 0 or last < first:
            return None
        return max(0.0, min(1.0, (last - first).total_seconds() / span))

    # -- dated steps: registrations and calendar -------------------------------------------------

    def _due_dated_steps(self) -> list[DatedStep]:
        today = self._clock.now().date().isoformat()
        due = []
        for step in DATED_STEPS:
            last = self._store.settings.get(dated_key(step.key))
            if (step.when == "initial" and not last) or (step.when == "daily" and last != today):
                due.append(step)
        return due

    async def _run_dated(self, step: DatedStep, covered: set[tuple[str, int]]) -> str | None:
        """Run a dated step, unless this pass already read its days (the initial calendar
        month covers the daily "day 30 ahead")."""
        today = self._clock.now().date()
        first, last = today + timedelta(days=step.first), today + timedelta(days=step.last)
        days = {(step.reads, offset) for offset in range(step.first, step.last + 1)}
        began = self._clock.monotonic()
        try:
            if days <= covered:
                pass
            elif step.reads == "registrations":
                await self._loader.registrations_on(
                    [first + timedelta(days=n) for n in range((last - first).days + 1)]
                )
            else:
                await self._loader.calendar(first, last)
        except Exception as error:
            message = self._failed(step.key, error)
            self._step_progress(step.key, error=message)
            self._ran(step.key, began, message)
            return message
        covered |= days
        await self._store.write(
            self._store.settings.put, dated_key(step.key), today.isoformat()
        )
        self._ran(step.key, began, None)
        self._step_progress(step.key, done=True)
        return None

    # -- progress --------------------------------------------------------------------------------

    async def _finish(
        self, started: str, received: dict[str, int], errors: dict[str, str]
    ) -> PassResult:
        runs, self._runs = list(self._runs.values()), {}
        try:
            await self._store.write(self._step_log.record, runs)
        except Exception as error:  # the pass's outcome matters more than its timings
            log.warning("The sync steps' times were not kept: %s", error)
        if errors:
            return self._finish_failed(started, received, errors)
        result = PassResult(True, started, self._now(), received, errors)
        await self._store.write(self._store.settings.put, LAST_SUCCESS_KEY, result.finished)
        self._failures.reset()
        self._report(running=False, activity="", last_success=result.finished,
                     seconds_left=None, login_refused=None)
        log.info("%s", result.message)
        return result

    def _finish_failed(
        self, started: str, received: dict[str, int], errors: dict[str, str]
    ) -> PassResult:
        result = PassResult(False, started, self._now(), received, errors)
        self._report(running=False, activity="", last_error=result.message, seconds_left=None,
                     login_refused=self._login_refused)
        log.info("%s", result.message)
        return result

    def _failed(self, key: str, error: Exception) -> str:
        """A step's error as the pass reports it. The server's and the network's errors are
        expected (a warning, no traceback); anything else is logged once with its traceback."""
        if isinstance(error, EnvelopeRefused):
            self._login_refused = error.server_message
        if isinstance(error, FieldClientError):
            log.warning("%s failed: %s", key, error)
            return str(error)
        reason = self._failures.failed(key, error)
        return reason[:1].upper() + reason[1:]

    def _ran(self, key: str, began: float, error: str | None, *, also: str | None = None) -> None:
        """Note how a step of this pass ended (and `also`, a step that ran in the same call)."""
        seconds = round(self._clock.monotonic() - began, 3)
        for each in (key, also):
            if each is not None:
                self._runs[each] = StepRun(each, self._now(), seconds, error)

    def _step_progress(
        self, key: str, *, pages: int = 0, objects: int = 0, done: bool = False,
        error: str | None = None, fraction: float | None = None,
    ) -> None:
        steps = tuple(
            replace(
                step,
                pages=step.pages + pages,
                objects=step.objects + objects,
                done=step.done or done,
                error=error or step.error,
                fraction=fraction if fraction is not None else step.fraction,
            )
            if step.key == key
            else step
            for step in self._progress.steps
        )
        self._report(steps=steps,
                     seconds_left=self._time_left.update(self._clock.monotonic(), steps))

    def _report(self, **changes: Any) -> None:
        self._progress = replace(self._progress, **changes)
        self._on_progress(self._progress)

    def _now(self) -> str:
        return self._clock.now().isoformat(sep=" ", timespec="seconds")


class _Ahead:
    """A loop's request for its next page, sent before the current page is written, so the
    server's work, the transfer and the decoding overlap the writer's. Only a read is ever
    sent ahead, and its answer is used only for the very command the committed cursor asks
    for: the cursor is still saved with its page alone, and a loop resumes from the store."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._command: Command | None = None
        self._task: asyncio.Task[Response] | None = None

    def send(self, command: Command) -> None:
        self.drop()
        self._command = command
        self._task = asyncio.ensure_future(self._client.send([command]))

    async def take(self, command: Command) -> Response:
        """The answer to `command`: the one sent ahead when it was this command, else sent
        now."""
        task, sent = self._task, self._command
        if task is not None and sent == command:
            self._task = self._command = None
            return await task
        self.drop()
        return await self._client.send([command])

    def drop(self) -> None:
        """Forget a request sent ahead (the loop ends with an error, or asks for another)."""
        if self._task is not None:
            _forget(self._task)
        self._task = self._command = None


def _forget(task: asyncio.Task[Response]) -> None:
    """Cancel `task`; whatever it raised is not this loop's concern any more."""
    task.cancel()
    task.add_done_callback(lambda done: done.cancelled() or done.exception())


def _check_stamp(response: Response) -> None:
    if response.received is None:
        raise MalformedData(
            f"The server's answer has no valid date/time ({response.date!r} {response.time!r})"
        )


def _object_stamp(obj: Any) -> datetime | None:
    if not isinstance(obj, dict):
        return None
    return as_moment(obj.get("changedate"), obj.get("changetime"))
