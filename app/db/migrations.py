"""Schema versions. The version lives in SQLite's `PRAGMA user_version`.

Each migration takes the database and its tables and brings the schema one version up; later
versions use playhouse.migrate for ALTERs. Migrations run in one transaction at open, so a
store is either at the old version or the new one, never between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from peewee import Database
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as alter

from app.core.kinds import LISTED_KINDS
from app.db.search import SearchIndex
from app.db.tables import Tables

log = logging.getLogger(__name__)

Migration = Callable[[Database, Tables], None]


def _v1_initial(database: Database, tables: Tables) -> None:
    objects = [tables.objects[kind] for kind in LISTED_KINDS]
    database.create_tables([*objects, tables.cursor, tables.setting])


def _v2_everything_the_main_pages_need(database: Database, tables: Tables) -> None:
    """Products, notes, procedures, relations, registrations, reminders, calls, product use."""
    database.create_tables(
        [model for kind, model in tables.objects.items() if kind not in LISTED_KINDS]
    )


def _v3_outbox(database: Database, tables: Tables) -> None:
    """The queue of the technician's actions (app/db/outbox.py), as the model is today."""
    database.create_tables([tables.outbox])


def _v4_server_time_of_outbox_entries(database: Database, tables: Tables) -> None:
    """Each outbox entry keeps the server-corrected time it was made at beside the device's.

    A store made at version 3 by this release already has the column (v3 creates the table
    from the current model), so it is added only where it is missing.
    """
    if "created_server" not in {column.name for column in database.get_columns("outbox")}:
        alter(SqliteMigrator(database).add_column(
            "outbox", "created_server", tables.outbox.created_server))


def _v5_outbox_baseline(database: Database, tables: Tables) -> None:
    """Each outbox entry keeps what the server showed just before it was sent (`baseline`), so
    reading back tells its effect from an earlier identical one. Added only where it is
    missing, as in v4."""
    if "baseline" not in {column.name for column in database.get_columns("outbox")}:
        alter(SqliteMigrator(database).add_column("outbox", "baseline", tables.outbox.baseline))


def _v6_search_index(database: Database, tables: Tables) -> None:
    """The search field's full-text index (app/db/search.py), built from the objects a store
    of an earlier version already holds, so they are found without waiting for a sync."""
    _store_objects_in_order(database, tables)  # the index's rows refer to v8's `seq`
    index = SearchIndex(database)
    index.create()
    indexed = index.rebuild()
    if indexed:
        log.info("Indexed %d stored objects for searching", indexed)


def _v7_search_index_one_character_prefixes(database: Database, tables: Tables) -> None:
    """The search index without its two- and three-character prefix indexes, which slowed
    every sync page more than they sped up a search (app/db/search.py): a store of version 6
    has its index made again from its objects; one that v6 made just now already has it."""
    index = SearchIndex(database)
    if index.outdated():
        _store_objects_in_order(database, tables)  # the index's rows refer to v8's `seq`
        index.drop()
        index.create()
        log.info("Indexed %d stored objects for searching again", index.rebuild())


def _v8_objects_in_the_order_stored(database: Database, tables: Tables) -> None:
    """The object tables keep their rows in the order they were first stored, the object id a
    unique index (app/db/tables.py: a first sync of 500k objects wrote 17 GB with the rows
    kept by id), and the search index refers to that order. A store of version 7 has each
    table copied into the new layout and its index made again; one that an earlier step made
    just now (v1 and v2 make today's tables, v6 and v7 copy an older store's before they index
    it) already has both."""
    if _store_objects_in_order(database, tables):
        index = SearchIndex(database)
        index.drop()
        index.create()
        log.info("Indexed %d stored objects for searching again", index.rebuild())


def _store_objects_in_order(database: Database, tables: Tables) -> bool:
    """Copy each object table still kept by id into the layout of today's model; whether any
    was."""
    copied = False
    for kind, model in tables.objects.items():
        table = kind.value
        if "seq" in {column.name for column in database.get_columns(table)}:
            continue
        before = f"{table}_before_v8"
        database.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{before}"')
        for index in database.get_indexes(before):
            if index.sql:  # not the primary key's own
                database.execute_sql(f'DROP INDEX "{index.name}"')
        database.create_tables([model])
        names = ", ".join(f'"{field.column_name}"' for field in model._meta.sorted_fields
                          if field.name != "seq")
        database.execute_sql(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "{before}" '
                             "ORDER BY id")
        database.execute_sql(f'DROP TABLE "{before}"')
        copied = True
    return copied


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial,
    _v2_everything_the_main_pages_need,
    _v3_outbox,
    _v4_server_time_of_outbox_entries,
    _v5_outbox_baseline,
    _v6_search_index,
    _v7_search_index_one_character_prefixes,
    _v8_objects_in_the_order_stored,
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(RuntimeError):
    """The data directory was written by a newer Field Client; refuse rather than damage it."""


def migrate(database: Database, tables: Tables) -> int:
    current = database.execute_sql("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"The local data is from a newer Field Client (schema {current}, this is "
            f"{SCHEMA_VERSION}). Update the app or choose another data folder."
        )
    if current == 0:
        log.info("Setting up the local store")
    elif current < SCHEMA_VERSION:
        log.info("Updating the local store to version %d", SCHEMA_VERSION)
    with database.atomic():
        for version in range(current, SCHEMA_VERSION):
            log.debug("Migrating the local store to schema version %d", version + 1)
            MIGRATIONS[version](database, tables)
        database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION
