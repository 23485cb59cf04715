"""A list's column headers before its rows can be read: what the window shows while the store
is still opening, so the lists are there, titled, at once (bench/cold_start.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.core.kinds import Kind
from app.views.list_columns import CONTEXT, LIST_COLUMNS

Index = QModelIndex | QPersistentModelIndex


class ColumnHeaders(QAbstractTableModel):
    """A kind's columns, no rows: the same headers `ObjectListModel` shows once it is there."""

    def __init__(self, kind: Kind, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = LIST_COLUMNS[kind]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return QCoreApplication.translate(CONTEXT, self._columns[section].header)
        return None
