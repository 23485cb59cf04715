"""The search field: find a task, customer, person or piece of equipment by typing.

The field sits in the toolbar; Ctrl+F (`SearchBox.focus_action`) goes to it, and typing a
letter or digit in a list starts a search with that character. Results appear under the
field while typing, grouped by kind, each with the field that matched when its title line
does not show it ("Phone: +45 23 45 67 89"). Down and Up move through them, Enter opens the
chosen one (the first when none is chosen), Esc clears the field, and Esc again goes back to
where the technician was. Each keystroke searches at once: the store answers within the
budget of bench/search.py, so nothing is debounced and Enter never opens a stale result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget
from shiboken6 import isValid

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.core.searchable import SEARCHED_KINDS
from app.sync.session import SearchHit, SearchResults, Session
from app.views.formatting import kind_title

Index = QModelIndex | QPersistentModelIndex
OpenPage = Callable[[Kind, int], None]

HIT_ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of a result row; None for a group's title
LIMIT_PER_KIND = 8
_VISIBLE_ROWS = 16


def field_label(key: str) -> str:
    """What a matched field is called beside a result (a custom field: its own title)."""
    labels = {
        "number": QCoreApplication.translate("Search", "Number"),
        "customernumber": QCoreApplication.translate("Search", "Customer number"),
        "title": QCoreApplication.translate("Search", "Title"),
        "name": QCoreApplication.translate("Search", "Name"),
        "firstname": QCoreApplication.translate("Search", "First name"),
        "lastname": QCoreApplication.translate("Search", "Last name"),
        "customertext": QCoreApplication.translate("Search", "Customer"),
        "address": QCoreApplication.translate("Search", "Address"),
        "address2": QCoreApplication.translate("Search", "Address"),
        "zip": QCoreApplication.translate("Search", "Zip"),
        "city": QCoreApplication.translate("Search", "City"),
        "phone": QCoreApplication.translate("Search", "Phone"),
        "mobile": QCoreApplication.translate("Search", "Mobile"),
        "email": QCoreApplication.translate("Search", "E-mail"),
        "www": QCoreApplication.translate("Search", "Website"),
        "vat": QCoreApplication.translate("Search", "CVR"),
        "secondary_text": QCoreApplication.translate("Search", "Search text"),
        "serialnumber": QCoreApplication.translate("Search", "Serial no."),
        "barcode": QCoreApplication.translate("Search", "Barcode"),
        "grouptext": QCoreApplication.translate("Search", "Type"),
    }
    return labels.get(key, key)


@dataclass(frozen=True, slots=True)
class _Row:
    text: str  # a group's title, a result's title line, or the note that nothing matched
    hit: SearchHit | None = None
    hint: str = ""
    group: bool = False


class SearchResultsModel(QAbstractListModel):
    """The results as one list: each kind's title row, then its results. Title rows cannot be
    chosen, so the keyboard and the mouse land only on results."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def show_results(self, results: SearchResults, hint: Callable[[SearchHit], str],
                     *, nothing: str = "") -> None:
        """The results, each with its hint; `nothing` is the one row shown when there are
        none (no row at all when it is empty)."""
        self.beginResetModel()
        self._rows = []
        for kind, hits in results.items():
            self._rows.append(_Row(kind_title(kind), group=True))
            self._rows += [_Row(found.title, found, hint(found)) for found in hits]
        if not self._rows and nothing:
            self._rows.append(_Row(nothing))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.text}    {row.hint}" if row.hint else row.text
        if role == Qt.ItemDataRole.ToolTipRole and row.hit is not None:
            return row.hint or None
        if role == Qt.ItemDataRole.FontRole and row.hit is None:
            font = QFont()
            font.setBold(row.group)
            font.setItalic(not row.group)
            return font
        if role == HIT_ROLE and row.hit is not None:
            return (row.hit.kind, row.hit.id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def result_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.hit is not None]


