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

So that reading back can tell THIS entry's effect from an earlier identical one (a second note
"OK" where one already stands), the sender makes the same read just before sending and keeps
what it needs of it (the entry's `baseline`: message ids, the open check-in, the reminder's
time, the tool or task as it stood), committed with the parameters as sent (a check-out's
`checkinid`, resolved from its check-in's answer) before the request leaves. A read-back after
a lost answer, and one after a restart, therefore compare against the same facts.

Every store commit and every request of the sender is a step reported to `on_step` first:
tests stop the process at step N to walk every crash point (tests/e2e/test_outbox_kill.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from app.api import Client, Command
from app.api.setup_shapes import current_user_id
from app.api.writes import READ_BACK, write
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock
from app.core.errors import (
    CommandRefused,
    EnvelopeRefused,
    MalformedData,
    TransportError,
    redact,
)
from app.core.kinds import Kind
from app.core.values import as_int, as_str
from app.db import Store
from app.db.outbox import Entry, Lane, OutboxRepo, State
from app.sync.keys import CHECKIN_KEY, USER_KEY
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
        on_step: Callable[[str], None] = ignore,
        on_error: Callable[[RoundFailed | None], None] = ignore,
    ) -> None:
        """`on_step` hears of each store commit and each request just before it happens (its
        name, e.g. "commit mark_sending", "request PostMessage"): a test's crash point."""
        self._client = client
        self._store = store
        self._outbox = OutboxRepo.of(store)
        self._clock = clock
        self._attachments_allowed = attachments_allowed
        self._on_status = on_status
        self._on_changes = on_changes
        self._on_step = on_step
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

    @property
    def sending(self) -> bool:
        """Whether a run is under way (what it changes is told when it ends): a tester's test
        waits until it is not before reading the window."""
        return self._lock.locked()

    # -- one run ------------------------------------------------------------------------------

    async def run_once(self) -> OutboxStatus:
        """Send until nothing is sendable (or the network or the credentials say stop)."""
        async with self._lock:
            if not self._recovered:
                await self._commit(self._outbox.recover_interrupted)
                self._recovered = True
            while self._halted is None and await self._settle_in_doubt():
                entry = self._next()
                if entry is None:
                    break
                sent = await self._send(entry)
                # Whatever came of it, the entry's object shows a different pending state.
                self._on_changes(ChangeSet.single(Kind(entry.object_kind),
                                                  changed=[entry.object_id]))
                if not sent:
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
        """Send one entry, after reading what its read-back will compare against; False when
        the run should stop (network down, halted)."""
        entry = replace(entry, params=self._resolved(entry))
        reader = _READERS.get(entry.command)
        if reader is None or reader.before is None:
            return await self._deliver(entry, None)
        read = reader.command(entry)
        try:
            result = await self._request(read)
        except EnvelopeRefused as error:
            return await self._halt(entry, error)
        except (TransportError, MalformedData) as error:  # nothing was sent: try again later
            await self._commit(self._outbox.schedule_retry, entry.id,
                               self._later(entry.attempts + 1), str(error), count_attempt=True)
            return False
        except CommandRefused as error:  # sent blind, a lost answer could not be settled
            await self._commit(self._outbox.mark_failed, entry.id, error.server_message,
                               read.describe())
            return True
        user = current_user_id(self._store.settings.get(USER_KEY))
        return await self._deliver(entry, {"userid": user, **reader.before(entry, result.data)})

    async def _deliver(self, entry: Entry, baseline: dict[str, Any] | None) -> bool:
        """The write itself, committed as sending (with its parameters and baseline) first."""
        command = write(entry.command, entry.request_id, **entry.params)
        await self._commit(self._outbox.mark_sending, entry.id, self._now(), entry.params,
                           baseline)
        self._on_status(self.status())
        try:
            result = await self._request(command)
        except CommandRefused as error:
            log.info("%s was refused: %s", readable(entry), error.server_message)
            await self._commit(self._outbox.mark_failed, entry.id, error.server_message,
                               readable(entry))
            return True
        except EnvelopeRefused as error:
            return await self._halt(entry, error)
        except TransportError as error:
            if not error.may_have_arrived:
                await self._commit(self._outbox.schedule_retry, entry.id,
                                   self._later(entry.attempts + 1), str(error))
                return False
            await self._commit(self._outbox.mark_in_doubt, entry.id, str(error))
            return True
        except MalformedData as error:
            await self._commit(self._outbox.mark_in_doubt, entry.id, str(error))
            return True
        await self._complete(entry, result.data)
        return True

    async def _commit(self, change: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """One store transaction of the sender: a step."""
        self._on_step(f"commit {change.__name__}")
        return await self._store.write(change, *args, **kwargs)

    def _request(self, command: Command) -> Awaitable[Any]:
        """One request of the sender: a step."""
        self._on_step(f"request {command.name}")
        return self._client.call(command)

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
        await self._commit(self._outbox.back_to_pending, entry.id)
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
            entry = replace(entry, params=self._resolved(entry))  # sent before it was stored
            try:
                result = await self._request(reader.command(entry))
            except EnvelopeRefused as error:
                self._halted = error.server_message
                return False
            except (TransportError, MalformedData) as error:
                await self._commit(self._outbox.mark_in_doubt, entry.id, str(error),
                                   self._later(entry.attempts))
                return False
            except CommandRefused as error:
                await self._commit(self._outbox.mark_in_doubt, entry.id, str(error),
                                   self._later(entry.attempts))
                continue
            answer = reader.applied(entry, entry.baseline or {}, result.data)
            if answer is None:
                await self._commit(self._outbox.back_to_pending, entry.id)
            else:
                await self._complete(entry, answer)
        return True

    async def _complete(self, entry: Entry, data: Mapping[str, Any]) -> None:
        answer = {k: v for k, v in data.items() if k not in ("status", "msg")}
        changes = await self._commit(self._confirm, entry, answer)
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
#
# Each reader reads what its write changes (READ_BACK): once just before sending (`before`, kept
# as the entry's baseline, with the sending user's id) and again when the answer was lost
# (`applied`, which compares the two). An entry sent by a version that kept no baseline gets {}:
# then any matching effect counts, as that version decided.

@dataclass(frozen=True, slots=True)
class _Reader:
    """`params`: the read's parameters. `before`: what of the read to keep just before sending
    (None: the read-back needs no baseline). `applied(entry, baseline, read)`: the answer to keep
    when the write was applied, None when it was not."""

    params: Callable[[Entry], dict[str, Any]]
    applied: Callable[[Entry, Mapping[str, Any], Mapping[str, Any]], dict[str, Any] | None]
    before: Callable[[Entry, Mapping[str, Any]], dict[str, Any]] | None = None

    def command(self, entry: Entry) -> Command:
        return Command(str(READ_BACK[entry.command]), self.params(entry))


def _no_params(_entry: Entry) -> dict[str, Any]:
    return {}


def _open_checkin(data: Mapping[str, Any]) -> int:
    """GetCheckIn: the id of the user's open check-in; 0 when not checked in."""
    if not as_int(data.get("ischeckedin")):
        return 0
    return as_int(data.get("checkinid")) or as_int((data.get("checkin") or {}).get("id"))


def _checkin_before(_entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    return {"checkinid": _open_checkin(data)}


def _checked_in(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
                ) -> dict[str, Any] | None:
    """DoCheckIn: applied when the open check-in is on the entry's object and is not the one
    that was open just before sending (one left open on the same place, by the back office,
    another device or a discarded check-out, is not ours). The ids are the server's, so the
    times the laptop stamped play no part."""
    checkin = data.get("checkin") or {}
    id_field = "todoid" if as_str(entry.params.get("objecttype")).lower() == "todo" else (
        "customerid")
    opened = _open_checkin(data)
    if (opened and as_int(checkin.get(id_field)) == entry.object_id
            and opened != as_int(before.get("checkinid"))):
        return {"checkinid": opened}
    return None


def _checked_out(entry: Entry, _before: Mapping[str, Any], data: Mapping[str, Any]
                 ) -> dict[str, Any] | None:
    """DoCheckOut: applied when the check-in it ends is no longer open. Its `checkinid` is
    stored with the entry before sending (resolved from the check-in's answer when it was
    queued behind the check-in), so this compares against the id actually sent."""
    checkin_id = as_int(entry.params.get("checkinid"))
    return None if checkin_id and _open_checkin(data) == checkin_id else {}


def _reminder(entry: Entry, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    stodo_id = as_int(entry.params.get("stodoid"))
    return next((s for s in data.get("stodos") or []
                 if isinstance(s, dict) and as_int(s.get("id")) == stodo_id), None)


def _reminder_before(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    found = _reminder(entry, data) or {}
    return {"date": found.get("date"), "time": found.get("time")}


def _reminder_done(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
                   ) -> dict[str, Any] | None:
    """StodoAccept: completing is applied when the reminder is gone (gone already before, the
    server refuses it: nothing is left to do either way). Postponing is applied when the
    reminder's date/time differs from what the server showed just before sending (the server
    picks the new time, so only a move tells)."""
    found = _reminder(entry, data)
    if found is None:
        return {}
    if "postpone" not in entry.params:
        return None
    moved = (found.get("date"), found.get("time")) != (before.get("date"), before.get("time"))
    return {"stodo": dict(found)} if moved else None


def _fingerprint(obj: Mapping[str, Any] | None, fields: tuple[str, ...]) -> list[Any] | None:
    """The fields a write changes and the change stamp: equal means the write did nothing."""
    return None if obj is None else [obj.get(name) for name in fields]


_TOOL_FIELDS = ("carrier_userid", "customerid", "latitude", "longitude", "changedate",
                "changetime")


def _carried_tool(entry: Entry, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """GetMyTools: the entry's tool when the user carries it."""
    tool_id = as_int(entry.params.get("toolid"))
    return next((t for t in data.get("tools") or []
                 if isinstance(t, dict) and as_int(t.get("id")) == tool_id), None)


def _tool_before(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    return {"carried": _fingerprint(_carried_tool(entry, data), _TOOL_FIELDS)}


def _picked_up(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
               ) -> dict[str, Any] | None:
    """PickupTool: applied when the user carries the tool now and either did not just before
    sending or the tool changed since (the write moved it). Carried already and unchanged: it
    is sent again, which at most repeats what the server already shows."""
    tool = _carried_tool(entry, data)
    if tool is None or _fingerprint(tool, _TOOL_FIELDS) == before.get("carried"):
        return None
    return {"tool": dict(tool)}


def _set_down(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
              ) -> dict[str, Any] | None:
    """SetDownTool: applied when the user no longer carries the tool and did just before
    sending. Not carried before: the server refused the write, so it is sent again and fails
    with the server's reason, which the technician then sees."""
    if _carried_tool(entry, data) is not None:
        return None
    return {} if before.get("carried", True) else None


def _notes_read(entry: Entry) -> dict[str, Any]:
    objecttype = entry.params.get("objecttype")
    return {"objecttype": "tool" if objecttype == "tools" else objecttype,
            "objectid": entry.params.get("objectid"), "exclmessages": 0}


def _messages(data: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """GetThreads: every (thread, message) on the object."""
    return [(thread, message) for thread in data.get("threads") or [] if isinstance(thread, dict)
            for message in thread.get("messages") or [] if isinstance(message, dict)]


def _notes_before(_entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    return {"messageids": sorted(as_int(m.get("id")) for _, m in _messages(data))}


def _note_posted(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
                 ) -> dict[str, Any] | None:
    """PostMessage: applied when the object has a message with the note's text, written by the
    user who sent it, that was not on the object just before sending (message ids are the
    server's). A second note "OK" is thus told apart from an "OK" that already stood."""
    text = as_str((entry.params.get("message") or {}).get("message"))
    known = set(before.get("messageids") or ())
    user = as_int(before.get("userid"))
    for thread, message in _messages(data):
        if (as_str(message.get("message")) == text and as_int(message.get("id")) not in known
                and (not user or as_int(message.get("userid")) == user)):
            return {"thread": dict(thread)}
    return None


_TASK_FIELDS = ("stateid", "changedate", "changetime")


def _task(entry: Entry, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """GetTodoByID: the entry's task (in `todos`, or a lone `todo`)."""
    wanted = as_int((entry.params.get("todo") or {}).get("id"))
    todos = data.get("todos") or ([data["todo"]] if isinstance(data.get("todo"), dict) else [])
    return next((t for t in todos if isinstance(t, dict) and as_int(t.get("id")) == wanted),
                None)


def _task_before(entry: Entry, data: Mapping[str, Any]) -> dict[str, Any]:
    return {"task": _fingerprint(_task(entry, data), _TASK_FIELDS)}


def _state_set(entry: Entry, before: Mapping[str, Any], data: Mapping[str, Any]
               ) -> dict[str, Any] | None:
    """CreateUpdateTodo: applied when the task has the new state and either had another just
    before sending or changed since. Already in that state and unchanged: it is sent again,
    which at most repeats what the server already shows."""
    task = _task(entry, data)
    wanted = as_int((entry.params.get("todo") or {}).get("stateid"))
    if task is None or as_int(task.get("stateid")) != wanted:
        return None
    changed = _fingerprint(task, _TASK_FIELDS) != before.get("task")
    return {"todo": dict(task)} if changed else None


_READERS: dict[str, _Reader] = {
    "DoCheckIn": _Reader(_no_params, _checked_in, _checkin_before),
    "DoCheckOut": _Reader(_no_params, _checked_out),
    "StodoAccept": _Reader(_no_params, _reminder_done, _reminder_before),
    "PickupTool": _Reader(_no_params, _picked_up, _tool_before),
    "SetDownTool": _Reader(_no_params, _set_down, _tool_before),
    "PostMessage": _Reader(_notes_read, _note_posted, _notes_before),
    "CreateUpdateTodo": _Reader(
        lambda e: {"todoid": as_int((e.params.get("todo") or {}).get("id"))}, _state_set,
        _task_before),
}


# -- what a person is shown of an entry (the failed-calls page, `fieldclient outbox`) ------------

IMAGE_PARAMS = ("imagedata",)  # base64 pictures: shown by their size, never dumped
_DOCUMENTS_OF = {Kind.TODO.value: "task's", Kind.CUSTOMER.value: "customer's",
                 Kind.TOOL.value: "equipment's"}


def shown_params(entry: Entry) -> dict[str, Any]:
    """The entry's parameters as a person may see them: secrets redacted, a picture by its
    size (a base64 photo is megabytes of nothing to read)."""
    return redact({key: f"<{_decoded_size(value):,} bytes>"
                   if key in IMAGE_PARAMS and isinstance(value, str) else value
                   for key, value in entry.params.items()})


def readable(entry: Entry) -> str:
    """The call as a person reads it in the log, the failed-calls page or the CLI."""
    return Command(entry.command, shown_params(entry)).describe()


def _decoded_size(base64_text: str) -> int:
    return len(base64_text) * 3 // 4 - base64_text[-2:].count("=")


def settles_itself(entry: Entry) -> bool:
    """Whether the app can settle an in-doubt entry by reading back (else the user decides)."""
    return entry.command in _READERS


def needs_the_technician(outbox: OutboxRepo) -> int:
    """How many entries only the technician can settle: refused ones, and those in doubt that
    no read can settle (a photo whose answer was lost)."""
    return sum(1 for entry in outbox.entries(State.FAILED, State.IN_DOUBT)
               if entry.state is State.FAILED or not settles_itself(entry))


def doubt_advice(entry: Entry) -> str:
    """What an in-doubt entry means and what to check, in the technician's words."""
    if settles_itself(entry):
        return ("We don't know yet whether this reached Microbizz. The app checks by itself as "
                "soon as it reaches the server; there is nothing you need to do.")
    documents = _DOCUMENTS_OF.get(entry.object_kind, "object's")
    return (f"We don't know whether the photo reached Microbizz. Check the {documents} "
            "documents in Microbizz; if it is not there, press Retry; if it is, press Discard.")
