"""The Session: everything views and boxes may read and do, and nothing else.

Built by app/composition.py and handed to the window, the lists and the main-page boxes
instead of the store and the services behind it. Reads go to the store (WAL: the GUI thread
reads while the writer writes); every change goes through `actions`; `changes` tells what a
write changed. Views never learn where the writing happens, so the writer can move to another
thread or process without a view changing. They import nothing from app.db or app.api: the
outbox types they show are re-exported here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import orjson

from app.api.setup_shapes import (
    current_user_id,
    read_checkin,
    read_checkpoints,
    read_column_groups,
    read_custom_fields,
    read_layout,
    read_main_pages,
    read_mobile_app_settings,
    read_my_teams,
    read_task_states,
    read_tool_types,
    read_users,
)
from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.core.setup import (
    CheckIn,
    Checkpoint,
    ColumnGroup,
    CustomField,
    Layout,
    MainPageBox,
    TaskState,
    ToolType,
    User,
)
from app.core.values import as_id
from app.db import Store
from app.db.columns import ColumnIndex, indexed_columns
from app.db.cursors import Cursor
from app.db.outbox import Entry, OutboxRepo, State
from app.sync import keys, listing
from app.sync.actions import Actions
from app.sync.controls import SyncControls
from app.sync.listing import Where
from app.sync.loader import Loader
from app.sync.plan import CALENDAR_DAYS
from app.sync.search import SearchHit, SearchResults, search
from app.sync.step_log import StepLog, StepRun

__all__ = [
    "ChangeStream", "Cursor", "Entry", "SearchHit", "SearchResults", "Session", "SetupData",
    "State",
]

Listener = Callable[[ChangeSet], None]


class ChangeStream:
    """What each store write changed, to whoever listens (the Qt bridge, a headless page).

    Publishers call `publish` on the thread that awaited the write (the event loop's);
    listeners run in the order they subscribed, each ChangeSet once.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Listen from now on; call the returned function to stop."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        for listener in list(self._listeners):
            listener(changes)


class SetupData:
    """The contract's setup, typed (app/core/setup.py), read from what the last sync kept.

    Read on each call: the answers are small, and a setup change (a new main page layout, the
    check-in an action just made) is seen at once without a cache to invalidate.

    `previewed`: a layout (main pages and column groups) that stands in for the account's, for
    the layout preview; everything else is still the account's.
    """

    def __init__(self, store: Store, previewed: Layout | None = None) -> None:
        self._settings = store.settings
        self._previewed = previewed

    def layout(self) -> Layout:
        """The main pages and column groups in use: the previewed ones, else the account's."""
        if self._previewed is not None:
            return self._previewed
        return read_layout(self._settings.get(keys.MAIN_PAGES_KEY),
                           self._settings.get(keys.COLUMN_GROUPS_KEY))

    def main_page(self, kind: Kind) -> tuple[MainPageBox, ...]:
        """The boxes of `kind`'s main page in display order; () when the server defines none."""
        if self._previewed is not None:
            return tuple(self._previewed.pages.get(kind, ()))
        return read_main_pages(self._settings.get(keys.MAIN_PAGES_KEY)).get(kind, ())

    def column_group(self, group_id: int) -> ColumnGroup | None:
        if self._previewed is not None:
            return self._previewed.column_groups.get(group_id)
        return read_column_groups(self._settings.get(keys.COLUMN_GROUPS_KEY)).get(group_id)

    def custom_fields(self, kind: Kind | None = None) -> tuple[CustomField, ...]:
        """Every custom field definition, or those of one object kind."""
        fields = read_custom_fields(self._settings.get(keys.CUSTOM_FIELDS_KEY)).values()
        return tuple(f for f in fields if kind is None or f.kind == kind)

    def custom_field(self, field_id: int) -> CustomField | None:
        return read_custom_fields(self._settings.get(keys.CUSTOM_FIELDS_KEY)).get(field_id)

    def functions(self) -> frozenset[str]:
        """The functions GetMobileAppSettings switches on (ToolTake, CustomersProcedures, …)."""
        return read_mobile_app_settings(self._settings.get(keys.MOBILE_APP_SETTINGS_KEY)).functions

    def enabled(self, function: str) -> bool:
        return function in self.functions()

    def task_states(self) -> tuple[TaskState, ...]:
        return read_task_states(self._settings.get(keys.STATES_KEY))

    def checkpoints(self) -> Mapping[int, Checkpoint]:
        return read_checkpoints(self._settings.get(keys.CHECKPOINTS_KEY))

    def tool_types(self) -> Mapping[int, ToolType]:
        return read_tool_types(self._settings.get(keys.TOOL_TYPES_KEY))

    def user(self, user_id: int) -> User | None:
        return read_users(self._settings.get(keys.USERS_KEY)).get(user_id)

    def current_user_id(self) -> int:
        """The technician's user id; 0 before the first sync."""
        return current_user_id(self._settings.get(keys.USER_KEY))

    def checkin(self) -> CheckIn | None:
        """The open check-in (one still in the outbox too, with checkin_id 0), or None."""
        return read_checkin(self._settings.get(keys.CHECKIN_KEY),
                            self._settings.get(keys.TICKED_KEY))

    def taken_since(self, tool_id: int) -> datetime | None:
        """When the technician picked the tool up on this device (the API does not say), as
        the pick-up action noted it; None when it was not picked up here."""
        moments = self._settings.get(keys.TAKEN_SINCE_KEY) or {}
        moment = moments.get(str(tool_id)) if isinstance(moments, Mapping) else None
        try:
            return datetime.fromisoformat(moment) if isinstance(moment, str) else None
        except ValueError:
            return None


class Session:
    """Read access, typed setup data, and the services views and boxes use (see module)."""

    def __init__(
        self,
        store: Store,
        *,
        actions: Actions,
        loader: Loader,
        controls: SyncControls,
        changes: ChangeStream,
    ) -> None:
        self._store = store
        self._outbox = OutboxRepo.of(store)
        self.setup = SetupData(store)
        self.actions = actions
        self.loader = loader
        self.controls = controls
        self.changes = changes
        self._lookups_asked = False  # see `related`

    def previewing(self, layout: Layout) -> Session:
        """This session with `layout`'s main pages and column groups in place of the account's
        (the layout preview): the same objects, functions and custom fields, so a page built
        from it is the page the technician would get with that layout."""
        twin = copy.copy(self)
        twin.setup = SetupData(self._store, layout)
        return twin

    # -- objects ------------------------------------------------------------------------------

    def count(self, kind: Kind, where: Where | None = None) -> int:
        """How many objects of `kind` there are, or how many meet `where` (a list's filter)."""
        if where is None:
            return self._store.objects.count(kind)
        sql = f'SELECT count(*) FROM "{kind.value}" WHERE {where.sql}'
        return int(self._store.database.execute_sql(sql, where.params).fetchone()[0])

    def rows(
        self,
        kind: Kind,
        columns: Sequence[str],
        *,
        order_by: str,
        descending: bool = False,
        offset: int = 0,
        limit: int = 256,
        where: Where | None = None,
        after: tuple[Any, int] | None = None,
    ) -> list[tuple[Any, ...]]:
        """One page of (id, *columns) of `kind`, sorted by `order_by` and then id (the same
        way in both directions, so pages never overlap), of the objects that meet `where`.

        Columns are the table's own or a list's derived values (app/sync/listing.py). With
        `after` = (value, id) of the last row of the previous page, the page starts after it:
        the store seeks there (through the index where the column has one) instead of counting
        `offset` rows from the top, so the last page of 100,000 costs what the first does.
        """
        self._known(kind, (order_by, *columns))
        sql, params = listing.page(kind, columns, order_by, descending, where, after)
        cursor = self._store.database.execute_sql(f"{sql} LIMIT ? OFFSET ?",
                                                  [*params, limit, offset])
        return [tuple(row) for row in cursor.fetchall()]

    def rows_of(
        self,
        kind: Kind,
        ids: Collection[int],
        columns: Sequence[str],
        *,
        order_by: str = "id",
        descending: bool = False,
        through: tuple[Any, int] | None = None,
        held: int | None = None,
        where: Where | None = None,
    ) -> dict[int, tuple[Any, ...]]:
        """The (id, *columns) rows of these objects, by id; an id not stored (or not meeting
        `where`) is left out, and with `through` = (value, id) so is one that sorts after that
        row (by `order_by`, then id, `descending` or not): a list that holds the first rows
        asks only for what falls among them, and says how many it holds (`held`)."""
        # Plain SQL with the ids as one JSON parameter: during a sync this runs on the GUI
        # thread for hundreds of ids, and building a query of that many parameters costs more
        # than SQLite takes to answer it.
        sort = self._expression(kind, order_by)
        # A list that holds its first rows asks `through` its last one. When it holds fewer
        # rows than there are ids, and the sort column has an index, SQLite reads that range
        # of the index and tests each row's id against these ids ("+id" keeps it off the id
        # index), rather than look each id up: a first sync's refresh of 2,000 ids at 100k,
        # the list holding 256 rows, took 3.9 ms that way and 0.3 ms this way.
        by_range = (through is not None and held is not None and held < len(ids)
                    and order_by in indexed_columns(kind))
        ids_term = "+id" if by_range else "id"
        sql = f"{self._select(kind, columns)} WHERE {ids_term} IN (SELECT value FROM json_each(?))"
        params: list[Any] = [orjson.dumps(sorted(ids)).decode()]
        if where is not None:
            sql += f" AND {where.sql}"
            params += where.params
        if through is not None:
            sql += f" AND ({sort}, id) {'>=' if descending else '<='} (?, ?)"
            params += [through[0], through[1]]
        cursor = self._store.database.execute_sql(sql, params)
        return {row[0]: tuple(row) for row in cursor.fetchall()}

    def _expression(self, kind: Kind, name: str) -> str:
        """The SQL of a column to select or sort by; ValueError for one the list lacks."""
        self._known(kind, (name,))
        return listing.expression(kind, name)

    def _select(self, kind: Kind, columns: Sequence[str]) -> str:
        self._known(kind, columns)
        return listing.select(kind, columns)

    def _known(self, kind: Kind, names: Iterable[str]) -> None:
        """ValueError for a column the list lacks: neither the table's nor a derived one."""
        fields = self._store.tables.objects[kind]._meta.fields
        for name in names:
            if name not in fields and name not in listing.DERIVED.get(kind, {}):
                raise ValueError(f"Not a column of {kind.value}: {name}")

    def list_context(self) -> listing.Context:
        """What the lists' filters are measured against, as the store holds it now: the
        technician, their teams, today, their planned tasks of the synced calendar, and
        where "near" is measured from (see app/sync/listing.py)."""
        settings = self._store.settings
        today = self.loader.clock.now().date()
        planned = {
            day: listing.planned_tasks(self.calendar(day, "production"))
            for day in (today + timedelta(days=n) for n in range(-CALENDAR_DAYS, CALENDAR_DAYS + 1))
        }
        context = listing.Context(
            user_id=self.setup.current_user_id(), teams=read_my_teams(settings.get(keys.TEAMS_KEY)),
            today=today, planned={day.isoformat(): ids for day, ids in planned.items() if ids},
        )
        return replace(context, near=self._near_point(context))

    def _near_point(self, context: listing.Context) -> tuple[float, float] | None:
        checkin = self.setup.checkin()
        if checkin is not None:
            here = listing.position(self.object(checkin.kind, checkin.object_id))
            if here is not None:
                return here
        today, now = context.today.isoformat(), self.loader.clock.now().strftime("%H:%M:%S")
        for day in sorted(d for d in context.planned if d >= today):
            for entry in sorted(self.calendar(date.fromisoformat(day), "production"),
                                key=lambda e: str(e.get("fromtime", ""))):
                if day == today and str(entry.get("totime") or "99") < now:
                    continue  # over already: the next one is where the technician goes
                place = listing.position(self.object(Kind.TODO, as_id(entry.get("todoid"))))
                if place is not None:
                    return place
        if checkin is not None and (checkin.latitude or checkin.longitude):
            return (checkin.latitude, checkin.longitude)
        return None

    def calendar(self, day: date, name: str) -> list[dict[str, Any]]:
        """A day's calendar entries as the last read kept them: "events" (appointments) or
        "production" (planning of tasks); [] for a day not read."""
        entries = self._store.settings.get(keys.calendar_key(name, day)) or []
        return [entry for entry in entries if isinstance(entry, dict)]

    def object(self, kind: Kind, object_id: int) -> dict[str, Any] | None:
        """The whole object as the server sent it (with the technician's unsent changes)."""
        return self._store.objects.get(kind, object_id)

    def has_field(self, kind: Kind, field: str) -> bool:
        """Whether any object of `kind` has a value in `field` (a column of a previewed column
        group that no object has shows nothing anywhere)."""
        sql = f'SELECT 1 FROM "{kind.value}" WHERE json_extract(data, ?) IS NOT NULL LIMIT 1'
        path = '$."' + field.replace('"', "") + '"'
        return self._store.database.execute_sql(sql, [path]).fetchone() is not None

    def related(self, kind: Kind, **equals: Any) -> list[dict[str, Any]]:
        """Objects whose indexed columns equal the values: related(Kind.TOOL, customerid=4).

        A store that a first sync is filling has no indexes for these lookups yet (they cost
        its pages, app/db/columns.py `ColumnIndex`): each lookup reads its table, and a main
        page open while the sync writes looks again at each change (a p99 tick of 9 ms rather
        than 7 at 100k objects). So the session's first lookup has them made at once, on the
        writer, and the rest of the sync keeps them; a store that has them is left as it is.
        """
        if not self._lookups_asked and indexed_columns(kind, ColumnIndex.LOOKUP) & equals.keys():
            self._lookups_asked = True
            self._store.write_soon(self._store.objects.index_lookups)
        return self._store.objects.find(kind, **equals)

    def search(self, text: str, *, limit_per_kind: int = 8) -> SearchResults:
        """Tasks, customers, persons and equipment matching what was typed, by kind: every
        word of `text` begins a word of the object (numbers, names, addresses, phone numbers,
        e-mail, serial numbers, custom fields; "Ålb" finds Aalborg). Fast enough for each
        keystroke; an action's local change is found at once."""
        return search(self._store, text, limit_per_kind)

    def pending(self, kind: Kind, object_id: int) -> list[Entry]:
        """The object's outbox entries not yet known to have reached the server, oldest first
        (a queued note, a check-in waiting to be sent)."""
        return self._outbox.of_object(kind.value, object_id)

    # -- sync -----------------------------------------------------------------------------------

    def step_runs(self) -> dict[str, StepRun]:
        """Each plan step's last run: when, how long, how it ended (the sync status page)."""
        return StepLog(self._store).last_runs()

    @property
    def data_folder(self) -> Path:
        """Where the store (and the log file) lives: Settings and About show it."""
        return self._store.path.parent


def _tuples(query: Any) -> Iterable[tuple[Any, ...]]:
    """A peewee query's rows as plain tuples (peewee's own types say nothing of them)."""
    return cast(Iterable[tuple[Any, ...]], query.tuples())
