"""The outbox: the technician's actions waiting to reach the server.

Order is kept per object and lane: an entry is sent only when every earlier unfinished entry of
the same object in the same lane is done (attachments have their own lane so a photo never
holds up a check-out). An entry that needs another's answer names it in `depends_on`. A
refused entry therefore blocks exactly its object's later entries and its dependents; every
other entry keeps flowing.

States: pending → sending → done | failed | in_doubt | pending (network down, with backoff);
in_doubt → done | pending (settled by reading back); failed | in_doubt → pending (the user
retries) or gone (the user discards: the entry, its object's later entries and its dependents).

Reads run on any thread; writes on the store's writer thread inside `Store.write`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

import orjson
from peewee import Database, fn

from app.core.errors import FieldClientError
from app.db.store import Store
from app.db.tables import Tables


class State(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    IN_DOUBT = "in_doubt"
    FAILED = "failed"
    DONE = "done"


class Lane(StrEnum):
    SMALL = "small"
    ATTACHMENT = "attachment"


# Not yet known to have reached the server: these hold back their object's later entries.
UNFINISHED = (State.PENDING, State.SENDING, State.IN_DOUBT, State.FAILED)


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What an action queues. `undo`: restore operations, see app.sync.actions."""

    request_id: str
    created: str
    summary: str
    command: str
    params: Mapping[str, Any]
    object_kind: str
    object_id: int
    lane: Lane = Lane.SMALL
    depends_on: int | None = None
    undo: Sequence[Mapping[str, Any]] = ()
    created_server: str | None = None  # `created` on the server's clock


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    request_id: str
    created: str
    summary: str
    command: str
    params: dict[str, Any]
    object_kind: str
    object_id: int
    depends_on: int | None
    lane: Lane
    state: State
    attempts: int
    next_attempt: str | None
    last_error: str | None
    server_message: str | None
    undo: list[dict[str, Any]] = field(default_factory=list)
    result: dict[str, Any] | None = None
    sent_at: str | None = None
    created_server: str | None = None
    baseline: dict[str, Any] | None = None  # None: sent by a version that kept none


class NotAllowed(FieldClientError):
    """The entry is not in a state that allows this (e.g. discarding one being sent)."""


class UnsentChanges(FieldClientError):
    """Logging out, switching contract or resetting would lose changes not sent yet."""


