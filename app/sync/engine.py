"""The sync engine: one pass = settings first, then the …ByLastChange loops, then setup data.

Rules from the app sync guide, kept here:
- GetMobileAppSettings is the first call of every pass; its functions decide the plan.
- …ByLastChange calls are never combined; up to MAX_CONCURRENT_LOOPS run at once.
- A loop pages with resumekey. Each page's objects and the resumekey are committed in one
  transaction, so a killed process resumes from the last committed page.
- The next cursor is the server's date/time of the loop's first page, never the local clock,
  and it moves only when the loop completes. (The first page, not the last: a change made while
  we page is then read again next time rather than missed.)
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

from app.api import Client, Command, Response
from app.api.shapes import (
    GET_MOBILE_APP_SETTINGS,
    MobileAppSettings,
    Page,
    read_mobile_app_settings,
    read_page,
)
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.errors import CommandRefused, FieldClientError, MalformedData
from app.core.values import as_date, as_time
from app.db import Store
from app.sync.plan import LOOPS, MAX_CONCURRENT_LOOPS, LoopStep
from app.sync.progress import PassResult, StepProgress, SyncProgress
from app.sync.setup import SETUP_CALLS, store_setup

log = logging.getLogger(__name__)

LAST_SUCCESS_KEY = "sync.last_success"
SETTINGS_KEY = "setup.GetMobileAppSettings"


def _ignore(_value: object) -> None:
    return None


class SyncEngine:
    def __init__(
        self,
        client: Client,
        store: Store,
        clock: Clock,
        *,
        on_changes: Callable[[ChangeSet], None] | None = None,
        on_progress: Callable[[SyncProgress], None] | None = None,
        loops: Sequence[LoopStep] = LOOPS,
    ) -> None:
        self._client = client
        self._store = store
        self._clock = clock
        self._on_changes = on_changes or _ignore
        self._on_progress = on_progress or _ignore
        self._loops = loops
        self._lock = asyncio.Lock()
        self._progress = SyncProgress(
            last_success=store.settings.get(LAST_SUCCESS_KEY),
        )

    @property
    def progress(self) -> SyncProgress:
        return self._progress

    @property
    def running(self) -> bool:
        return self._lock.locked()

    async def run_pass(self) -> PassResult:
        """One full pass. Never two at once: a second caller waits for the first to end."""
        async with self._lock:
            return await self._pass()

    async def _pass(self) -> PassResult:
        started = self._now()
        self._report(running=True, activity="Reading settings", steps=(), last_error=None)
        try:
            settings = await self._read_settings()
        except FieldClientError as error:
            return await self._finish(started, {}, {"GetMobileAppSettings": str(error)})

        loops = [step for step in self._loops if step.applies(settings)]
        self._report(
            activity="Synchronising",
            steps=tuple(StepProgress(step.key, step.label) for step in loops),
        )
        gate = asyncio.Semaphore(MAX_CONCURRENT_LOOPS)
        outcomes = await asyncio.gather(*(self._run_loop(step, gate) for step in loops))
        received = {step.key: count for step, (count, _) in zip(loops, outcomes, strict=True)}
        errors = {step.key: err for step, (_, err) in zip(loops, outcomes, strict=True) if err}

        if not errors:
            self._report(activity="Reading setup data")
            try:
                await self._read_setup()
            except FieldClientError as error:
                errors["setup"] = str(error)
        return await self._finish(started, received, errors)

    # -- settings and setup ------------------------------------------------------------------

    async def _read_settings(self) -> MobileAppSettings:
        result = await self._client.call(GET_MOBILE_APP_SETTINGS)
        await self._store.write(self._store.settings.put, SETTINGS_KEY, dict(result.data))
        return read_mobile_app_settings(result.data)

    async def _read_setup(self) -> None:
        """The setup calls, combined into one request (the guide allows it; it saves time)."""
        commands = [Command(call.command) for call in SETUP_CALLS]
        response = await self._client.send(commands)
        await self._store.write(store_setup, self._store.settings, response.results)

    # -- …ByLastChange loops -------------------------------------------------------------------

    async def _run_loop(self, step: LoopStep, gate: asyncio.Semaphore) -> tuple[int, str | None]:
        """Page through one loop; returns (objects received, error message or None)."""
        received = 0
        async with gate:
            try:
                while True:
                    cursor = self._store.cursors.get(step.key)
                    phase = cursor.phase
                    command = step.command.page(
                        cursor.changedate, cursor.changetime, cursor.resumekey, step.params(phase)
                    )
                    try:
                        response = await self._client.send([command])
                        result = response.results[0].raise_for_status()
                    except CommandRefused:
                        if cursor.resumekey is None:
                            raise
                        # A resumekey the server no longer knows: start the loop again from
                        # its cursor (re-reading is safe, upserts are idempotent).
                        log.info("%s: resumekey refused; restarting the loop", step.key)
                        await self._store.write(self._store.cursors.drop_resumekey, step.key)
                        continue
                    _check_stamp(response)
                    page = read_page(step.command, result)
                    changes, loop_done = await self._store.write(
                        self._commit_page, step, phase, page, response
                    )
                    received += len(page.objects)
                    if changes:
                        self._on_changes(changes)
                    self._step_progress(step.key, pages=1, objects=len(page.objects))
                    if loop_done:
                        break
            except FieldClientError as error:
                message = str(error)
                log.warning("%s failed: %s", step.key, message)
                await self._store.write(self._store.cursors.failed, step.key, message)
                self._step_progress(step.key, error=message)
                return received, message
        self._step_progress(step.key, done=True)
        return received, None

    def _commit_page(
        self, step: LoopStep, phase: str, page: Page, response: Response
    ) -> tuple[ChangeSet, bool]:
        """Writer thread, one transaction: the page's objects and where the loop stands."""
        ingested = self._store.objects.ingest(step.kind, page.objects)
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
        return changes, loop_done

    # -- progress --------------------------------------------------------------------------------

    async def _finish(
        self, started: str, received: dict[str, int], errors: dict[str, str]
    ) -> PassResult:
        result = PassResult(not errors, started, self._now(), received, errors)
        if result.ok:
            await self._store.write(self._store.settings.put, LAST_SUCCESS_KEY, result.finished)
            self._report(running=False, activity="", last_success=result.finished)
        else:
            self._report(running=False, activity="", last_error=result.message)
        log.info("%s", result.message)
        return result

    def _step_progress(
        self, key: str, *, pages: int = 0, objects: int = 0, done: bool = False,
        error: str | None = None,
    ) -> None:
        steps = tuple(
            replace(
                step,
                pages=step.pages + pages,
                objects=step.objects + objects,
                done=step.done or done,
                error=error or step.error,
            )
            if step.key == key
            else step
            for step in self._progress.steps
        )
        self._report(steps=steps)

    def _report(self, **changes: object) -> None:
        self._progress = replace(self._progress, **changes)  # type: ignore[arg-type]
        self._on_progress(self._progress)

    def _now(self) -> str:
        return self._clock.now().isoformat(sep=" ", timespec="seconds")


def _check_stamp(response: Response) -> None:
    if as_date(response.date) is None or as_time(response.time) is None:
        raise MalformedData(
            f"The server's answer has no valid date/time ({response.date!r} {response.time!r})"
        )
