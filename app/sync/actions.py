"""Actions: the only way the views change anything.

Each action is ONE store transaction that applies its local effect (so the app shows it at
once) and queues its outbox entry with what undoes that effect; a crash keeps both or neither.
The outbox sender (app/sync/outbox.py) delivers the entry later.

Undo operations (JSON in the entry's `undo`, applied newest entry first on discard):
- {"kind", "id", "before": {field: previous value}, "absent": [fields that did not exist]}:
  put those fields back on the current object (changes the sync made to other fields stay);
  an object the action removed comes back whole (`before` is the whole object);
- {"setting", "before"}: the setting's previous value (null: it did not exist).

Check-in state lives where the sync keeps it (the GetCheckIn setting); ticked checkpoints are a
local setting until the check-out sends them, and so is when the technician took a tool. A note
or photo has no local object until the server answers: the view shows the queued entries of its
object (`OutboxRepo.of_object`).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from app.api.setup_shapes import (
    current_user_id,
    read_checkin,
    read_task_states,
    read_tool_types,
)
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock, ServerTime
from app.core.errors import FieldClientError
from app.core.kinds import Kind
from app.core.texts import QT_TRANSLATE_NOOP
from app.core.values import as_date, as_int, as_str, as_time
from app.db import Store
from app.db.outbox import Lane, NewEntry, OutboxRepo, State
from app.sync.keys import (
    CHECKIN_KEY,
    STATES_KEY,
    TAKEN_SINCE_KEY,
    TICKED_KEY,
    TOOL_TYPES_KEY,
    USER_KEY,
)

CHECKIN_OBJECT_TYPES = {Kind.TODO: "Todo", Kind.CUSTOMER: "Customer"}
NOTE_OBJECT_TYPES = {Kind.TODO: "todo", Kind.CUSTOMER: "customer", Kind.TOOL: "tools"}
PHOTO_COMMANDS = {
    Kind.TOOL: ("AddPhotoToTool", "toolid"),
    Kind.TODO: ("AddPhotoToTodo", "todoid"),
    Kind.CUSTOMER: ("AddPhotoToCustomer", "customerid"),
}
_ID_FIELD = {Kind.TODO: "todoid", Kind.CUSTOMER: "customerid"}


class ActionRefused(FieldClientError):
    """The action makes no sense in the local state (checking out while not checked in).

    `text` is English, marked for the window's translation (context ActionRefused); `values`
    fill its placeholders, a Kind by its plural ("tasks"), translated where it is shown."""

    def __init__(self, text: str, **values: object) -> None:
        self.text, self.values = text, values
        super().__init__(text.format(**{
            key: value.label.lower() if isinstance(value, Kind) else value
            for key, value in values.items()}))


class Effect:
    """One transaction's local changes and the operations that undo them (writer thread)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.undo: list[dict[str, Any]] = []
        self.changes = ChangeSet(initiator="user")

    def patch(self, kind: Kind, object_id: int, fields: Mapping[str, Any]) -> None:
        current = self.store.objects.get(kind, object_id)
        if current is None:
            raise ActionRefused(QT_TRANSLATE_NOOP(
                "ActionRefused", "{kind}: {id} is not on this device."), kind=kind, id=object_id)
        self.undo.append({
            "kind": kind.value, "id": object_id,
            "before": {name: current[name] for name in fields if name in current},
            "absent": [name for name in fields if name not in current],
            "after": dict(fields),  # what a sync must not hide until the entry is sent
        })
        self._ingest(kind, [{**current, **fields}])

    def remove(self, kind: Kind, object_id: int) -> None:
        current = self.store.objects.get(kind, object_id)
        if current is None:
            raise ActionRefused(QT_TRANSLATE_NOOP(
                "ActionRefused", "{kind}: {id} is not on this device."), kind=kind, id=object_id)
        self.undo.append({"kind": kind.value, "id": object_id, "before": current, "absent": []})
        self._ingest(kind, [{"id": object_id, "isdeleted": 1}])

    def put_setting(self, key: str, value: Any) -> None:
        self.undo.append({"setting": key, "before": self.store.settings.get(key)})
        self.store.settings.put(key, value)
        self.changes = self.changes.merged(ChangeSet(settings=frozenset({key}),
                                                     initiator="user"))

    def restore(self, operation: Mapping[str, Any]) -> None:
        """Apply one undo operation (a discarded entry's local effect goes away)."""
        if "setting" in operation:
            self.store.settings.put(operation["setting"], operation["before"])
            self.changes = self.changes.merged(
                ChangeSet(settings=frozenset({operation["setting"]}), initiator="user"))
            return
        kind, object_id = Kind(operation["kind"]), int(operation["id"])
        current = self.store.objects.get(kind, object_id)
        if current is None:
            if "id" in operation["before"]:
                self._ingest(kind, [operation["before"]])
            return
        restored = {k: v for k, v in current.items() if k not in operation["absent"]}
        self._ingest(kind, [{**restored, **operation["before"]}])

    def _ingest(self, kind: Kind, objects: list[dict[str, Any]]) -> None:
        changes = self.store.objects.ingest(kind, objects).changes
        self.changes = self.changes.merged(ChangeSet({kind: changes}, initiator="user"))


