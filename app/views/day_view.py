"""My day / my week: the tasks planned to the technician, their appointments and the hours
they registered, a day or a week at a time, each opening its page.

What the store holds shows at once; the calendar and the registrations of the days shown are
then read from the server through the loader (fresh for a minute, app/sync/loader.py), and
the view follows. Offline it says so and keeps showing what the device has.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ChangeSet
from app.core.errors import FieldClientError, TransportError
from app.core.kinds import Kind
from app.sync.agenda import AgendaEntry, agenda, days, week_of
from app.sync.session import Session
from app.views.tasks import TaskKeeper

Index = QModelIndex | QPersistentModelIndex
OpenPage = Callable[[Kind, int], None]


def _day_text(day: date, form: QLocale.FormatType = QLocale.FormatType.ShortFormat) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), form)


def _time_text(moment: time | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


class AgendaModel(QAbstractTableModel):
    """The entries of the days shown: day, time, what, title, customer or note."""

    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[AgendaEntry] = []
        self._headers = (self.tr("Day"), self.tr("Time"), self.tr("What"), self.tr("Title"),
                         self.tr("Customer / note"))
        self._whats = {"task": self.tr("Planned task"), "appointment": self.tr("Appointment"),
                       "registration": self.tr("Registered")}

    def show_entries(self, entries: list[AgendaEntry]) -> None:
        """Replace the entries (a day holds a few dozen at most: no need to diff them)."""
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> AgendaEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(entry, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return entry.target
        return None

    def _cell(self, entry: AgendaEntry, column: int) -> str:
        if column == 0:
            return _day_text(entry.day)
        if column == 1:
            return self._when(entry)
        if column == 2:
            return self._whats[entry.what]
        if column == 4:
            return entry.detail
        if not entry.title and entry.what == "task":
            return self.tr("Task {id} (not on this device)").format(id=entry.todo_id)
        return entry.title

    def _when(self, entry: AgendaEntry) -> str:
        if entry.whole_day:
            return self.tr("All day")
        if entry.what == "registration":
            hours = QLocale().toString(entry.minutes / 60, "f", 2)
            return self.tr("{start}, {hours} h").format(start=_time_text(entry.start),
                                                       hours=hours)
        if entry.end is not None:
            return f"{_time_text(entry.start)} - {_time_text(entry.end)}"
        return _time_text(entry.start)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self.COLUMNS):
            return self._headers[section]
        return None


class DayView(QWidget):
    """A day or a week of the technician's calendar, with previous, today and next."""

    def __init__(self, session: Session, tasks: TaskKeeper, *, open_page: OpenPage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._open_page = open_page
        self.day = session.loader.clock.now().date()
        self.week = False
        self._shown = False
        self.model = AgendaModel(self)

        self.day_button = QPushButton(self.tr("Day"))
        self.week_button = QPushButton(self.tr("Week"))
        switch = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            switch.addButton(button)
        self.day_button.setChecked(True)
        self.day_button.clicked.connect(lambda: self.show_week(False))
        self.week_button.clicked.connect(lambda: self.show_week(True))
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.heading = QLabel()
        self.heading.setObjectName("day-heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("day-status")

        bar = QHBoxLayout()
        for widget in (self.day_button, self.week_button, self.previous_button,
                       self.today_button, self.next_button, self.heading):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # as the lists: a long text ends in "…"
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 120, 110, 320)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self.open_entry)
        enter = QAction(self.tr("Open"), self.table)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(lambda: self.open_entry(self.table.currentIndex()))
        self.table.addAction(enter)
        self.detail = QLabel()
        self.detail.setObjectName("day-detail")
        self.detail.setWordWrap(True)
        self.detail.hide()

        page = QVBoxLayout(self)
        page.addLayout(bar)
        page.addWidget(self.table, 1)
        page.addWidget(self.detail)

    # -- what is shown -------------------------------------------------------------------------

    @property
    def span(self) -> tuple[date, date]:
        return week_of(self.day) if self.week else (self.day, self.day)

    def set_shown(self, shown: bool) -> None:
        """Read and show when the view comes to the front; nothing while it is hidden."""
        self._shown = shown
        if shown:
            self._reload()

    def show_week(self, week: bool) -> None:
        self.week = week
        (self.week_button if week else self.day_button).setChecked(True)
        self._reload()

    def step(self, direction: int) -> None:
        """The previous or next day (or week)."""
        self.day += timedelta(days=direction * (7 if self.week else 1))
        self._reload()

    def go_today(self) -> None:
        self.day = self._session.loader.clock.now().date()
        self._reload()

    def go_to(self, day: date) -> None:
        self.day = day
        self._reload()

    def apply_changes(self, changes: ChangeSet) -> None:
        """A sync or a read brought calendar days or registrations: show them."""
        calendar = any(key.startswith("calendar.") for key in changes.settings)
        if self._shown and (calendar or changes.touches(Kind.REGISTRATION)
                            or changes.touches(Kind.TODO)):
            self.fill()

    def fill(self) -> None:
        self.model.show_entries(agenda(self._session, *self.span))
        first, last = self.span
        if self.week:
            text = self.tr("Week of {first} - {last}").format(
                first=_day_text(first), last=_day_text(last))
        else:
            text = _day_text(first, QLocale.FormatType.LongFormat)
        self.heading.setText(text)
        if not self.model.rowCount():
            self.detail.setText(self.tr("Nothing planned or registered."))
            self.detail.show()
        else:
            self.detail.hide()

    def _reload(self) -> None:
        self.fill()
        if self._shown:
            self.status.setText(self.tr("Reading…"))
            self._tasks.start(self._read(*self.span))

    async def _read(self, first: date, last: date) -> None:
        """Read the days from the server; only the read of the days still shown speaks (the
        technician may have stepped on meanwhile)."""
        loader = self._session.loader
        try:
            await loader.calendar(first, last)
            await loader.registrations_on(days(first, last))
        except TransportError:
            problem = self.tr("Offline: showing what this device has")
        except FieldClientError as error:
            problem = self.tr("Could not read the calendar: {why}").format(why=error)
        else:
            problem = ""
        if (first, last) == self.span:
            self.status.setText(problem)
            self.fill()

    # -- opening ---------------------------------------------------------------------------

    def open_entry(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """The entry's page; an appointment that names nothing is shown below the list."""
        entry = self.model.entry(index.row()) if index.isValid() else None
        if entry is None:
            return
        if entry.target is not None:
            self._open_page(*entry.target)
            return
        when = self.model.data(self.model.index(index.row(), 1))
        self.detail.setText(" · ".join(part for part in (
            _day_text(entry.day, QLocale.FormatType.LongFormat), when, entry.title, entry.detail
        ) if part))
        self.detail.show()
