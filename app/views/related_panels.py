"""What hangs off an object, one click away on its main page: its equipment, its product use
and its notes.

Each section is an expander. Nothing is read when the page opens: a section asks the lazy
loader (app/sync/loader.py) the first time it is opened, shows what the store holds meanwhile,
says how old that is ("as of 10:42") and reads again on its refresh button. A read that fails
says so in the section, over the rows the device still has.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ChangeSet
from app.core.errors import FieldClientError, TransportError
from app.core.kinds import Kind
from app.mainpage_boxes.api import Concerns, PageHooks
from app.sync.actions import NOTE_OBJECT_TYPES
from app.sync.loader import THREAD_OBJECT_TYPES, read_key
from app.sync.session import Session
from app.views.formatting import clock_text, date_text

# -- what the technician reads (translated where shown, context Section) -------------------------
EQUIPMENT = cast(str, QT_TRANSLATE_NOOP("Section", "Equipment"))
PRODUCT_USE = cast(str, QT_TRANSLATE_NOOP("Section", "Product use"))
NOTES = cast(str, QT_TRANSLATE_NOOP("Section", "Notes"))
# The titles once the rows are counted.
EQUIPMENT_COUNTED = cast(str, QT_TRANSLATE_NOOP("Section", "Equipment ({count})"))
PRODUCT_USE_COUNTED = cast(str, QT_TRANSLATE_NOOP("Section", "Product use ({count})"))
NOTES_COUNTED = cast(str, QT_TRANSLATE_NOOP("Section", "Notes ({count})"))
OFFLINE = cast(str, QT_TRANSLATE_NOOP("Section", "Not available offline; showing {shown}"))
FAILED = cast(str, QT_TRANSLATE_NOOP("Section", "Could not read it ({why}); showing {shown}"))
WAITING = cast(str, QT_TRANSLATE_NOOP("Section", "Waiting to be sent"))
EQUIPMENT_COLUMNS = (
    cast(str, QT_TRANSLATE_NOOP("Section", "Number")),
    cast(str, QT_TRANSLATE_NOOP("Section", "Equipment")),
    cast(str, QT_TRANSLATE_NOOP("Section", "Type")),
    cast(str, QT_TRANSLATE_NOOP("Section", "State")),
)
PRODUCT_USE_COLUMNS = (
    cast(str, QT_TRANSLATE_NOOP("Section", "Product")),
    cast(str, QT_TRANSLATE_NOOP("Section", "Amount")),
    cast(str, QT_TRANSLATE_NOOP("Section", "Unit")),
    cast(str, QT_TRANSLATE_NOOP("Section", "Date")),
)
NOTE_COLUMNS = (
    cast(str, QT_TRANSLATE_NOOP("Section", "Note")),
    cast(str, QT_TRANSLATE_NOOP("Section", "By")),
    cast(str, QT_TRANSLATE_NOOP("Section", "When")),
)


class Section(QWidget):
    """One expander: a header that opens it, the age of its data with a refresh button, and a
    tree of rows. Subclasses say what they read (`key`, `read`), which changes concern them
    and how the rows look (`fill`)."""

    title: str
    counted: str  # the title with "({count})"
    columns: tuple[str, ...]

    def __init__(self, session: Session, kind: Kind, object_id: int, hooks: PageHooks,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.object_id = object_id
        self.hooks = hooks
        self.read_count = 0  # reads started here (the first opening and each refresh)
        self._opened_once = False
        self.header = QToolButton(self)
        self.header.setText(self.tr(self.title))
        self.header.setCheckable(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.RightArrow)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.header.toggled.connect(self._toggled)
        self.body = QWidget(self)
        self.age = QLabel(self.body)
        self.age.setObjectName("age")
        self.age.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self.body)
        self.refresh_button.clicked.connect(self.refresh)
        self.tree = QTreeWidget(self.body)
        self.tree.setHeaderLabels([self.tr(column) for column in self.columns])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        status = QHBoxLayout()
        status.addWidget(self.age, 1)
        status.addWidget(self.refresh_button)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(16, 0, 0, 0)
        body.setSpacing(2)
        body.addLayout(status)
        body.addWidget(self.tree)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)

    # -- what a subclass says ----------------------------------------------------------------

    @property
    def key(self) -> str:
        raise NotImplementedError

    def read(self) -> Awaitable[Any]:
        raise NotImplementedError

    def concerns(self) -> Concerns:
        raise NotImplementedError

    def fill(self) -> None:
        """Put the stored rows in the tree (replacing what it showed)."""
        raise NotImplementedError

    # -- opening, reading, following the store -------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.header.isChecked()

    def open(self) -> None:
        self.header.setChecked(True)

    def _toggled(self, opened: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.body.setVisible(opened)
        if opened:
            self.fill()
            self._show_age()
            if not self._opened_once:
                self._opened_once = True
                self._start_read()

    def refresh(self) -> None:
        self.session.loader.expire(self.key)
        self._start_read()

    def _start_read(self) -> None:
        self.read_count += 1
        self.refresh_button.setEnabled(False)
        self.age.setText(self.tr("Reading…"))
        self.hooks.run(self._read(self.read()))

    async def _read(self, reading: Awaitable[Any]) -> None:
        try:
            await reading
        except TransportError:
            self.refresh_button.setEnabled(True)
            self._show_age(OFFLINE)
        except FieldClientError as error:
            self.refresh_button.setEnabled(True)
            self._show_age(FAILED, why=str(error))
        else:
            self.refresh_button.setEnabled(True)
            self.fill()
            self._show_age()

    def _show_age(self, problem: str | None = None, why: str = "") -> None:
        """How old the rows are; after a failed read, the problem over what is shown."""
        when = self.session.loader.read_at(self.key)
        if problem is not None:
            shown = (self.tr("what was read at {when}").format(when=_clock(when)) if when
                     else self.tr("what this device has"))
            self.age.setText(self.tr(problem).format(shown=shown, why=why))
        elif self.refresh_button.isEnabled():
            self.age.setText(self.tr("as of {when}").format(when=_clock(when)) if when else "")

    def apply_changes(self, changes: ChangeSet) -> None:
        if self.is_open and self.concerns().matches(changes):
            self.fill()

    def show_count(self, count: int) -> None:
        """The header says how many rows there are, once they are known."""
        self.header.setText(self.tr(self.counted).format(count=QLocale().toString(count)))

    def show_rows(self, rows: list[tuple[int, tuple[str, ...]]]) -> None:
        """Replace the tree's rows: (object id, cells) each; "None" when there are none."""
        self.show_count(len(rows))
        self.tree.clear()
        for object_id, cells in rows:
            item = QTreeWidgetItem(list(cells))
            item.setData(0, Qt.ItemDataRole.UserRole, object_id)
            self.tree.addTopLevelItem(item)
        if not rows:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("None")]))
        self.fit()

    def fit(self) -> None:
        """As tall as its rows (up to ten), so the page scrolls, not each section."""
        for column in range(1, len(self.columns)):
            self.tree.resizeColumnToContents(column)
        rows = max(1, min(10, _visible_rows(self.tree)))
        height = self.tree.header().sizeHint().height() + rows * (
            self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else 20)
        self.tree.setFixedHeight(height + 2 * self.tree.frameWidth() + 4)