Apply = Callable[[Effect], NewEntry | None]


def reapply_unsent(store: Store, kind: Kind, ids: Collection[int]) -> None:
    """Writer thread, in the sync's page transaction: a page from the server just overwrote
    these objects; put back what the technician changed in them and has not sent yet, oldest
    first, so a sync never hides their work (the server's copy wins once the entry is sent,
    and a discard takes the change back)."""
    outbox = OutboxRepo.of(store)
    if not ids or not outbox.unsent_count():
        return
    for entry in outbox.unsent():
        for operation in entry.undo:
            if operation.get("kind") != kind.value or "after" not in operation:
                continue
            object_id = int(operation["id"])
            current = store.objects.get(kind, object_id) if object_id in ids else None
            if current is not None:
                store.objects.ingest(kind, [{**current, **operation["after"]}])


class Actions:
    """`on_outbox_changed`: an entry was queued, retried or discarded, so whoever sends wakes
    and whoever counts (the sync indicator) looks again. `server_time`: the server's clock,
    which the dates and times sent with an action follow (the device's clock when not given)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        server_time: ServerTime | None = None,
        on_outbox_changed: Callable[[], None] = ignore,
        on_changes: Callable[[ChangeSet], None] = ignore,
        new_request_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._store = store
        self._outbox = OutboxRepo.of(store)
        self._clock = clock
        self._server_time = server_time or ServerTime(clock)
        self._on_outbox_changed = on_outbox_changed
        self._on_changes = on_changes
        self._new_request_id = new_request_id

    # -- check-in and check-out ---------------------------------------------------------------

    async def check_in(self, kind: Kind, object_id: int, lat: float, lon: float) -> ChangeSet:
        if kind not in CHECKIN_OBJECT_TYPES:
            raise ActionRefused(QT_TRANSLATE_NOOP(
                "ActionRefused", "One cannot check in at {kind}."), kind=kind)

        def apply(effect: Effect) -> NewEntry:
            if _checked_in(self._store):
                raise ActionRefused(QT_TRANSLATE_NOOP(
                    "ActionRefused", "You are already checked in; check out first."))
            day, moment = self._stamp()
            effect.put_setting(CHECKIN_KEY, {
                "ischeckedin": 1, "checkinid": 0,
                "checkin": {"id": 0, "ischeckedin": 1, "objecttype": kind.value,
                            _ID_FIELD[kind]: object_id, "checkindate": day,
                            "checkintime": moment, "checkinlatitude": lat,
                            "checkinlongitude": lon},
            })
            effect.put_setting(TICKED_KEY, [])
            return self._entry(
                f"Check in at {_name(self._store, kind, object_id)}", "DoCheckIn",
                {"objecttype": CHECKIN_OBJECT_TYPES[kind], "objectid": object_id,
                 "checkindate": day, "checkintime": moment, "latitude": lat, "longitude": lon},
                kind, object_id,
            )

        return await self._act(apply)

    async def tick_checkpoint(self, checkpoint_id: int, ticked: bool = True) -> ChangeSet:
        """Local only: the ticks travel with the check-out (DoCheckOut's `checkpoints`)."""

        def apply(effect: Effect) -> None:
            if not _checked_in(self._store):
                raise ActionRefused(QT_TRANSLATE_NOOP(
                    "ActionRefused", "Checkpoints are ticked while checked in."))
            ticks = set(self._store.settings.get(TICKED_KEY) or [])
            effect.put_setting(TICKED_KEY, sorted(
                ticks | {checkpoint_id} if ticked else ticks - {checkpoint_id}))

        return await self._act(apply)

    async def check_out(self, lat: float, lon: float) -> ChangeSet:
        """Check out of the current check-in, sending the checkpoints ticked meanwhile."""

        def apply(effect: Effect) -> NewEntry:
            checkin = read_checkin(self._store.settings.get(CHECKIN_KEY))
            if checkin is None:
                raise ActionRefused(QT_TRANSLATE_NOOP("ActionRefused", "You are not checked in."))
            kind, object_id, checkin_id = checkin.kind, checkin.object_id, checkin.checkin_id
            depends_on = None
            if not checkin_id:
                # The check-in is still queued: its answer will carry the id (see the sender).
                earlier = self._outbox.last_of(kind.value, object_id, "DoCheckIn")
                if earlier is None:
                    raise ActionRefused(QT_TRANSLATE_NOOP(
                        "ActionRefused", "The check-in this would end is unknown; sync first."))
                depends_on = earlier.id
            day, moment = self._stamp()
            ticks = [as_int(tick) for tick in self._store.settings.get(TICKED_KEY) or []]
            effect.put_setting(CHECKIN_KEY, {"ischeckedin": 0, "checkinid": 0, "checkin": None})
            effect.put_setting(TICKED_KEY, [])
            return self._entry(
                f"Check out of {_name(self._store, kind, object_id)}", "DoCheckOut",
                {"checkinid": checkin_id or None, "checkoutdate": day, "checkouttime": moment,
                 "latitude": lat, "longitude": lon, "checkpoints": ticks},
                kind, object_id, depends_on=depends_on,
            )

        return await self._act(apply)

    # -- reminders ------------------------------------------------------------------------------

    async def accept_reminder(self, stodo_id: int) -> ChangeSet:
        def apply(effect: Effect) -> NewEntry:
            summary = f"Complete reminder {_name(self._store, Kind.STODO, stodo_id)}"
            effect.remove(Kind.STODO, stodo_id)
            return self._entry(summary, "StodoAccept", {"stodoid": stodo_id},
                               Kind.STODO, stodo_id)

        return await self._act(apply)

    async def postpone_reminder(self, stodo_id: int, minutes: int) -> ChangeSet:
        def apply(effect: Effect) -> NewEntry:
            reminder = self._store.objects.get(Kind.STODO, stodo_id) or {}
            day, moment = as_date(reminder.get("date")), as_time(reminder.get("time"))
            if day is not None:
                moved = datetime.combine(day, moment or datetime.min.time()) + timedelta(
                    minutes=minutes)
                effect.patch(Kind.STODO, stodo_id, {
                    "date": moved.date().isoformat(),
                    "time": moved.time().isoformat(timespec="seconds")})
            return self._entry(
                f"Postpone reminder {_name(self._store, Kind.STODO, stodo_id)} by {minutes} min",
                "StodoAccept", {"stodoid": stodo_id, "postpone": minutes},
                Kind.STODO, stodo_id,
            )

        return await self._act(apply)

    # -- equipment ------------------------------------------------------------------------------

    async def pick_up_tool(self, tool_id: int, lat: float, lon: float) -> ChangeSet:
        user = current_user_id(self._store.settings.get(USER_KEY))
        return await self._tool_carrier("PickupTool", "Pick up", tool_id, user, lat, lon)

    async def set_down_tool(self, tool_id: int, lat: float, lon: float) -> ChangeSet:
        return await self._tool_carrier("SetDownTool", "Set down", tool_id, 0, lat, lon)

    async def _tool_carrier(
        self, command: str, verb: str, tool_id: int, carrier: int, lat: float, lon: float
    ) -> ChangeSet:
        """The carrier changes at once; when the technician took it is noted in a local
        setting (TAKEN_SINCE_KEY), not on the tool: the API has no such field, and the next
        sync replaces the whole tool object with the server's copy."""

        def apply(effect: Effect) -> NewEntry:
            effect.patch(Kind.TOOL, tool_id, {"carrier_userid": carrier})
            since = {key: value for key, value in
                     (self._store.settings.get(TAKEN_SINCE_KEY) or {}).items()
                     if key != str(tool_id)}
            if carrier:
                since[str(tool_id)] = self._clock.now().isoformat(timespec="seconds")
            effect.put_setting(TAKEN_SINCE_KEY, since)
            return self._entry(
                f"{verb} {_name(self._store, Kind.TOOL, tool_id)}", command,
                {"toolid": tool_id, "latitude": lat, "longitude": lon}, Kind.TOOL, tool_id,
            )

        return await self._act(apply)

    async def start_service(self, tool_id: int) -> ChangeSet:
        """Service starts today (server's date): `lastservice` is today and `nextservice` one
        interval of the equipment type on, at once; the server's answer settles both."""

        def apply(effect: Effect) -> NewEntry:
            tool = self._store.objects.get(Kind.TOOL, tool_id) or {}
            day, moment = self._stamp()
            fields = {"lastservice": day}
            kind_of_tool = read_tool_types(self._store.settings.get(TOOL_TYPES_KEY)).get(
                as_int(tool.get("groupid")))
            due = kind_of_tool.next_service(date.fromisoformat(day)) if kind_of_tool else None
            if due is not None:
                fields["nextservice"] = due.isoformat()
            effect.patch(Kind.TOOL, tool_id, fields)
            return self._entry(
                f"Start service on {_name(self._store, Kind.TOOL, tool_id)}", "StartToolService",
                {"toolid": tool_id, "servicedate": day, "servicetime": moment},
                Kind.TOOL, tool_id,
            )

        return await self._act(apply)

    # -- notes, task state, photos --------------------------------------------------------------

    async def post_note(self, kind: Kind, object_id: int, text: str, title: str = "") -> ChangeSet:
        if kind not in NOTE_OBJECT_TYPES:
            raise ActionRefused(QT_TRANSLATE_NOOP(
                "ActionRefused", "Notes cannot be posted on {kind}."), kind=kind)

        def apply(_effect: Effect) -> NewEntry:
            return self._entry(
                f"Note on {_name(self._store, kind, object_id)}", "PostMessage",
                {"message": {"message": text}, "objecttype": NOTE_OBJECT_TYPES[kind],
                 "objectid": object_id, "title": title},
                kind, object_id,
            )

        return await self._act(apply)

    async def change_task_state(self, todo_id: int, state_id: int) -> ChangeSet:
        def apply(effect: Effect) -> NewEntry:
            states = read_task_states(self._store.settings.get(STATES_KEY))
            state = next((s for s in states if s.id == state_id), None)
            fields: dict[str, Any] = {"stateid": state_id}
            if state:
                fields |= {"statetext": state.title, "isclosed": int(state.isclosed)}
            effect.patch(Kind.TODO, todo_id, fields)
            label = state.title if state else str(state_id)
            return self._entry(
                f"Set {_name(self._store, Kind.TODO, todo_id)} to {label}", "CreateUpdateTodo",
                {"todo": {"id": todo_id, "stateid": state_id}}, Kind.TODO, todo_id,
            )

        return await self._act(apply)

    async def attach_photo(self, kind: Kind, object_id: int, title: str, jpeg: bytes) -> ChangeSet:
        if kind not in PHOTO_COMMANDS:
            raise ActionRefused(QT_TRANSLATE_NOOP(
                "ActionRefused", "Photos cannot be attached to {kind}."), kind=kind)
        command, id_field = PHOTO_COMMANDS[kind]

        def apply(_effect: Effect) -> NewEntry:
            day, moment = self._stamp()
            return self._entry(
                f"Photo {title!r} of {_name(self._store, kind, object_id)}", command,
                {id_field: object_id, "title": title,
                 "imagedata": base64.b64encode(jpeg).decode(), "createdate": day,
                 "createtime": moment},
                kind, object_id, lane=Lane.ATTACHMENT,
            )

        return await self._act(apply)

    # -- the outbox itself: retry and discard -----------------------------------------------------

    async def retry(self, entry_id: int) -> None:
        await self._store.write(self._outbox.retry, entry_id)
        self._on_outbox_changed()

    async def retry_all(self) -> int:
        def retry_failed() -> int:
            failed = self._outbox.entries(State.FAILED)
            for entry in failed:
                self._outbox.retry(entry.id)
            return len(failed)

        count = await self._store.write(retry_failed)
        self._on_outbox_changed()
        return count

    async def discard(self, entry_id: int) -> ChangeSet:
        """Drop the entry and what cannot succeed without it; roll back their local effects."""
        changes = self._shown(await self._store.write(self._discard, [entry_id]))
        self._on_outbox_changed()
        return changes

    async def discard_all(self) -> ChangeSet:
        """Discard every failed entry (and what waits behind each)."""
        changes = self._shown(await self._store.write(
            lambda: self._discard([e.id for e in self._outbox.entries(State.FAILED)])))
        self._on_outbox_changed()
        return changes

    def _discard(self, entry_ids: list[int]) -> ChangeSet:
        effect = Effect(self._store)
        for entry_id in entry_ids:
            if self._outbox.get(entry_id) is None:
                continue  # already gone behind an earlier one of the list
            for entry in self._outbox.discard(entry_id):
                for operation in reversed(entry.undo):
                    effect.restore(operation)
        return effect.changes

    # -- machinery --------------------------------------------------------------------------------

    async def _act(self, apply: Apply) -> ChangeSet:
        changes, queued = await self._store.write(self._transaction, apply)
        self._shown(changes)
        if queued:
            self._on_outbox_changed()
        return changes

    def _shown(self, changes: ChangeSet) -> ChangeSet:
        """Tell the views at once: the technician sees their change before it is sent."""
        if changes:
            self._on_changes(changes)
        return changes

    def _transaction(self, apply: Apply) -> tuple[ChangeSet, bool]:
        """The effect's changes; a queued entry changes its object too (what is pending on it),
        so a page shows a queued note that has no local object yet."""
        effect = Effect(self._store)
        entry = apply(effect)
        if entry is None:
            return effect.changes, False
        self._outbox.add(replace(entry, undo=effect.undo))
        queued = ChangeSet.single(Kind(entry.object_kind), changed=[entry.object_id],
                                  initiator="user")
        return effect.changes.merged(queued), True

    def _entry(
        self, summary: str, command: str, params: dict[str, Any], kind: Kind, object_id: int,
        *, lane: Lane = Lane.SMALL, depends_on: int | None = None,
    ) -> NewEntry:
        return NewEntry(
            request_id=self._new_request_id(),
            created=self._clock.now().isoformat(sep=" ", timespec="seconds"),
            created_server=self._server_time.now().isoformat(sep=" ", timespec="seconds"),
            summary=summary, command=command, params=params, object_kind=kind.value,
            object_id=object_id, lane=lane, depends_on=depends_on,
        )

    def _stamp(self) -> tuple[str, str]:
        """When the action happened, on the server's clock: what the back office records."""
        now = self._server_time.now()
        return now.date().isoformat(), now.time().isoformat(timespec="seconds")


def _checked_in(store: Store) -> bool:
    return read_checkin(store.settings.get(CHECKIN_KEY)) is not None


def _name(store: Store, kind: Kind, object_id: int) -> str:
    """How a person recognises the object in the list of unsent changes."""
    obj = store.objects.get(kind, object_id) or {}
    label = as_str(obj.get("title") or obj.get("name") or obj.get("description"))
    noun = kind.label.lower().rstrip("s")
    return f"{noun} {object_id}" + (f" ({label})" if label else "")