class SearchBox(QLineEdit):
    """The field, its results under it, and what the Ctrl+F action does (see module).

    The results are a child of the window laid over its content, not a popup window: the
    keyboard stays in the field, where Down, Up, Enter and Esc steer the results.
    """

    def __init__(
        self, session: Session, open_page: OpenPage, window: QWidget, focus_action: QAction
    ) -> None:
        """`focus_action`: the window's Find… (Ctrl+F), made with its menus before the field."""
        super().__init__(window)
        self._session = session
        self._open_page = open_page
        self._window = window
        self._came_from: QWidget | None = None  # where Esc returns (a page may be gone by then)
        self.setObjectName("search-field")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setPlaceholderText(self.tr("Find a task, customer, person or equipment (Ctrl+F)"))
        self.model = SearchResultsModel(self)
        self.results = QListView(window)
        self.results.setObjectName("search-results")
        self.results.setModel(self.model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(True)
        self.results.clicked.connect(self._open_index)
        self.results.hide()
        self.focus_action = focus_action
        self.focus_action.setToolTip(self.tr("Find a task, customer, person or equipment"))
        self.focus_action.triggered.connect(lambda: self.start())
        window.addAction(self.focus_action)
        self.textChanged.connect(self._search)

    # -- starting ---------------------------------------------------------------------------

    def start(self, text: str | None = None) -> None:
        """Go to the field: with `text`, a new search of it; without, the last one selected."""
        focused = self._window.focusWidget()
        if focused is not self:
            self._came_from = focused
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if text is None:
            self.selectAll()  # typing replaces the last search, the arrows keep it
            self._search(self.text())
        else:
            self.setText(text)  # unchanged text: focusInEvent has searched it already

    def watch(self, *lists: QWidget) -> None:
        """Typing a letter or digit in one of these lists searches for it."""
        for widget in lists:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                              | Qt.KeyboardModifier.KeypadModifier)
            if plain and text.isprintable() and text.strip():
                self.start(text)
                return True
        return super().eventFilter(watched, event)

    def refresh(self, changes: ChangeSet) -> None:
        """A store write landed while results are shown: show what the store holds now."""
        if self.results.isVisible() and any(changes.touches(kind) for kind in SEARCHED_KINDS):
            self._search(self.text())

    # -- results ----------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        results = self._session.search(text, limit_per_kind=LIMIT_PER_KIND)
        custom = any(hit.field.startswith("custom") for hits in results.values() for hit in hits)
        titles = {f.key: f.title for f in self._session.setup.custom_fields()} if custom else {}
        nothing = self.tr("Nothing found for “{text}”").format(text=text.strip())
        self.model.show_results(results, lambda hit: self._hint(hit, titles),
                                nothing=nothing if text.strip() else "")
        rows = self.model.result_rows()
        if rows:
            self.results.setCurrentIndex(self.model.index(rows[0], 0))
        self._place_results()

    def _hint(self, hit: SearchHit, custom_titles: dict[str, str]) -> str:
        """"Phone: +45 23 45 67 89": the matched field by its label (a custom field by its
        title), its text on one line."""
        if not hit.field:
            return ""
        label = custom_titles.get(hit.field) or field_label(hit.field)
        text = " ".join(hit.text.split())
        return self.tr("{field}: {text}").format(field=label, text=_shortened(text))

    def _place_results(self) -> None:
        """Under the field, as wide as the field or wider, as tall as the rows (or a note
        that nothing matched)."""
        corner = self.mapTo(self._window, QPoint(0, self.height()))
        width = max(self.width(), 560)
        width = min(width, self._window.width() - corner.x())
        rows = min(max(self.model.rowCount(), 1), _VISIBLE_ROWS)
        height = rows * max(self.results.sizeHintForRow(0), 20) + 2 * self.results.frameWidth()
        self.results.setGeometry(corner.x(), corner.y(), width, height)
        self.results.setVisible(self.model.rowCount() > 0)
        self.results.raise_()

    def _move(self, step: int) -> None:
        rows = self.model.result_rows()
        if not rows:
            return
        current = self.results.currentIndex().row()
        position = rows.index(current) + step if current in rows else 0
        row = rows[max(0, min(position, len(rows) - 1))]
        self.results.setCurrentIndex(self.model.index(row, 0))
        self.results.scrollTo(self.model.index(row, 0))

    def _open_index(self, index: QModelIndex) -> None:
        target = self.model.data(index, HIT_ROLE)
        if target is None:
            return
        self.results.hide()
        kind, object_id = target
        self._open_page(kind, object_id)

    def _open_chosen(self) -> None:
        rows = self.model.result_rows()
        current = self.results.currentIndex()
        if current.isValid() and current.row() in rows:
            self._open_index(current)
        elif rows:
            self._open_index(self.model.index(rows[0], 0))

    # -- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_chosen()
        elif key == Qt.Key.Key_Escape:
            self._escape()
        else:
            super().keyPressEvent(event)

    def _escape(self) -> None:
        """Esc clears the field; on an empty field it goes back to where the technician was."""
        if self.text():
            self.clear()
            return
        self.results.hide()
        came_from = self._came_from
        if came_from is not None and isValid(came_from) and came_from.isVisible():
            came_from.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusOutEvent(self, event: Any) -> None:
        self.results.hide()
        super().focusOutEvent(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        if self.text().strip():
            self._search(self.text())


def _shortened(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
