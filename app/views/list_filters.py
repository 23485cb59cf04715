"""The filters a technician picks for a list (my tasks, today, overdue, near me, …), and the
choice of filter and sort kept across restarts.

The bar sits in the corner of the list tabs and follows the list shown; what each filter
means is decided Qt-free in app/sync/listing.py, so the bar only names them.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.core.kinds import Kind
from app.core.texts import QT_TRANSLATE_NOOP
from app.sync.listing import FILTERS, NEAR_KM, ListChoice
from app.sync.session import Session
from app.views.list_columns import LIST_COLUMNS, default_choice
from app.views.object_lists import ObjectListModel

CONTEXT = "ListFilters"  # spelled out in each mark below: lupdate reads only a literal

FILTER_LABELS: Mapping[str, str] = {
    "all": QT_TRANSLATE_NOOP("ListFilters", "All"),
    "mine": QT_TRANSLATE_NOOP("ListFilters", "My tasks"),
    "today": QT_TRANSLATE_NOOP("ListFilters", "Today"),
    "week": QT_TRANSLATE_NOOP("ListFilters", "This week"),
    "overdue": QT_TRANSLATE_NOOP("ListFilters", "Overdue"),
    "planned": QT_TRANSLATE_NOOP("ListFilters", "Planned to me"),
    "pool": QT_TRANSLATE_NOOP("ListFilters", "Pool tasks of my teams"),
    "state": QT_TRANSLATE_NOOP("ListFilters", "In state"),
    "near": QT_TRANSLATE_NOOP("ListFilters", "Near me"),
    "carried": QT_TRANSLATE_NOOP("ListFilters", "Carried by me"),
}
FILTER_TIPS: Mapping[str, str] = {
    "today": QT_TRANSLATE_NOOP("ListFilters", "Due today, or planned to you today"),
    "week": QT_TRANSLATE_NOOP("ListFilters", "Due this week, or planned to you this week"),
    "overdue": QT_TRANSLATE_NOOP("ListFilters", "Open tasks past their deadline"),
    "planned": QT_TRANSLATE_NOOP("ListFilters", "Planned to you in the calendar on this device"),
    "near": QT_TRANSLATE_NOOP(
        "ListFilters", "Within {km} km of the task or customer you are checked in on, else of your "
        "next planned task"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def remembered_choice(session: Session, kind: Kind) -> ListChoice:
    """How the technician left the list last time; the default sort and no filter at first."""
    columns = [column.name for column in LIST_COLUMNS[kind]]
    return ListChoice.from_json(session.controls.preferences.list_choice(kind),
                                default_choice(kind), kind, columns)


def remember_choices(models: Mapping[Kind, ObjectListModel], session: Session) -> None:
    """Keep each list's choice in the store as soon as the technician changes it."""
    preferences = session.controls.preferences
    for kind, model in models.items():
        model.choice_changed.connect(
            lambda choice, kind=kind: preferences.keep_list_choice(kind, choice.as_json()))


class FilterBar(QWidget):
    """"Show: [My tasks ▾] [state ▾]" for the list shown; hidden where there is none."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._model: ObjectListModel | None = None
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("list-filter")
        self.state_box = QComboBox()
        self.state_box.setObjectName("list-filter-state")
        label = QLabel(self.tr("Show:"))
        label.setBuddy(self.filter_box)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(label)
        row.addWidget(self.filter_box)
        row.addWidget(self.state_box)
        self.filter_box.activated.connect(self._chosen)
        self.state_box.activated.connect(self._chosen)

    def show_model(self, model: ObjectListModel | None) -> None:
        """Follow the list now shown (None: the page shown has no filters)."""
        self._model = model
        self.setVisible(model is not None)
        if model is None:
            return
        choice = model.choice
        self.filter_box.clear()
        for name in FILTERS[model.kind]:
            self.filter_box.addItem(_tr(FILTER_LABELS[name]), name)
            tip = FILTER_TIPS.get(name)
            if tip:
                self.filter_box.setItemData(self.filter_box.count() - 1,
                                            _tr(tip).format(km=round(NEAR_KM)),
                                            Qt.ItemDataRole.ToolTipRole)
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(choice.filter)))
        self.filter_box.setEnabled(self.filter_box.count() > 1)
        self._fill_states(choice.state)
        self.state_box.setVisible(choice.filter == "state")

    def _fill_states(self, current: str) -> None:
        """The task states of the setup (read again: the first sync may just have brought
        them)."""
        states = [state.title for state in self._session.setup.task_states()]
        if states != [self.state_box.itemText(i) for i in range(self.state_box.count())]:
            self.state_box.clear()
            self.state_box.addItems(states)
        if current in states:
            self.state_box.setCurrentText(current)

    def choose(self, name: str, state: str = "") -> None:
        """Pick a filter as the technician would (tests, the menu bar)."""
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(name)))
        self._fill_states(state)
        self._chosen()

    def _chosen(self) -> None:
        model = self._model
        if model is None:
            return
        name = self.filter_box.currentData() or "all"
        if name == "state":
            self._fill_states(self.state_box.currentText())
        state = self.state_box.currentText() if name == "state" else ""
        self.state_box.setVisible(name == "state")
        current = model.choice
        model.set_choice(ListChoice(current.sort, current.descending, name, state))