class EquipmentSection(Section):
    """A task's equipment (GetToolsByTodo) or a company's (GetToolsByField custref); the
    store keeps it by the company it stands at. A row opens the equipment's page."""

    title = EQUIPMENT
    counted = EQUIPMENT_COUNTED
    columns = EQUIPMENT_COLUMNS

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.tree.itemActivated.connect(self._open_row)

    @property
    def key(self) -> str:
        return read_key("tools", self.kind, self.object_id)

    def read(self) -> Awaitable[Any]:
        loader = self.session.loader
        if self.kind is Kind.TODO:
            return loader.tools_of_task(self.object_id)
        return loader.tools_of_customers([self.object_id])

    def concerns(self) -> Concerns:
        return Concerns({Kind.TOOL: None, self.kind: frozenset({self.object_id})})

    def _customer(self) -> int:
        if self.kind is Kind.CUSTOMER:
            return self.object_id
        task = self.session.object(Kind.TODO, self.object_id) or {}
        return int(task.get("customerid") or 0)

    def fill(self) -> None:
        customer = self._customer()
        tools = self.session.related(Kind.TOOL, customerid=customer) if customer else []
        tools.sort(key=lambda tool: (str(tool.get("title") or ""), tool["id"]))
        self.show_rows([
            (tool["id"], _cells(tool, "number", "title", "grouptext", "statetext"))
            for tool in tools
        ])

    def _open_row(self, item: QTreeWidgetItem) -> None:
        tool_id = item.data(0, Qt.ItemDataRole.UserRole)
        if tool_id:
            self.hooks.open(Kind.TOOL, int(tool_id))


class ProductUseSection(Section):
    """The products used on a task (GetProductUseByTodoID) or on equipment (…ByToolID)."""

    title = PRODUCT_USE
    counted = PRODUCT_USE_COUNTED
    columns = PRODUCT_USE_COLUMNS

    @property
    def key(self) -> str:
        return read_key("productuse", self.kind, self.object_id)

    def read(self) -> Awaitable[Any]:
        loader = self.session.loader
        if self.kind is Kind.TODO:
            return loader.product_use_of_task(self.object_id)
        return loader.product_use_of_tool(self.object_id)

    def concerns(self) -> Concerns:
        return Concerns({Kind.PRODUCTUSE: None})

    def fill(self) -> None:
        field = "todoid" if self.kind is Kind.TODO else "toolid"
        lines = self.session.related(Kind.PRODUCTUSE, **{field: self.object_id})
        lines.sort(key=lambda line: (str(line.get("date") or ""), line["id"]))
        self.show_rows([
            (line["id"], _cells(line, "producttext", "amount", "unit", "date")) for line in lines
        ])


