"""Reads made when a page opens (the guide's "other times"), each fresh for 60 seconds.

Opening a customer's equipment list, a task's product use or a thread calls the server only if
that read has not succeeded in the last minute; reads asked for together go in one request,
and two callers asking for the same read share it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.api import Client, Command, CommandResult
from app.api.setup_shapes import current_user_id
from app.api.shapes import (
    EVENTS_BY_DATE,
    PRODUCT_USE_BY_TODO,
    PRODUCT_USE_BY_TOOL,
    PRODUCTION_BY_DATE,
    REGISTRATIONS_BY_DATE,
    REGISTRATIONS_BY_TODO,
    THREADS_OF_OBJECT,
    TOOLS_BY_FIELD,
    TOOLS_BY_TODO,
    known_tools,
    thread_by_id,
)
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.errors import FieldClientError
from app.core.kinds import Kind
from app.core.values import as_date
from app.db import Store
from app.sync.keys import USER_KEY, calendar_key

log = logging.getLogger(__name__)

FRESH_SECONDS = 60.0

# The objecttype each kind has in GetThreads (the docs spell equipment "tool" there).
THREAD_OBJECT_TYPES = {Kind.TODO: "todo", Kind.CUSTOMER: "customer", Kind.TOOL: "tool"}

Apply = Callable[[CommandResult], ChangeSet]


def read_key(what: str, kind: Kind, object_id: int) -> str:
    """The key of one object's read ("tools", Kind.TODO, 7 → "tools.todo.7"): what a page
    passes to `Loader.read_at` to say how old what it shows is."""
    return f"{what}.{kind.value}.{object_id}"


@dataclass(frozen=True, slots=True)
class Read:
    """One freshness-tracked read: its key, its command, and how its result is stored."""

    key: str
    command: Command
    apply: Apply  # runs on the writer thread, inside the request's transaction


class Loader:
    def __init__(
        self,
        client: Client,
        store: Store,
        clock: Clock,
        on_changes: Callable[[ChangeSet], None] | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self._clock = clock
        self._on_changes = on_changes or ignore
        self._read_at: dict[str, float] = {}  # monotonic, for the freshness window
        self._read_when: dict[str, datetime] = {}  # the device's clock, for people
        self._in_flight: dict[str, asyncio.Future[None]] = {}

    @property
    def clock(self) -> Clock:
        """The app's clock: what "today" is for the calendar and the lists' filters."""
        return self._clock

    def is_fresh(self, key: str) -> bool:
        read_at = self._read_at.get(key)
        return read_at is not None and self._clock.monotonic() - read_at < FRESH_SECONDS

    def expire(self, key: str) -> None:
        """Read `key` again at its next ask, fresh or not: the technician asked to refresh.
        When it was last read (`read_at`) stays until the new read succeeds."""
        self._read_at.pop(key, None)

    def read_at(self, key: str) -> datetime | None:
        """When the read `key` last succeeded in this run, so a box can say "as of 10:42";
        None when it has not."""
        return self._read_when.get(key)

    # -- equipment -------------------------------------------------------------------------

    async def tools_of_customers(self, customer_ids: Iterable[int]) -> ChangeSet:
        """GetToolsByField custref=<company> with knowntools, one per company, combined."""
        objects = self._store.objects
        return await self.load([
            Read(
                read_key("tools", Kind.CUSTOMER, customer_id),
                TOOLS_BY_FIELD(
                    field="custref",
                    value=str(customer_id),
                    knowntools=known_tools(
                        objects.find(Kind.TOOL, customerid=customer_id)
                        + objects.find(Kind.TOOL, placeofhome=customer_id)
                    ),
                ),
                self._ingest(Kind.TOOL, TOOLS_BY_FIELD.objects),
            )
            for customer_id in dict.fromkeys(customer_ids)
        ])

    async def tools_of_task(self, todo_id: int) -> ChangeSet:
        task = self._store.objects.get(Kind.TODO, todo_id) or {}
        held = self._store.objects.find(Kind.TOOL, customerid=int(task.get("customerid") or 0))
        return await self.load([Read(
            read_key("tools", Kind.TODO, todo_id),
            TOOLS_BY_TODO(todoid=todo_id, knowntools=known_tools(held)),
            self._ingest(Kind.TOOL, TOOLS_BY_TODO.objects),
        )])

    # -- product use and registrations ------------------------------------------------------

    async def product_use_of_task(self, todo_id: int) -> ChangeSet:
        return await self.load([Read(
            read_key("productuse", Kind.TODO, todo_id),
            PRODUCT_USE_BY_TODO(todoid=todo_id),
            self._replace(Kind.PRODUCTUSE, {"todoid": todo_id}, PRODUCT_USE_BY_TODO.objects),
        )])

    async def product_use_of_tool(self, tool_id: int) -> ChangeSet:
        return await self.load([Read(
            read_key("productuse", Kind.TOOL, tool_id),
            PRODUCT_USE_BY_TOOL(toolid=tool_id),
            self._replace(Kind.PRODUCTUSE, {"toolid": tool_id}, PRODUCT_USE_BY_TOOL.objects),
        )])

    async def registrations_of_task(self, todo_id: int) -> ChangeSet:
        return await self.load([Read(
            f"registrations.todo.{todo_id}",
            REGISTRATIONS_BY_TODO(todoid=todo_id),
            self._replace(Kind.REGISTRATION, {"todoid": todo_id}, REGISTRATIONS_BY_TODO.objects),
        )])

    async def registrations_on(self, days: Sequence[date]) -> ChangeSet:
        """The technician's own registrations on each day (a week, the last 60 days)."""
        user = current_user_id(self._store.settings.get(USER_KEY))
        return await self.load([
            Read(
                f"registrations.date.{day.isoformat()}",
                REGISTRATIONS_BY_DATE(date=day.isoformat()),
                self._replace(
                    Kind.REGISTRATION,
                    {"date": day.isoformat(), **({"userid": user} if user else {})},
                    REGISTRATIONS_BY_DATE.objects,
                ),
            )
            for day in days
        ])

    async def registrations_of_week(self, monday: date) -> ChangeSet:
        return await self.registrations_on([monday + timedelta(days=n) for n in range(7)])

    async def registrations_of_last_60_days(self) -> ChangeSet:
        today = self._clock.now().date()
        return await self.registrations_on([today - timedelta(days=n) for n in range(60)])

    # -- notes ----------------------------------------------------------------------------

    async def threads_of(self, kind: Kind, object_id: int) -> ChangeSet:
        return await self.load([Read(
            read_key("threads", kind, object_id),
            THREADS_OF_OBJECT(objecttype=THREAD_OBJECT_TYPES[kind], objectid=object_id,
                              exclmessages=1),
            self._ingest(Kind.THREAD, THREADS_OF_OBJECT.objects),
        )])

    async def thread_messages(self, thread_id: int) -> ChangeSet:
        def single(result: CommandResult) -> list[Any]:
            thread = result.data.get("thread")
            return [thread] if isinstance(thread, dict) else []

        return await self.load([Read(
            read_key("thread", Kind.THREAD, thread_id), thread_by_id(thread_id),
            self._ingest(Kind.THREAD, single),
        )])

    # -- calendar -------------------------------------------------------------------------

    async def calendar(self, first: date, last: date) -> ChangeSet:
        """Appointments and planning from `first` to `last`, kept per day."""
        user = current_user_id(self._store.settings.get(USER_KEY))
        span = {"fromdate": first.isoformat(), "todate": last.isoformat(),
                **({"userid": user} if user else {})}
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        key = f"{first.isoformat()}.{last.isoformat()}"
        return await self.load([
            Read(f"events.{key}", EVENTS_BY_DATE(**span),
                 self._by_day(days, "events", EVENTS_BY_DATE.objects, "startdate")),
            Read(f"production.{key}", PRODUCTION_BY_DATE(**span, inclstate=1),
                 self._by_day(days, "production", PRODUCTION_BY_DATE.objects, "date")),
        ])

    def _by_day(
        self,
        days: list[date],
        name: str,
        objects: Callable[[CommandResult], list[Any]],
        date_field: str,
    ) -> Apply:
        """Keep a date range's entries as one setting per day: `calendar.<name>.<day>`."""

        def apply(result: CommandResult) -> ChangeSet:
            by_day: dict[str, list[Any]] = {day.isoformat(): [] for day in days}
            for entry in objects(result):
                day = as_date(entry.get(date_field)) if isinstance(entry, dict) else None
                if day is not None and day.isoformat() in by_day:
                    by_day[day.isoformat()].append(entry)
            keys = [calendar_key(name, day) for day in by_day]
            for key, entries in zip(keys, by_day.values(), strict=True):
                self._store.settings.put(key, entries)
            return ChangeSet(settings=frozenset(keys))

        return apply

    # -- machinery --------------------------------------------------------------------------

    async def load(self, reads: Sequence[Read]) -> ChangeSet:
        """Send the reads that are not fresh in one request; wait for those under way.

        A read under way that fails (or whose caller is cancelled) fails for its own caller
        only: a caller that waited for it sends it itself, so an error is never handed to a
        caller who did not cause it, and nothing is left waiting or unretrieved.
        """
        changes = ChangeSet()
        while True:
            waiting = {self._in_flight[r.key] for r in reads if r.key in self._in_flight}
            due = [r for r in reads if r.key not in self._in_flight and not self.is_fresh(r.key)]
            if due:
                changes = changes.merged(await self._send_shared(due))
            if not waiting:
                return changes
            await asyncio.wait([asyncio.shield(future) for future in waiting])

    async def _send_shared(self, due: Sequence[Read]) -> ChangeSet:
        """Send `due`, letting other callers wait for it; they learn only that it ended."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        for read in due:
            self._in_flight[read.key] = done
        try:
            return await self._send(due)
        finally:
            for read in due:
                self._in_flight.pop(read.key, None)
            done.set_result(None)

    async def _send(self, reads: Sequence[Read]) -> ChangeSet:
        response = await self._client.send([read.command for read in reads])
        answered = list(zip(reads, response.results, strict=False))
        changes = await self._store.write(self._apply_all, answered)
        now, wall = self._clock.monotonic(), self._clock.now()
        for read, result in answered:
            if result.ok:
                self._read_at[read.key] = now
                self._read_when[read.key] = wall
        refused = [result for _, result in answered if not result.ok]
        if changes:
            self._on_changes(changes)
        if refused:
            result = refused[0]
            raise FieldClientError(f"{result.command.name} was refused: {result.message}")
        return changes

    def _apply_all(self, answered: list[tuple[Read, CommandResult]]) -> ChangeSet:
        changes = ChangeSet()
        for read, result in answered:
            if result.ok:
                changes = changes.merged(read.apply(result))
            else:
                log.warning("%s was refused: %s", result.command.describe(), result.message)
        return changes

    def _ingest(self, kind: Kind, objects: Callable[[CommandResult], list[Any]]) -> Apply:
        def apply(result: CommandResult) -> ChangeSet:
            return ChangeSet({kind: self._store.objects.ingest(kind, objects(result)).changes})
        return apply

    def _replace(
        self, kind: Kind, scope: dict[str, Any], objects: Callable[[CommandResult], list[Any]]
    ) -> Apply:
        def apply(result: CommandResult) -> ChangeSet:
            ingested = self._store.objects.replace(kind, scope, objects(result))
            return ChangeSet({kind: ingested.changes})
        return apply