class OutboxRepo:
    def __init__(self, database: Database, tables: Tables) -> None:
        self._db = database
        self._model = tables.outbox

    @classmethod
    def of(cls, store: Store) -> OutboxRepo:
        return cls(store.database, store.tables)

    # -- writes (writer thread, inside a transaction) ---------------------------------------

    def add(self, entry: NewEntry) -> int:
        return int(self._model.insert(
            request_id=entry.request_id,
            created=entry.created,
            created_server=entry.created_server,
            summary=entry.summary,
            command=entry.command,
            params=_dumps(entry.params),
            object_kind=entry.object_kind,
            object_id=entry.object_id,
            depends_on=entry.depends_on,
            lane=entry.lane.value,
            state=State.PENDING.value,
            undo=_dumps(list(entry.undo)),
        ).execute())

    def mark_sending(self, entry_id: int, now: str, params: Mapping[str, Any] | None = None,
                     baseline: Mapping[str, Any] | None = None) -> None:
        """Committed before the request leaves: `params` as they will be sent (what the send
        resolved included; None: as queued) and `baseline` (what the server showed just
        before), so a read-back after a lost answer or a restart sees exactly what was sent
        and what stood before."""
        m = self._model
        resolved = {} if params is None else {"params": _dumps(params)}
        self._update(entry_id, state=State.SENDING.value, sent_at=now, attempts=m.attempts + 1,
                     baseline=None if baseline is None else _dumps(baseline), **resolved)

    def mark_done(self, entry_id: int, result: Mapping[str, Any]) -> None:
        self._update(entry_id, state=State.DONE.value, result=_dumps(result), last_error=None,
                     server_message=None, next_attempt=None)

    def mark_failed(self, entry_id: int, server_message: str, call: str) -> None:
        """`call`: the exact call as a person reads it, secrets already redacted."""
        self._update(entry_id, state=State.FAILED.value, server_message=server_message,
                     last_error=call, next_attempt=None)

    def mark_in_doubt(self, entry_id: int, error: str, next_attempt: str | None = None) -> None:
        """`next_attempt`: when to read back again (None: read back at the next chance)."""
        self._update(entry_id, state=State.IN_DOUBT.value, last_error=error,
                     next_attempt=next_attempt)

    def schedule_retry(self, entry_id: int, next_attempt: str, error: str,
                       count_attempt: bool = False) -> None:
        """Not sent (network down): pending again, not before `next_attempt`.
        `count_attempt`: the try failed before `mark_sending` counted it (the read before
        sending), so it counts here and the next wait grows."""
        m = self._model
        self._update(entry_id, state=State.PENDING.value, next_attempt=next_attempt,
                     last_error=error, attempts=m.attempts + int(count_attempt))

    def back_to_pending(self, entry_id: int) -> None:
        """Send it (again) at the next chance: read back said not applied, or never sent."""
        self._update(entry_id, state=State.PENDING.value, next_attempt=None)

    def recover_interrupted(self) -> int:
        """At start-up: an entry left in "sending" may or may not have reached the server."""
        m = self._model
        return int(m.update(state=State.IN_DOUBT.value,
                            last_error="The app stopped while this was being sent")
                   .where(m.state == State.SENDING.value).execute())

    def retry(self, entry_id: int) -> None:
        """The user's retry of a failed (or unsettleable in-doubt) entry: send it again."""
        entry = self._require(entry_id)
        if entry.state not in (State.FAILED, State.IN_DOUBT):
            raise NotAllowed(f"Only a failed or uncertain change can be retried ({entry.state}).")
        self._update(entry_id, state=State.PENDING.value, attempts=0, next_attempt=None,
                     server_message=None, last_error=None)

    def discard(self, entry_id: int) -> list[Entry]:
        """Delete an unsent entry and everything that cannot succeed without it: its object's
        later entries in its lane and its dependents, transitively. Returns them newest first,
        so their undos can be applied in that order."""
        entry = self._require(entry_id)
        if entry.state in (State.SENDING, State.DONE):
            raise NotAllowed("A change that is being sent or was sent cannot be discarded.")
        gone = [entry, *self.blocked_by(entry_id)]
        m = self._model
        m.delete().where(m.id.in_([e.id for e in gone])).execute()
        return sorted(gone, key=lambda e: e.id, reverse=True)

    def _update(self, entry_id: int, **values: Any) -> None:
        self._model.update(**values).where(self._model.id == entry_id).execute()

    # -- reads (any thread) -----------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        row = self._model.get_or_none(self._model.id == entry_id)
        return _entry(row) if row else None

    def _require(self, entry_id: int) -> Entry:
        entry = self.get(entry_id)
        if entry is None:
            raise NotAllowed(f"There is no queued change {entry_id}.")
        return entry

    def entries(self, *states: State) -> list[Entry]:
        """Entries in the given states (all without), oldest first."""
        m = self._model
        query = m.select().order_by(m.id)
        if states:
            query = query.where(m.state.in_([s.value for s in states]))
        return [_entry(row) for row in query]

    def unsent(self) -> list[Entry]:
        return self.entries(*UNFINISHED)

    def unsent_count(self) -> int:
        m = self._model
        return int(m.select().where(m.state.in_([s.value for s in UNFINISHED])).count())

    def counts(self) -> dict[State, int]:
        m = self._model
        rows = cast("Iterable[tuple[str, int]]",
                    m.select(m.state, fn.COUNT(m.id)).group_by(m.state).tuples())
        found = {State(state): count for state, count in rows}
        return {state: found.get(state, 0) for state in State}

    def of_object(self, object_kind: str, object_id: int) -> list[Entry]:
        """Unsent entries of one object, oldest first (a view shows its pending notes)."""
        m = self._model
        query = m.select().where(
            (m.object_kind == object_kind) & (m.object_id == object_id)
            & m.state.in_([s.value for s in UNFINISHED])
        ).order_by(m.id)
        return [_entry(row) for row in query]

    def next_sendable(self, lane: Lane, now: str) -> Entry | None:
        """The oldest pending entry of `lane` that is due, whose object has no earlier
        unfinished entry in the lane and whose dependency is done."""
        sql = f"""
            SELECT o.id FROM outbox o
            WHERE o.state = ? AND o.lane = ?
              AND (o.next_attempt IS NULL OR o.next_attempt <= ?)
              AND NOT EXISTS (
                SELECT 1 FROM outbox e
                WHERE e.object_kind = o.object_kind AND e.object_id = o.object_id
                  AND e.lane = o.lane AND e.id < o.id AND e.state IN ({_marks(UNFINISHED)}))
              AND (o.depends_on IS NULL OR EXISTS (
                SELECT 1 FROM outbox d WHERE d.id = o.depends_on AND d.state = ?))
            ORDER BY o.id LIMIT 1
        """
        row = self._db.execute_sql(
            sql, (State.PENDING.value, lane.value, now, *UNFINISHED, State.DONE.value)
        ).fetchone()
        return self.get(row[0]) if row else None

    def last_of(self, object_kind: str, object_id: int, command: str) -> Entry | None:
        """The object's most recent entry of `command`, in any state."""
        m = self._model
        row = (m.select().where((m.object_kind == object_kind) & (m.object_id == object_id)
                                & (m.command == command))
               .order_by(m.id.desc()).first())
        return _entry(row) if row else None

    def next_due(self) -> str | None:
        """The earliest time a waiting (pending or in-doubt) entry becomes due again."""
        m = self._model
        row = (m.select(m.next_attempt)
               .where(m.state.in_([State.PENDING.value, State.IN_DOUBT.value])
                      & m.next_attempt.is_null(False))
               .order_by(m.next_attempt).tuples().first())
        return row[0] if row else None

    def has_later_unsent(self, entry: Entry) -> bool:
        """Whether the object has unsent entries made after `entry` (their local effects must
        not be overwritten by the server's answer to `entry`)."""
        m = self._model
        return m.select().where(
            (m.object_kind == entry.object_kind) & (m.object_id == entry.object_id)
            & (m.id > entry.id) & m.state.in_([s.value for s in UNFINISHED])
        ).exists()

    def blocked_by(self, entry_id: int) -> list[Entry]:
        """Unsent entries waiting behind `entry_id`: later ones of its object in its lane and
        those that depend on it, transitively; oldest first."""
        unsent = self.unsent()
        by_id = {e.id: e for e in unsent}
        root = by_id.get(entry_id) or self.get(entry_id)
        if root is None:
            return []
        blocked: dict[int, Entry] = {}
        frontier = [root]
        while frontier:
            head = frontier.pop()
            for other in unsent:
                if other.id in blocked or other.id == root.id:
                    continue
                same_queue = (other.object_kind, other.object_id, other.lane) == (
                    head.object_kind, head.object_id, head.lane) and other.id > head.id
                if same_queue or other.depends_on == head.id:
                    blocked[other.id] = other
                    frontier.append(other)
        return sorted(blocked.values(), key=lambda e: e.id)


