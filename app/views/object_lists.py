"""Table models over the session's object lists, fetched in batches as the user scrolls,
filtered and sorted by the store as the technician chose."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.sync.listing import ListChoice, Where, condition
from app.sync.session import Session
from app.views.list_columns import (
    CONTEXT,
    EXTRA_COLUMNS,
    LIST_COLUMNS,
    default_choice,
    shown_value,
)

Index = QModelIndex | QPersistentModelIndex

BATCH = 256
# The roles a cell answers, as ints: QModelRoleData.role() gives an int (see `multiData`).
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = Qt.ItemDataRole.UserRole.value


class ObjectListModel(QAbstractTableModel):
    """One kind's rows, read on demand, kept up to date row by row.

    The loaded rows are always the first rows of the whole sorted list (so the next batch is
    simply the next offset). A ChangeSet that touches the kind is applied to them in place:
    rows of removed objects are removed, rows of changed objects re-read (and moved when their
    sort key changed), added objects inserted at their sorted position among the loaded rows
    (one that sorts past them only grows the total, for fetchMore to bring), and the rows
    beyond what the view asked for let go. The list is never reset, so the selection and the
    scroll position survive every sync.

    The count follows the ChangeSets (added minus removed) without querying. A hidden list
    only collects the ids its ChangeSets touched and applies them when shown, so a large sync
    does not keep the GUI thread busy with lists nobody looks at.
    """

    choice_changed = Signal(object)  # ListChoice: the technician sorted or filtered

    def __init__(
        self, session: Session, kind: Kind, parent: Any = None, choice: ListChoice | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._session = session
        self._columns = LIST_COLUMNS[kind]
        self._names = [column.name for column in self._columns] + list(EXTRA_COLUMNS.get(kind, ()))
        self._choice = choice or default_choice(kind)
        self._sort = 1 + self._names.index(self._choice.sort)  # its place in a row
        self._where = self._condition()
        self._users: dict[int, str] = {}  # carriers' names, read once per change
        self._rows: list[tuple[Any, ...]] = []
        self._total = session.count(kind, self._where)
        self._shown = True
        self._touched: set[int] = set()  # ids changed since the rows were last brought in line
        self._was_complete = False  # whether every row was loaded before those changes
        self._busy = False  # changing the rows: no fetching meanwhile
        self._wanted = 0  # how many rows the view has asked for

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        return None if row is None else self._value(row, index.column(), role)

    def multiData(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of a cell, in one call. A view paints a cell with seven
        roles; asked one `data` call each, a screen of rows was some 840 calls into Python,
        most of a repaint's time, and each waited for the interpreter lock while a sync's
        threads held it: the window's longest stalls during a first sync (bench/gui_stall.py).
        """
        row = self._row_at(index)
        column = index.column()
        # a span is a sequence (__len__, __getitem__), which PySide6's stubs do not say
        span = [roles] if isinstance(roles, QModelRoleData) else cast(Sequence[QModelRoleData],
                                                                        roles)
        for wanted in span:
            wanted.setData(None if row is None else self._value(row, column, wanted.role()))

    def _row_at(self, index: Index) -> tuple[Any, ...] | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def _value(self, row: tuple[Any, ...], column: int, role: int) -> Any:
        if role in (_DISPLAY, _TOOLTIP):
            return self._cell(row, column)
        if role == _ID:
            return row[0]
        return None

    def _cell(self, row: tuple[Any, ...], column: int) -> Any:
        """A cell as the technician reads it: dates in the locale's short form, and where no
        customer holds a tool, who carries it."""
        spec = self._columns[column]
        value = shown_value(spec, row[column + 1])
        if spec.name == "location" and not value and row[-1]:
            return QCoreApplication.translate("ObjectList", "Carried by {name}").format(
                name=self._user_name(row[-1]))
        return value

    def _user_name(self, user_id: int) -> str:
        if user_id not in self._users:
            user = self._session.setup.user(user_id)
            self._users[user_id] = user.name if user else f"#{user_id}"
        return self._users[user_id]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return QCoreApplication.translate(CONTEXT, self._columns[section].header)
        return None

    # -- the technician's choice -------------------------------------------------------------

    @property
    def choice(self) -> ListChoice:
        return self._choice

    @property
    def sort_column(self) -> int:
        """The shown column the list is sorted by (the header's sort indicator)."""
        return self._sort - 1

    def column_width(self, column: int) -> int:
        return self._columns[column].width

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: sorted by that column, by the store."""
        if 0 <= column < len(self._columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_choice(ListChoice(self._columns[column].name, descending,
                                       self._choice.filter, self._choice.state))

    def set_choice(self, choice: ListChoice) -> None:
        """Filter and sort as chosen: the list is read again from the top (its first batch
        at once, the rest as the view scrolls), and the choice announced to be kept."""
        if choice == self._choice:
            return
        self._choice = choice
        self._reload()
        self.choice_changed.emit(choice)

    def _condition(self) -> Where | None:
        if self._choice.filter == "all":
            return None
        return condition(self.kind, self._choice, self._session.list_context())

    def _reload(self) -> None:
        self._busy = True  # the view asks for more from within the reset's signals
        try:
            self.beginResetModel()
            self._sort = 1 + self._names.index(self._choice.sort)
            self._where = self._condition()
            self._rows = []
            self._touched = set()
            self._wanted = 0
            self._total = self._session.count(self.kind, self._where)
            self.endResetModel()
        finally:
            self._busy = False
        self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._busy and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):  # callers (Qt's model tester) need not ask first
            return
        last = self._rows[-1] if self._rows else None
        batch = self._session.rows(
            self.kind, self._names, order_by=self._choice.sort,
            descending=self._choice.descending, limit=BATCH, where=self._where,
            after=None if last is None else (last[self._sort], last[0]),
        )
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
        self._wanted = max(self._wanted, len(self._rows))

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
        """(id, *columns) of the whole filtered, sorted list from `offset`."""
        return self._session.rows(self.kind, self._names, order_by=self._choice.sort,
                                  descending=self._choice.descending, offset=offset,
                                  limit=limit, where=self._where)

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
        self._users.clear()
        if self._where is None:  # a filtered list counts again when it applies the changes
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

        Only what now sorts within the loaded rows is read (all of it while every row is
        loaded and they are fewer than a batch): a loaded row not read back was deleted or
        sorts past them now, and a new object past them is for fetchMore. Each id is judged
        by what the store holds, not by how the ChangeSet named it: ChangeSets merged while
        the list was hidden or coalesced by the bridge may call an object removed that was
        added again, and the store is the truth.
        """
        if self._where is not None and self._condition() != self._where:
            self._reload()  # what the filter means moved (a new day, plan or check-in)
            return
        touched, self._touched = self._touched, set()
        if not self._rows:
            self.fetchMore()  # nothing loaded to correct: load the first batch as a view would
            return
        few = self._was_complete and len(self._rows) < BATCH
        last = self._rows[-1]
        fresh = self._session.rows_of(
            self.kind, touched, self._names, order_by=self._choice.sort,
            descending=self._choice.descending, where=self._where,
            through=None if few else (last[self._sort], last[0]), held=len(self._rows),
        )
        loaded = {row[0] for row in self._rows if row[0] in touched}
        # No fetching meanwhile: Qt fetches from within a removal's signals, and a batch read
        # at a half-updated offset would hold rows about to be inserted.
        self._busy = True
        try:
            self._remove({i for i in loaded if i not in fresh})
            self._move(self._update([fresh[i] for i in loaded if i in fresh]))
            self._insert([row for i, row in fresh.items() if i not in loaded])
            self._trim()
        finally:
            self._busy = False
        if self._where is not None:
            self._total = self._session.count(self.kind, self._where)
        self._total = max(self._total, len(self._rows))

    def _remove(self, ids: Collection[int]) -> None:
        """Remove the rows of these ids, a contiguous run at a time, from the bottom up."""
        runs: list[list[int]] = []
        positions = [p for p, row in enumerate(self._rows) if row[0] in ids] if ids else []
        for position in reversed(positions):
            if runs and runs[-1][0] == position + 1:
                runs[-1][0] = position
            else:
                runs.append([position, position])
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _update(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Put re-read rows in place, in one dataChanged over their span; return those whose
        sort key changed (they must move)."""
        if not rows:
            return []
        fresh = {row[0]: row for row in rows}
        updated: list[int] = []
        moved: list[tuple[Any, ...]] = []
        for position, current in enumerate(self._rows):
            row = fresh.get(current[0])
            if row is None:
                continue
            if self._key(row) == self._key(current):
                self._rows[position] = row
                updated.append(position)
            else:
                moved.append(row)
        if updated:
            self.dataChanged.emit(self.index(min(updated), 0),
                                  self.index(max(updated), len(self._columns) - 1))
        return moved

    def _move(self, rows: list[tuple[Any, ...]]) -> None:
        """Put loaded rows whose sort key changed in their new places, in one layout change
        that carries the selection along."""
        if not rows:
            return
        moving = {row[0]: row for row in rows}
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        after = [row for row in before if row[0] not in moving]
        for row in sorted(moving.values(), key=self._key):
            bisect.insort(after, row, key=self._key)
        position = {row[0]: index for index, row in enumerate(after)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(position[before[index.row()][0]], index.column()) for index in persistent
        ])
        self._rows = after
        self.layoutChanged.emit()

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        """Insert new rows at their sorted places, a run at a time, from the bottom up (so
        the places found before stay valid)."""
        if not rows:
            return
        keys = [self._key(row) for row in self._rows]
        runs: list[tuple[int, list[tuple[Any, ...]]]] = []
        for row in sorted(rows, key=self._key):
            position = bisect.bisect_left(keys, self._key(row))
            if runs and runs[-1][0] == position:
                runs[-1][1].append(row)
            else:
                runs.append((position, [row]))
        for position, run in reversed(runs):
            self.beginInsertRows(QModelIndex(), position, position + len(run) - 1)
            self._rows[position:position] = run
            self.endInsertRows()

    def _trim(self) -> None:
        """Hold no more rows than the view asked for: rows inserted among them during a
        sync would otherwise make every later change dearer. fetchMore brings them back."""
        keep = max(self._wanted, BATCH)
        if len(self._rows) > keep:
            self.beginRemoveRows(QModelIndex(), keep, len(self._rows) - 1)
            del self._rows[keep:]
            self.endRemoveRows()

    def _key(self, row: tuple[Any, ...]) -> Any:
        """The row's place in the list, as SQLite orders it: the sort column (NULL first,
        then numbers, then text), then the id; the other way round when descending."""
        value = row[self._sort]
        rank = 0 if value is None else 1 if isinstance(value, int | float) else 2
        key = (rank, value if value is not None else 0, row[0])
        return _Descending(key) if self._choice.descending else key


@functools.total_ordering
class _Descending:
    """A sort key that orders the other way, so bisect works on a descending list."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and self.key == other.key

    __hash__ = None  # type: ignore[assignment]
