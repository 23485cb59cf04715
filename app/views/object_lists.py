"""Table models over the store's object tables, fetched in batches as the user scrolls."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.db import Store

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
    """One kind's rows, read on demand; refreshes only for ChangeSets that touch its kind.

    The count follows the ChangeSets (added minus removed) without querying. Rows are reloaded
    only while the list is shown: a hidden list is marked stale and reloads when shown, so a
    large sync does not keep the GUI thread busy with lists nobody looks at.
    """

    def __init__(self, store: Store, kind: Kind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._store = store
        self._columns = LIST_COLUMNS[kind]
        self._rows: list[tuple[Any, ...]] = []
        self._total = store.objects.count(kind)
        self._shown = True
        self._stale = False

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
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        batch = self._query(offset=len(self._rows), limit=BATCH)
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def row_of(self, object_id: int) -> int:
        """The row showing `object_id`, fetching further batches as needed; -1 if none."""
        while True:
            for row, values in enumerate(self._rows):
                if values[0] == object_id:
                    return row
            if not self.canFetchMore():
                return -1
            self.fetchMore()

    # -- store ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def refresh(self, changes: ChangeSet) -> None:
        if not changes.touches(self.kind):
            return
        entry = changes.of(self.kind)
        self._total += len(entry.added) - len(entry.removed)
        self._stale = True
        if self._shown:
            self._reload()

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown and self._stale:
            self._reload()

    def _reload(self) -> None:
        loaded = max(len(self._rows), BATCH)
        self.beginResetModel()
        self._rows = self._query(offset=0, limit=loaded)
        self._stale = False
        self.endResetModel()

    def _query(self, *, offset: int, limit: int) -> list[tuple[Any, ...]]:
        model = self._store.tables.objects[self.kind]
        fields = [model.id, *(getattr(model, name) for name, _ in self._columns)]
        order = getattr(model, SORT_COLUMN[self.kind])
        query = model.select(*fields).order_by(order, model.id).offset(offset).limit(limit)
        return list(query.tuples())