def ensure_nothing_unsent(store: Store, operation: str) -> None:
    """Refuse `operation` ("log out", "switch contract", "reset the data") while changes wait:
    it would throw them away. The message lists them so the user knows what to send or
    discard first."""
    unsent = OutboxRepo.of(store).unsent()
    if not unsent:
        return
    shown = "; ".join(entry.summary or entry.command for entry in unsent[:5])
    more = f"; and {len(unsent) - 5} more" if len(unsent) > 5 else ""
    noun = "change is" if len(unsent) == 1 else "changes are"
    raise UnsentChanges(
        f"Cannot {operation}: {len(unsent)} {noun} not sent yet: {shown}{more}. "
        "Send them (connect and wait) or discard them first."
    )


def _entry(row: Any) -> Entry:
    return Entry(
        id=row.id,
        request_id=row.request_id,
        created=row.created,
        summary=row.summary,
        command=row.command,
        params=orjson.loads(row.params),
        object_kind=row.object_kind,
        object_id=row.object_id,
        depends_on=row.depends_on,
        lane=Lane(row.lane),
        state=State(row.state),
        attempts=row.attempts,
        next_attempt=row.next_attempt,
        last_error=row.last_error,
        server_message=row.server_message,
        undo=orjson.loads(row.undo),
        result=orjson.loads(row.result) if row.result else None,
        sent_at=row.sent_at,
        created_server=row.created_server,
        baseline=orjson.loads(row.baseline) if row.baseline else None,
    )


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))
