"""peewee models, built for one database at a time.

Models are made per database (not module-level classes bound to a global), so a process can
hold several stores (tests, tools) and nothing is a singleton.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import (
    AutoField,
    CharField,
    Database,
    FloatField,
    IntegerField,
    Model,
    ModelIndex,
    TextField,
)

from app.core.kinds import Kind
from app.db.columns import COLUMNS, ColumnIndex

_FIELD_TYPES = {"INTEGER": IntegerField, "TEXT": TextField, "REAL": FloatField}
_DEFAULTS = {"INTEGER": 0, "TEXT": "", "REAL": 0.0}


@dataclass(frozen=True, slots=True)
class Tables:
    objects: dict[Kind, type[Model]]
    cursor: type[Model]
    setting: type[Model]
    outbox: type[Model]
    # The indexes that main pages look up related objects by (`ColumnIndex.LOOKUP`): not made
    # with the tables, but after a pass's loops or at a page's first lookup
    # (app/db/objects.py, index_lookups).
    lookups: tuple[ModelIndex, ...]

    def all(self) -> list[type[Model]]:
        return [*self.objects.values(), self.cursor, self.setting, self.outbox]


def make_tables(database: Database) -> Tables:
    class Base(Model):
        class Meta:
            pass

    Base._meta.database = database

    objects: dict[Kind, type[Model]] = {}
    lookups: list[ModelIndex] = []
    for kind, columns in COLUMNS.items():
        # The rows are kept in the order they were first stored (`seq`, the rowid), not by
        # object id: a first sync receives objects in the order they changed, with their ids
        # all over the range, and a table kept by id took each page's 500 rows into 500
        # different places of the file, each rewritten whole in the log at every page's commit
        # and again by the checkpoint (17 GB written for 500k objects; bench/README.md). The id
        # is a unique index, and each indexed column's index holds the id after the value, so
        # a list sorted by the column and then by id reads it in order.
        indexes = tuple(((column.name, "id"), False) for column in columns
                        if column.index is ColumnIndex.LIST)
        attrs: dict[str, object] = {
            "__module__": __name__,
            "seq": AutoField(),
            "id": IntegerField(unique=True),
            "data": TextField(),
            "Meta": type("Meta", (), {"table_name": kind.value, "indexes": indexes}),
        }
        for column in columns:
            field_type = _FIELD_TYPES[column.sql_type]
            default = _DEFAULTS[column.sql_type]
            attrs[column.name] = field_type(default=default)
        model: Any = type(f"{kind.name.title()}Row", (Base,), attrs)  # its fields are attrs
        objects[kind] = model
        # Named as peewee names the indexes of `Meta.indexes`, as a store made before these
        # waited for the first sync has them.
        lookups.extend(
            ModelIndex(model, (getattr(model, column.name), model.id), safe=True)
            for column in columns if column.index is ColumnIndex.LOOKUP)

    class SyncCursor(Base):
        """Where one …ByLastChange loop stands (per command and parameter signature).

        `changedate`/`changetime` is the cursor of the last completed loop; `resumekey` and
        `loop_date`/`loop_time` belong to the loop under way, so a killed process resumes it.
        """

        key = CharField(primary_key=True)
        phase = CharField(default="initial")
        changedate = CharField(default="1970-01-01")
        changetime = CharField(default="00:00:00")
        resumekey = TextField(null=True)
        loop_date = CharField(null=True)
        loop_time = CharField(null=True)
        pages = IntegerField(default=0)
        objects = IntegerField(default=0)
        last_success = CharField(null=True)
        last_error = TextField(null=True)

        class Meta:
            table_name = "sync_cursor"

    class Setting(Base):
        """Setup data and app state as raw JSON by key (main pages, functions, states, …)."""

        key = CharField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "setting"

    class Outbox(Base):
        """The technician's actions waiting to reach the server, in the order they were made.

        `params` is the command as it will be sent, minus `clientrequestid` (added from
        `request_id` at send time, so a resend carries the same id); what a send resolves
        (a check-out's `checkinid`) is written back into it before the request leaves.
        `depends_on` is the entry whose answer this one needs (a check-out needs its
        check-in's id); `undo` is what restores the local effect if the entry is discarded;
        `result` keeps a done entry's answer for the entries that depend on it; `baseline` is
        what the server showed just before the entry was sent, so reading back can tell this
        entry's effect from an earlier identical one (app/sync/outbox.py). `created` is the
        device's time the action was made, `created_server` the same moment on the server's
        clock (app.core.clock.ServerTime; null for entries older than schema 4).
        """

        id = AutoField()
        request_id = CharField(unique=True)
        created = CharField()
        created_server = CharField(null=True)
        summary = TextField(default="")
        command = CharField()
        params = TextField()
        object_kind = CharField()
        object_id = IntegerField()
        depends_on = IntegerField(null=True)
        lane = CharField(default="small")
        state = CharField(default="pending")
        attempts = IntegerField(default=0)
        next_attempt = CharField(null=True)
        last_error = TextField(null=True)
        server_message = TextField(null=True)
        undo = TextField(default="[]")
        result = TextField(null=True)
        sent_at = CharField(null=True)
        baseline = TextField(null=True)

        class Meta:
            table_name = "outbox"
            indexes = (
                (("state", "lane"), False),
                (("object_kind", "object_id"), False),
            )

    return Tables(objects=objects, cursor=SyncCursor, setting=Setting, outbox=Outbox,
                  lookups=tuple(lookups))