class NotesSection(Section):
    """The object's threads (GetThreads); a thread opened reads its messages (GetThreadByID).
    The notes the technician wrote that wait in the outbox come first, marked as waiting."""

    title = NOTES
    counted = NOTES_COUNTED
    columns = NOTE_COLUMNS

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.tree.setRootIsDecorated(True)
        self.tree.itemExpanded.connect(self._thread_opened)
        self._threads_read: set[int] = set()

    @property
    def key(self) -> str:
        return read_key("threads", self.kind, self.object_id)

    def read(self) -> Awaitable[Any]:
        return self.session.loader.threads_of(self.kind, self.object_id)

    def concerns(self) -> Concerns:
        return Concerns({Kind.THREAD: None, self.kind: frozenset({self.object_id})})

    def threads(self) -> list[dict[str, Any]]:
        types = {NOTE_OBJECT_TYPES[self.kind], THREAD_OBJECT_TYPES[self.kind]}
        return [thread for thread in self.session.related(Kind.THREAD, objectid=self.object_id)
                if thread.get("objecttype") in types]

    def fill(self) -> None:
        opened = {item.data(0, Qt.ItemDataRole.UserRole)
                  for item in _top_items(self.tree) if item.isExpanded()}
        self.tree.clear()
        for entry in self.session.pending(self.kind, self.object_id):
            if entry.command == "PostMessage":
                text = str(entry.params.get("message", {}).get("message", ""))
                item = QTreeWidgetItem([text, self.tr("You"), self.tr(WAITING)])
                item.setToolTip(2, entry.summary)
                self.tree.addTopLevelItem(item)
        newest_first = sorted(self.threads(), reverse=True, key=lambda thread: (
            _when(thread, "changedate", "changetime"), thread["id"]))
        for thread in newest_first:
            messages = [m for m in thread.get("messages") or [] if isinstance(m, Mapping)]
            item = QTreeWidgetItem([str(thread.get("title") or ""), "",
                                    _when(thread, "changedate", "changetime")])
            item.setData(0, Qt.ItemDataRole.UserRole, thread["id"])
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            for message in messages:
                item.addChild(QTreeWidgetItem([
                    str(message.get("message") or ""), str(message.get("authorname") or ""),
                    _when(message, "changedate", "changetime")]))
            self.tree.addTopLevelItem(item)
            if thread["id"] in opened:
                item.setExpanded(True)
        self.show_count(self.tree.topLevelItemCount())
        if not self.tree.topLevelItemCount():
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("None")]))
        self.fit()

    def _thread_opened(self, item: QTreeWidgetItem) -> None:
        thread_id = item.data(0, Qt.ItemDataRole.UserRole)
        if thread_id and thread_id not in self._threads_read:
            self._threads_read.add(thread_id)
            self.hooks.run(self._read(self.session.loader.thread_messages(int(thread_id))))
        self.fit()


SECTIONS: tuple[tuple[type[Section], frozenset[Kind]], ...] = (
    (EquipmentSection, frozenset({Kind.TODO, Kind.CUSTOMER})),
    (ProductUseSection, frozenset({Kind.TODO, Kind.TOOL})),
    (NotesSection, frozenset(NOTE_OBJECT_TYPES)),
)


class RelatedPanels(QWidget):
    """The sections that apply to the object's kind, stacked, each closed until clicked.
    Hidden where none applies (a person's page)."""

    def __init__(self, session: Session, kind: Kind, object_id: int, hooks: PageHooks,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("related-panels")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sections: list[Section] = []
        for section_class, kinds in SECTIONS:
            if kind in kinds:
                section = section_class(session, kind, object_id, hooks, self)
                section.setObjectName(section_class.__name__)
                layout.addWidget(section)
                self.sections.append(section)
        self.setVisible(bool(self.sections))

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)

    def apply_changes(self, changes: ChangeSet) -> None:
        for section in self.sections:
            section.apply_changes(changes)


def _cells(obj: Mapping[str, Any], *fields: str) -> tuple[str, ...]:
    return tuple("" if obj.get(name) is None else str(obj.get(name)) for name in fields)


def _when(obj: Mapping[str, Any], date_field: str, time_field: str) -> str:
    day, moment = str(obj.get(date_field) or ""), str(obj.get(time_field) or "")
    return f"{day} {moment[:5]}".strip()


def _clock(moment: datetime) -> str:
    """"10:42" today, with the date (the locale's short format) on another day."""
    if moment.date() == datetime.now().date():
        return clock_text(moment)
    return f"{date_text(moment.date())} {clock_text(moment)}"


def _top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [item for i in range(tree.topLevelItemCount())
            if (item := tree.topLevelItem(i)) is not None]


def _visible_rows(tree: QTreeWidget) -> int:
    count = 0
    for item in _top_items(tree):
        count += 1
        if item.isExpanded():
            count += item.childCount()
    return count

