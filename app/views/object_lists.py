"""Table models over the session's object lists, fetched in batches as the user scrolls."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.sync.session import Session

Index = QModelIndex | QPersistentModelIndex

# (column in the store, header) per kind; the first entry is the sort order.
LIST_COLUMNS: Mapping[Kind, Sequence[tuple[str, str]]] = {
    Kind.TODO: (
        ("number", "No."), ("title", "Title"), ("customertext", "Customer"),
        ("statetext", "State"), ("city", "City"), ("enddate", "Deadline"),
    ),
    Kind.CUSTOMER: (
        ("name", "Name"), ("customernumber", "No."), ("address", "Address"),
        ("zip", "Zip"), ("city", "City"), ("phone", "Phone"),
    ),
    Kind.PERSON: (
        ("name", "Name"), ("title", "Title"), ("email", "E-mail"), ("phone", "Phone"),
        ("mobile", "Mobile"),
    ),
    Kind.TOOL: (
        ("title", "Name"), ("number", "No."), ("grouptext", "Type"), ("statetext", "State"),
    ),
}
SORT_COLUMN = {Kind.TODO: "enddate", Kind.CUSTOMER: "name", Kind.PERSON: "name",
               Kind.TOOL: "title"}
BATCH = 256


class ObjectListModel(QAbstractTableModel):
    """One kind's rows, read on demand, kept up to date row by row.

    The loaded rows are always the first rows of the whole sorted list (so the next batch is
    simply the next offset). A ChangeSet that touches the kind is applied to them in place:
    rows of removed objects are removed, rows of changed objects re-read (and moved when their
    sort key changed), added objects inserted at their sorted position among the loaded rows
    (one that sorts past them only grows the total, for fetchMore to bring). The list is never
    reset, so the selection and the scroll position survive every sync.

    The count follows the ChangeSets (added minus removed) without querying. A hidden list
    only collects the ids its ChangeSets touched and applies them when shown, so a large sync
    does not keep the GUI thread busy with lists nobody looks at.
    """

    def __init__(self, session: Session, kind: Kind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._session = session
        self._columns = LIST_COLUMNS[kind]
        self._names = [name for name, _ in self._columns]
        self._sort = 1 + self._names.index(SORT_COLUMN[kind])  # its place in a row
        self._rows: list[tuple[Any, ...]] = []
        self._total = session.count(kind)
        self._shown = True
        self._touched: set[int] = set()  # ids changed since the rows were last brought in line
        self._was_complete = False  # whether every row was loaded before those changes
        self._busy = False  # changing the rows: no fetching meanwhile

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()][0]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section][1]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._busy and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):  # callers (Qt's model tester) need not ask first
            return
        batch = self.query(offset=len(self._rows), limit=BATCH)
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self._busy = True  # Qt may ask for more from within the insertion's signals
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()
        finally:
            self._busy = False

    def row_of(self, object_id: int) -> int:
        """The row showing `object_id`, fetching further batches as needed; -1 if none."""
        while True:
            for row, values in enumerate(self._rows):
                if values[0] == object_id:
                    return row
            if not self.canFetchMore():
                return -1
            self.fetchMore()

    def query(self, *, offset: int, limit: int) -> list[tuple[Any, ...]]:
        """(id, *columns) of the whole sorted list from `offset`."""
        return self._session.rows(self.kind, self._names, order_by=SORT_COLUMN[self.kind],
                                  offset=offset, limit=limit)

    # -- changes ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def refresh(self, changes: ChangeSet) -> None:
        if not changes.touches(self.kind):
            return
        entry = changes.of(self.kind)
        if not self._touched:
            self._was_complete = len(self._rows) >= self._total
        self._total += len(entry.added) - len(entry.removed)
        self._touched |= entry.added | entry.changed | entry.removed
        if self._shown:
            self._apply()

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown and self._touched:
            self._apply()

    def _apply(self) -> None:
        """Bring the loaded rows in line with the store for the touched ids.

        Each id is judged by what the store holds now, not by how the ChangeSet named it:
        ChangeSets merged while the list was hidden or coalesced by the bridge may call an
        object removed that was added again, and the store is the truth.
        """
        touched, self._touched = self._touched, set()
        if not self._rows:
            self.fetchMore()  # nothing loaded to correct: load the first batch as a view would
            return
        fresh = self._session.rows_of(self.kind, touched, self._names)
        loaded = {row[0]: position for position, row in enumerate(self._rows)
                  if row[0] in touched}
        # No fetching meanwhile: Qt fetches from within a removal's signals, and a batch read
        # at a half-updated offset would hold rows about to be inserted.
        self._busy = True
        try:
            self._remove([p for i, p in loaded.items() if i not in fresh])
            for object_id in loaded.keys() & fresh.keys():
                self._update(object_id, fresh[object_id], self._was_complete)
            self._insert([row for i, row in fresh.items() if i not in loaded],
                         self._was_complete)
        finally:
            self._busy = False
        self._total = max(self._total, len(self._rows))

    def _remove(self, positions: Collection[int]) -> None:
        """Remove rows, a contiguous run at a time, from the bottom up."""
        runs: list[list[int]] = []
        for position in sorted(positions, reverse=True):
            if runs and runs[-1][0] == position + 1:
                runs[-1][0] = position
            else:
                runs.append([position, position])
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _update(self, object_id: int, row: tuple[Any, ...], complete: bool) -> None:
        """Re-read one loaded row; move it when its sort key changed (or, when it now sorts
        past the loaded rows and not every row is loaded, drop it for fetchMore to bring)."""
        source = next(p for p, values in enumerate(self._rows) if values[0] == object_id)
        if self._key(row) == self._key(self._rows[source]):
            self._rows[source] = row
            self.dataChanged.emit(self.index(source, 0),
                                  self.index(source, len(self._columns) - 1))
            return
        others = self._rows[:source] + self._rows[source + 1:]
        target = bisect.bisect_left(others, self._key(row), key=self._key)
        if target == len(others) and not complete:
            self._remove([source])  # it sorts among rows not loaded: fetchMore brings it
            return
        if target != source:
            # Qt counts the destination before the move: below the source it is one further.
            destination = target + 1 if target > source else target
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
            self._rows = [*others[:target], row, *others[target:]]
            self.endMoveRows()
        else:
            self._rows[source] = row
        self.dataChanged.emit(self.index(target, 0), self.index(target, len(self._columns) - 1))

    def _insert(self, rows: list[tuple[Any, ...]], complete: bool) -> None:
        """Insert new rows at their sorted places among the loaded ones, a run at a time.

        One sorting past the last loaded row is left for fetchMore, unless every row was
        loaded and the list is still short of a batch (a view would show it at once).
        """
        if not rows:
            return
        rows.sort(key=self._key)
        last = self._key(self._rows[-1]) if self._rows else None
        inside = [row for row in rows if last is not None and self._key(row) < last]
        room = BATCH - len(self._rows) - len(inside) if complete else 0
        after = [row for row in rows if last is None or self._key(row) > last][:max(room, 0)]
        runs: list[tuple[int, list[tuple[Any, ...]]]] = []
        for row in inside:
            position = bisect.bisect_left(self._rows, self._key(row), key=self._key)
            if runs and runs[-1][0] == position:
                runs[-1][1].append(row)
            else:
                runs.append((position, [row]))
        if after:
            runs.append((len(self._rows), after))
        for position, run in reversed(runs):  # from the bottom up: earlier places stay valid
            self.beginInsertRows(QModelIndex(), position, position + len(run) - 1)
            self._rows[position:position] = run
            self.endInsertRows()

    def _key(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row's place in the list, as SQLite orders it: the sort column (NULL first,
        then numbers, then text), then the id."""
        value = row[self._sort]
        rank = 0 if value is None else 1 if isinstance(value, int | float) else 2
        return (rank, value if value is not None else 0, row[0])
