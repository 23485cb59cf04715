"""Sync cursors: the server date/time to ask from, and the resumekey of a loop under way."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import Database

from app.db.tables import Tables

EPOCH = ("1970-01-01", "00:00:00")


@dataclass(frozen=True, slots=True)
class Cursor:
    key: str
    phase: str
    changedate: str
    changetime: str
    resumekey: str | None
    loop_date: str | None
    loop_time: str | None
    pages: int
    objects: int
    last_success: str | None
    last_error: str | None


class CursorRepo:
    def __init__(self, database: Database, tables: Tables) -> None:
        self._db = database
        self._model = tables.cursor

    def get(self, key: str) -> Cursor:
        row = self._model.get_or_none(self._model.key == key)
        if row is None:
            return Cursor(key, "initial", *EPOCH, None, None, None, 0, 0, None, None)
        return Cursor(
            row.key, row.phase, row.changedate, row.changetime, row.resumekey, row.loop_date,
            row.loop_time, row.pages, row.objects, row.last_success, row.last_error,
        )

    def all(self) -> list[Cursor]:
        return [self.get(row.key) for row in self._model.select(self._model.key)]

    # -- writes (writer thread, inside the page's transaction) ------------------------------

    def page_committed(
        self, key: str, *, resumekey: str, loop_date: str, loop_time: str, objects: int
    ) -> None:
        """A page of a loop that goes on: remember where to resume and when the loop began.

        One statement, which reads the loop's first page (no resumekey yet) from the row
        itself: it runs for every page of a sync (250 for 100k objects)."""
        updated = self._db.execute_sql(
            f'UPDATE "{self._model._meta.table_name}" SET resumekey = ?, '
            "loop_date = CASE WHEN resumekey IS NULL THEN ? ELSE loop_date END, "
            "loop_time = CASE WHEN resumekey IS NULL THEN ? ELSE loop_time END, "
            "pages = CASE WHEN resumekey IS NULL THEN 0 ELSE pages END + 1, "
            "objects = CASE WHEN resumekey IS NULL THEN 0 ELSE objects END + ? "
            'WHERE "key" = ?',
            (resumekey, loop_date, loop_time, objects, key),
        ).rowcount
        if not updated:
            self._model.insert(key=key, resumekey=resumekey, loop_date=loop_date,
                               loop_time=loop_time, pages=1, objects=objects).execute()

    def loop_completed(
        self, key: str, *, date: str, time: str, finished_at: str, phase: str | None = None
    ) -> None:
        """The loop returned its last page: `date`/`time` become the next cursor."""
        self._save(
            key,
            changedate=date,
            changetime=time,
            resumekey=None,
            loop_date=None,
            loop_time=None,
            last_success=finished_at,
            last_error=None,
            **({"phase": phase} if phase else {}),
        )

    def restart(self, key: str, *, phase: str, date: str = EPOCH[0], time: str = EPOCH[1]) -> None:
        self._save(key, phase=phase, changedate=date, changetime=time, resumekey=None,
                   loop_date=None, loop_time=None)

    def drop_resumekey(self, key: str) -> Cursor:
        """The loop reads again from its cursor, which comes back for its next request."""
        self._save(key, resumekey=None, loop_date=None, loop_time=None)
        return self.get(key)

    def failed(self, key: str, message: str) -> None:
        self._save(key, last_error=message)

    def _save(self, key: str, **fields: object) -> None:
        model = self._model
        updated = model.update(**fields).where(model.key == key).execute()
        if not updated:
            model.insert(key=key, **fields).execute()
