"""The outbox sender: delivers queued actions one call per request, in order per object.

One command per request with haltonerror, so a refusal belongs to exactly one entry. The small
lane goes first; the attachment lane only when `attachments_allowed()` (not on a metered or
slow connection) or after `send_attachments_anyway()`.

What each outcome means for the entry:
- answered, status 1 → done (its answer kept for the entries created by it);
- refused (CommandRefused) → failed, with the call (secrets redacted) and the server's message;
- not sent (could not connect) → pending again, retried after 2, 4, 8 … 300 s; the run stops;
- may have reached the server (timeout, dropped connection, HTTP 5xx, not JSON) → in doubt;
- the whole request refused (bad credentials) → pending again, and sending halts until
  `resume()`: every further call would be refused the same way.

An in-doubt entry is settled before anything else is sent: the sender runs the command's
READ_BACK (app/api/writes.py) and decides applied (→ done) or not (→ pending, sent again with
the same client request id). Nothing is ever sent twice blindly; where no read can tell
(photos) the entry waits for the user to retry or discard it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.api import Client, Command
from app.api.writes import READ_BACK, write
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.errors import (
    CommandRefused,
    EnvelopeRefused,
    MalformedData,
    TransportError,
)
from app.core.kinds import Kind
from app.core.values import as_int, as_str
from app.db import Store
from app.db.outbox import Entry, Lane, OutboxRepo, State
from app.sync.actions import CHECKIN_KEY
from app.sync.wakeloop import RoundFailed, WakeLoop

log = logging.getLogger(__name__)

BACKOFF_FIRST_SECONDS = 2.0
BACKOFF_MAX_SECONDS = 300.0

# Objects a write's answer carries; kept at once so the app need not wait for the next sync.
ANSWERED_OBJECTS = {"todo": Kind.TODO, "tool": Kind.TOOL, "thread": Kind.THREAD,
                    "stodo": Kind.STODO}


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """What the sync indicator and the outbox page show."""

    pending: int
    sending: int
    in_doubt: int
    failed: int
    attachments_waiting: int  # held back by a metered or slow connection
    halted: str | None  # why sending stopped (bad credentials); None while it may send

    @property
    def in_flight(self) -> int:
        return self.pending + self.sending + self.in_doubt


def backoff(attempts: int) -> float:
    return min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** max(0, attempts - 1))


class OutboxSender:
    def __init__(
        self,
        client: Client,
        store: Store,
        clock: Clock,
        *,
        attachments_allowed: Callable[[], bool] = lambda: True,
        on_status: Callable[[OutboxStatus], None] = ignore,
        on_changes: Callable[[ChangeSet], None] = ignore,
        on_error: Callable[[RoundFailed | None], None] = ignore,
    ) -> None:
        self._client = client
        self._store = store
        self._outbox = OutboxRepo.of(store)
        self._clock = clock
        self._attachments_allowed = attachments_allowed
        self._on_status = on_status
        self._on_changes = on_changes
        self._attachments_forced = False
        self._recovered = False
        self._halted: str | None = None
        self._loop = WakeLoop("outbox", self._round, on_error=on_error)
        self._lock = asyncio.Lock()

    # -- control ------------------------------------------------------------------------------

    def status(self) -> OutboxStatus:
        counts = self._outbox.counts()
        waiting = 0 if self._attachments_open() else sum(
            1 for e in self._outbox.entries(State.PENDING) if e.lane is Lane.ATTACHMENT)
        return OutboxStatus(counts[State.PENDING], counts[State.SENDING], counts[State.IN_DOUBT],
                            counts[State.FAILED], waiting, self._halted)

    def send_attachments_anyway(self) -> None:
        """The user's choice on a metered or slow connection: send the photos now."""
        self._attachments_forced = True
        self.wake()

    def resume(self) -> None:
        """After the user fixed the credentials: sending may start again."""
        self._halted = None
        self.wake()

    def wake(self) -> None:
        """Something was queued or retried: send soon (via the actions' `on_outbox_changed`)."""
        self._loop.wake()

    def start(self) -> None:
        self._loop.start()

    async def stop(self, grace: float = 0.0) -> None:
        """Stop sending; a round under way may finish for up to `grace` seconds first. A send
        cut off stays "sending" and is read back at the next start (`recover_interrupted`)."""
        await self._loop.stop(grace)

    async def _round(self) -> None:
        """Send what can go; then sleep until the next entry is due to be tried again."""
        try:
            await self.run_once()
        except Exception:
            self._recovered = False  # an entry it left "sending" is read back, as after a crash
            raise
        due = self._outbox.next_due()
        if due is not None:
            self._loop.wake_in((datetime.fromisoformat(due) - self._clock.now()).total_seconds())

    # -- one run ------------------------------------------------------------------------------

    async def run_once(self) -> OutboxStatus:
        """Send until nothing is sendable (or the network or the credentials say stop)."""
        async with self._lock:
            if not self._recovered:
                await self._store.write(self._outbox.recover_interrupted)
                self._recovered = True
            while self._halted is None and await self._settle_in_doubt():
                entry = self._next()
                if entry is None or not await self._send(entry):
                    break
            if not self._outbox.entries(State.PENDING, State.SENDING, State.IN_DOUBT):
                self._attachments_forced = False
            status = self.status()
        self._on_status(status)
        return status

    def _next(self) -> Entry | None:
        now = self._now()
        entry = self._outbox.next_sendable(Lane.SMALL, now)
        if entry is None and self._attachments_open():
            entry = self._outbox.next_sendable(Lane.ATTACHMENT, now)
        return entry

    def _attachments_open(self) -> bool:
        return self._attachments_forced or self._attachments_allowed()

    async def _send(self, entry: Entry) -> bool:
        """Send one entry; False when the run should stop (network down, halted)."""
        command = write(entry.command, entry.request_id, **self._resolved(entry))
        await self._store.write(self._outbox.mark_sending, entry.id, self._now())
        self._on_status(self.status())
        try:
            result = await self._client.call(command)
        except CommandRefused as error:
            log.info("%s was refused: %s", command.describe(), error.server_message)
            await self._store.write(self._outbox.mark_failed, entry.id, error.server_message,
                                    command.describe())
            return True
        except EnvelopeRefused as error:
            return await self._halt(entry, error)
        except TransportError as error:
            if not error.may_have_arrived:
                await self._store.write(self._outbox.schedule_retry, entry.id,
                                        self._later(entry.attempts + 1), str(error))
                return False
            await self._store.write(self._outbox.mark_in_doubt, entry.id, str(error))
            return True
        except MalformedData as error:
            await self._store.write(self._outbox.mark_in_doubt, entry.id, str(error))
            return True
        await self._complete(entry, result.data)
        return True

    def _resolved(self, entry: Entry) -> dict[str, Any]:
        """Parameters left None wait for the answer of the entry this one depends on (a
        check-out's `checkinid` comes from its check-in's answer)."""
        if entry.depends_on is None:
            return entry.params
        source = self._outbox.get(entry.depends_on)
        answer = (source.result if source else None) or {}
        return {key: answer.get(key) if value is None else value
                for key, value in entry.params.items()}

    async def _halt(self, entry: Entry, error: EnvelopeRefused) -> bool:
        await self._store.write(self._outbox.back_to_pending, entry.id)
        self._halted = error.server_message
        log.warning("Sending stopped, the server refused the login: %s", error.server_message)
        return False

    # -- settling what is in doubt --------------------------------------------------------------

    async def _settle_in_doubt(self) -> bool:
        """Read back each due in-doubt entry; False when the run should stop."""
        now = self._now()
        for entry in self._outbox.entries(State.IN_DOUBT):
            reader = _READERS.get(entry.command)
            if reader is None or (entry.next_attempt and entry.next_attempt > now):
                continue  # no read can tell (photos): the user decides
            try:
                result = await self._client.call(reader.command(entry))
            except EnvelopeRefused as error:
                self._halted = error.server_message
                return False
            except (TransportError, MalformedData) as error:
                await self._store.write(self._outbox.mark_in_doubt, entry.id, str(error),
                                        self._later(entry.attempts))
                return False
            except CommandRefused as error:
                await self._store.write(self._outbox.mark_in_doubt, entry.id, str(error),
                                        self._later(entry.attempts))
                continue
            answer = reader.applied(entry, result.data)
            if answer is None:
                await self._store.write(self._outbox.back_to_pending, entry.id)
            else:
                await self._complete(entry, answer)
        return True

    async def _complete(self, entry: Entry, data: Mapping[str, Any]) -> None:
        answer = {k: v for k, v in data.items() if k not in ("status", "msg")}
        changes = await self._store.write(self._confirm, entry, answer)
        if changes:
            self._on_changes(changes)

    def _confirm(self, entry: Entry, answer: dict[str, Any]) -> ChangeSet:
        """Writer thread: done, and what the answer tells the app at once."""
        self._outbox.mark_done(entry.id, answer)
        changes = ChangeSet()
        if entry.command == "DoCheckIn":
            changes = self._learn_checkin_id(entry, answer)
        if self._outbox.has_later_unsent(entry):
            return changes  # the answer predates the object's newer local effects
        for key, kind in ANSWERED_OBJECTS.items():
            if isinstance(answer.get(key), dict):
                ingested = self._store.objects.ingest(kind, [answer[key]])
                changes = changes.merged(ChangeSet({kind: ingested.changes}))
        return changes

    def _learn_checkin_id(self, entry: Entry, answer: Mapping[str, Any]) -> ChangeSet:
        state = self._store.settings.get(CHECKIN_KEY) or {}
        checkin = state.get("checkin") or {}
        same = (as_int(checkin.get("todoid")) or as_int(checkin.get("customerid"))) == (
            entry.object_id)
        if not (as_int(state.get("ischeckedin")) and same and answer.get("checkinid")):
            return ChangeSet()
        checkin_id = as_int(answer["checkinid"])
        self._store.settings.put(CHECKIN_KEY, {**state, "checkinid": checkin_id,
                                               "checkin": {**checkin, "id": checkin_id}})
        return ChangeSet(settings=frozenset({CHECKIN_KEY}))

    # -- time -----------------------------------------------------------------------------------

    def _now(self) -> str:
        return self._clock.now().isoformat(sep=" ", timespec="seconds")

    def _later(self, attempts: int) -> str:
        moment = self._clock.now() + timedelta(seconds=backoff(attempts))
        return moment.isoformat(sep=" ", timespec="seconds")


# -- read-back: was a write whose answer was lost applied? ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Reader:
    """`applied` returns the answer to keep when the write was applied, None when it was not."""

    params: Callable[[Entry], dict[str, Any]]
    applied: Callable[[Entry, Mapping[str, Any]], dict[str, Any] | None]

    def command(self, entry: Entry) -> Command:
        return Command(str(READ_BACK[entry.command]), self.params(entry))


def _no_params(_entry: Entry) -> dict[str, Any]:
    return {}


def _checked_in_since(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
    checkin = data.get("checkin") or {}
    id_field = "todoid" if as_str(entry.params.get("objecttype")).lower() == "todo" else (
        "customerid")
    stamp = (as_str(checkin.get("checkindate")), as_str(checkin.get("checkintime")))
    ours = (as_str(entry.params.get("checkindate")), as_str(entry.params.get("checkintime")))
    if (as_int(data.get("ischeckedin")) and as_int(checkin.get(id_field)) == entry.object_id
            and stamp >= ours):
        return {"checkinid": as_int(data.get("checkinid")) or as_int(checkin.get("id"))}
    return None


def _checked_out(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
    still = as_int(data.get("ischeckedin")) and (
        as_int(data.get("checkinid")) == as_int(entry.params.get("checkinid")))
    return None if still else {}


def _reminder_gone_or_moved(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
    stodo_id = as_int(entry.params.get("stodoid"))
    found = next((s for s in data.get("stodos") or [] if as_int(s.get("id")) == stodo_id), None)
    if found is None:
        return {}
    if "postpone" not in entry.params:
        return None
    before = next((op["before"] for op in entry.undo if op.get("kind") == Kind.STODO.value), {})
    moved = (found.get("date"), found.get("time")) != (before.get("date"), before.get("time"))
    return {"stodo": found} if moved else None


def _carried(want: bool) -> Callable[[Entry, Mapping[str, Any]], dict[str, Any] | None]:
    def applied(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
        carried = {as_int(t.get("id")) for t in data.get("tools") or [] if isinstance(t, dict)}
        return {} if (as_int(entry.params.get("toolid")) in carried) == want else None

    return applied


def _note_posted(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
    text = as_str((entry.params.get("message") or {}).get("message"))
    for thread in data.get("threads") or []:
        messages = thread.get("messages") or [] if isinstance(thread, dict) else []
        if any(isinstance(m, dict) and as_str(m.get("message")) == text for m in messages):
            return {"thread": thread}
    return None


def _state_set(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any] | None:
    wanted = entry.params.get("todo") or {}
    todos = data.get("todos") or ([data["todo"]] if isinstance(data.get("todo"), dict) else [])
    task = next((t for t in todos if as_int(t.get("id")) == as_int(wanted.get("id"))), None)
    if task is not None and as_int(task.get("stateid")) == as_int(wanted.get("stateid")):
        return {"todo": task}
    return None


_READERS: dict[str, _Reader] = {
    "DoCheckIn": _Reader(_no_params, _checked_in_since),
    "DoCheckOut": _Reader(_no_params, _checked_out),
    "StodoAccept": _Reader(_no_params, _reminder_gone_or_moved),
    "PickupTool": _Reader(_no_params, _carried(True)),
    "SetDownTool": _Reader(_no_params, _carried(False)),
    "PostMessage": _Reader(
        lambda e: {"objecttype": "tool" if e.params.get("objecttype") == "tools"
                   else e.params.get("objecttype"),
                   "objectid": e.params.get("objectid"), "exclmessages": 0},
        _note_posted),
    "CreateUpdateTodo": _Reader(
        lambda e: {"todoid": as_int((e.params.get("todo") or {}).get("id"))}, _state_set),
}
