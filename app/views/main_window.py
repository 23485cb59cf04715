"""The main window: the four object lists with their counts, the sync state, and the main
page of the object a row opens (over the lists, with back and forward like a browser).

The window is made in two steps, so that a start paints it before the app's core is imported
(bench/cold_start.py): `MainWindow()` is the shell (the title, the menus, the toolbar, the
tabs with their lists' column headers, the status bar saying the store is opening), with what
needs the store disabled; `attach` gives it the `Session` a turn or a few later, and the
lists, filter bar, day view, search field and indicators fill in. Only what the shell needs is
imported at the top of this module; the rest comes with `attach`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.kinds import LISTED_KINDS, Kind
from app.views.first_paint import FirstPaint
from app.views.formatting import friendly_time, kind_title
from app.views.history import History, Place
from app.views.list_columns import CONTEXT, LIST_COLUMNS, shown_value
from app.views.menus import WindowMenus, give_shortcut
from app.views.theme import Tone, apply_tone

if TYPE_CHECKING:
    from app.core.changes import ChangeSet
    from app.mainpage_boxes.api import BoxPlugin
    from app.mainpage_boxes.registry import BoxRegistry
    from app.sync.first_look import FirstRows
    from app.sync.notices import TaskNotice
    from app.sync.progress import SyncProgress
    from app.sync.session import Session
    from app.sync.status import Indicator, SyncStatus
    from app.views.bridge import Bridge
    from app.views.day_view import DayView
    from app.views.indicators import IndicatorBar
    from app.views.list_filters import FilterBar
    from app.views.main_page import MainPageView
    from app.views.object_lists import ObjectListModel
    from app.views.password_prompt import PasswordBanner
    from app.views.preview import LayoutPreview
    from app.views.search import SearchBox
    from app.views.setup_progress import SetupProgress
    from app.views.sync_pages import SyncPages
    from app.views.tasks import TaskKeeper

PAINT_AFTER_CHANGES_MS = 1  # the lists' paint waits for the loop's next turn (`on_changes`)


class MainWindow(QMainWindow):
    """The lists, the sync state in the status bar, and the sync indicators.

    Every active indicator shows in the status bar; clicking one opens what the indicator
    guide says: the calls in flight, the out-of-date message, the permission prompt, the sync
    status page.

    Enter or a double-click on a row opens the object's main page. It takes the place of the
    lists (a page needs the width of the window; the lists keep their selection and scroll
    position underneath), and Back returns to them.
    """

    # made by `attach`, once the store is open
    _session: Session
    _bridge: Bridge
    _registry: BoxRegistry
    _tasks: TaskKeeper
    pages: SyncPages
    filter_bar: FilterBar
    day_view: DayView
    password_banner: PasswordBanner
    setup_progress: SetupProgress
    search: SearchBox
    indicators: IndicatorBar

    def __init__(self) -> None:
        """The shell: everything that can be shown before the store is open."""
        super().__init__()
        self.attached = False
        self._unloaded_boxes: list[BoxPlugin[Any]] = []  # widget modules not imported yet
        self.history = History()
        self.page: MainPageView | None = None
        self.preview: LayoutPreview | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 680)
        self.models: dict[Kind, ObjectListModel] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.list_views: dict[Kind, QTableView] = {}
        for kind in LISTED_KINDS:
            self.list_views[kind] = self._list_view(kind)
            self.tabs.addTab(self.list_views[kind], kind_title(kind))
        self._day_tab = QWidget()  # the day view takes its place with the session
        self.tabs.addTab(self._day_tab, self.tr("My day"))
        self.offline_banner = _banner("offline-banner", Tone.WARNING)
        # Background work that stopped on an unexpected error and is retrying: say so plainly.
        self.problem_banner = _banner("problem-banner", Tone.ERROR)
        central = QWidget()
        self._column = column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.problem_banner)
        column.addWidget(self.offline_banner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.tabs.currentChanged.connect(self._on_tab_shown)

        self.toolbar = toolbar = QToolBar(self.tr("Sync"))
        toolbar.setMovable(False)
        self.sync_action = QAction(self.tr("Sync now"), self)
        give_shortcut(self.sync_action, QKeySequence.StandardKey.Refresh)
        toolbar.addAction(self.sync_action)
        self.status_action = QAction(self.tr("Sync status"), self)
        self.status_action.triggered.connect(lambda: self.open_indicator(None))
        toolbar.addAction(self.status_action)
        self.addToolBar(toolbar)
        self._add_navigation(toolbar)
        self._add_account_actions()
        toolbar.addSeparator()
        # Ctrl+F: it goes to the search field, which comes with the session
        self.search_action = QAction(self.tr("Find…"), self)
        self.day_action = QAction(self.tr("My day"), self)
        give_shortcut(self.day_action, "Ctrl+D")
        self.day_action.triggered.connect(self.show_day)
        self.addAction(self.day_action)
        self.preview_action = QAction(self.tr("&Preview main pages…"), self)
        self.preview_action.triggered.connect(lambda: self.open_preview(None))

        self.activity_label = QLabel(self.tr("Opening the local data…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.last_sync_label = QLabel()
        self.statusBar().addWidget(self.activity_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.last_sync_label)
        # Last: the menu bar lists every action made above.
        self.menus = WindowMenus(self, show_list=self.show_list,
                                 open_indicator=self.open_indicator)
        self._needing_the_store = [
            self.sync_action, self.status_action, self.search_action, self.day_action,
            self.preview_action, *self.menus.needing_the_store,
        ]
        for action in self._needing_the_store:
            action.setEnabled(False)

    def show_first_rows(self, first: FirstRows) -> None:
        """A list's first rows as the store held them at the start (app/sync/first_look.py),
        for the shell to paint: the list is there to read before the store is opened. Its
        session's model takes its place with `attach`, the same rows in the same order."""
        columns = LIST_COLUMNS[first.kind]
        shell = self.list_views[first.kind].model()
        assert isinstance(shell, QStandardItemModel)  # the shell's, not a session's
        for row in first.rows:
            shell.appendRow([QStandardItem(str(shown_value(column, value)))
                             for column, value in zip(columns, row[1:], strict=True)])

    @classmethod
    def on(
        cls, session: Session, bridge: Bridge, tasks: TaskKeeper, *, registry: BoxRegistry
    ) -> MainWindow:
        """A window with its session from the start (a window opened again, tests)."""
        window = cls()
        window.attach(session, bridge, tasks, registry=registry)
        return window

    def attach(
        self, session: Session, bridge: Bridge, tasks: TaskKeeper, *, registry: BoxRegistry
    ) -> None:
        """The store is open: the lists, filters, day view, search and indicators fill in and
        what needed the store is enabled."""
        from app.views.day_view import DayView
        from app.views.indicators import IndicatorBar
        from app.views.list_filters import FilterBar, remember_choices, remembered_choice
        from app.views.object_lists import ObjectListModel
        from app.views.password_prompt import PasswordBanner
        from app.views.search import SearchBox
        from app.views.setup_progress import SetupProgress
        from app.views.sync_pages import SyncPages

        self._session = session
        self._bridge = bridge
        self._registry = registry
        self._controls = controls = session.controls
        self._tasks = tasks
        self.pages = SyncPages(session, tasks, self)
        for kind, view in self.list_views.items():
            model = ObjectListModel(session, kind, self, remembered_choice(session, kind))
            self.models[kind] = model
            self._show_model(view, model)
        remember_choices(self.models, session)
        for model in self.models.values():
            model.choice_changed.connect(self._update_tab_titles)
        self.filter_bar = FilterBar(session)
        self.tabs.setCornerWidget(self.filter_bar)
        self.filter_bar.show()  # a corner widget set after the window was shown stays hidden
        self.day_view = DayView(session, tasks, open_page=self.open_page)
        shown, index = self.tabs.currentIndex(), self.tabs.indexOf(self._day_tab)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, self.day_view, self.tr("My day"))
        self.tabs.setCurrentIndex(shown)
        self._day_tab.deleteLater()
        self.password_banner = PasswordBanner(controls, tasks)
        self._column.insertWidget(0, self.password_banner)
        self.setup_progress = SetupProgress()
        self._column.insertWidget(2, self.setup_progress)  # under the problem banner

        self.sync_action.triggered.connect(controls.request_sync)
        self.search = SearchBox(session, self.open_page, self, self.search_action)
        self.toolbar.addWidget(self.search)
        self.search.watch(*self.list_views.values())  # typing in a list searches
        bridge.changes.connect(self.search.refresh)

        self.indicators = IndicatorBar()
        self.indicators.opened.connect(self.open_indicator)
        self.statusBar().addPermanentWidget(self.indicators)
        bridge.changes.connect(self.on_changes)
        bridge.progress.connect(self.on_progress)
        bridge.status.connect(self.on_status)
        self.menus.attach(session, tasks)
        for action in self._needing_the_store:
            action.setEnabled(True)
        self.attached = True
        self._on_tab_shown(self.tabs.currentIndex())
        self._update_tab_titles()
        self.on_progress(controls.progress)
        self.on_status(controls.status)
        FirstPaint(self, self._load_box_widgets)

    def open_preview(self, path: Path | None) -> None:
        """The layout preview (office staff): of a layout file, or of this account's layout.
        One window, brought forward when it is open; it follows the objects a sync brings."""
        from app.views.preview import LayoutPreview

        if self.preview is None:
            self.preview = LayoutPreview(self._session, self._registry, path=path, parent=self)
            self._bridge.changes.connect(self.preview.changes_arrived)
        elif path is not None:
            self.preview.preview_file(path)
        self.preview.show()
        self.preview.raise_()
        self.preview.activateWindow()

    def _load_box_widgets(self) -> None:
        """Find the box plugins and import every box's widget module once the window is
        painted, so neither the start nor the first page opened waits for them: one module a
        turn of the event loop, because a first sync starts with the window, and importing all
        of them at once froze it for some 30 ms (bench/gui_stall.py). One that fails is
        reported when a page draws it."""
        self._unloaded_boxes = list(self._registry.plugins)
        self._load_next_box_widget()

    def _load_next_box_widget(self) -> None:
        if not self._unloaded_boxes:
            return
        with contextlib.suppress(Exception):
            self._unloaded_boxes.pop(0).widget()
        QTimer.singleShot(0, self._load_next_box_widget)

    def on_status(self, status: SyncStatus) -> None:
        self.indicators.show_status(status)
        self.password_banner.show_status(status)
        self.problem_banner.setText(" ".join(status.problems))
        self.problem_banner.setVisible(bool(status.problems))
        self.offline_banner.setVisible(not status.online)
        if not status.online:
            last = friendly_time(self._controls.monitor.last_synced()) or self.tr("never")
            self.offline_banner.setText(self.tr(
                "You are offline. Changes are kept and sent when you are back online. "
                "Not sent yet: {unsent} · last synchronised: {last}"
            ).format(unsent=QLocale().toString(status.unsent), last=last))

    def show_task(self, todo_id: int) -> None:
        """The task's page (a task notice was clicked), with the task selected in the list
        behind it (unless the list's filter hides it), where Back leads; 0, or a task not on
        this device: the task list."""
        self.show_lists()
        self.tabs.setCurrentIndex(LISTED_KINDS.index(Kind.TODO))
        view = self.tabs.currentWidget()
        if not todo_id or self._session.object(Kind.TODO, todo_id) is None:
            return
        row = self.models[Kind.TODO].row_of(todo_id)
        if isinstance(view, QTableView) and row >= 0:
            view.selectRow(row)
            view.scrollTo(self.models[Kind.TODO].index(row, 0))
        self.open_page(Kind.TODO, todo_id)

    def notify(self, notice: TaskNotice) -> None:
        """Where there is no tray: the notice in the status bar for a while."""
        from app.views.notice_text import notice_texts

        title, text = notice_texts(notice)
        self.statusBar().showMessage(f"{title}: {text}", 15_000)

    def open_indicator(self, indicator: Indicator | None) -> None:
        from app.sync.status import Indicator
        from app.views.sync_pages import out_of_date_message, permission_prompt

        if not self.attached:
            return
        if indicator is Indicator.OUT_OF_DATE:
            out_of_date_message(self, self._controls.monitor.last_synced())
        elif indicator is Indicator.PERMISSION_DECLINED:
            permission_prompt(self, self._controls, self._tasks)
        else:
            self.pages.show_indicator(indicator)

    # -- pages -------------------------------------------------------------------------------

    def open_page(self, kind: Kind, object_id: int) -> None:
        """Show the object's main page, as a new step in the history."""
        self.history.visit((kind, object_id))
        self._show_place()

    def show_day(self) -> None:
        """My day / my week: the technician's calendar, over the lists."""
        self.show_lists()
        self.tabs.setCurrentWidget(self.day_view)

    def show_lists(self) -> None:
        self.history.visit(None)
        self._show_place()

    def show_list(self, kind: Kind) -> None:
        """The list of `kind` (View → Tasks … , Ctrl+1 …)."""
        self.show_lists()
        self.tabs.setCurrentIndex(LISTED_KINDS.index(kind))
        self.tabs.currentWidget().setFocus()

    def go_back(self) -> None:
        if self.history.can_go_back():
            self.history.back()
            self._show_place()

    def go_forward(self) -> None:
        if self.history.can_go_forward():
            self.history.forward()
            self._show_place()

    def _show_place(self) -> None:
        place: Place = self.history.current
        self._close_page()
        if place is None:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.currentWidget().setFocus()  # Enter opens the next row at once
        else:
            from app.views.main_page import MainPageView

            kind, object_id = place
            self.page = MainPageView(
                self._session, kind, object_id, registry=self._registry, bridge=self._bridge,
                tasks=self._tasks, open_page=self.open_page, parent=self.stack,
            )
            self.stack.addWidget(self.page)
            self.stack.setCurrentWidget(self.page)
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.lists_action.setEnabled(place is not None)

    def _close_page(self) -> None:
        if self.page is None:
            return
        self.page.close_page()
        self.stack.removeWidget(self.page)
        self.page.deleteLater()
        self.page = None

    def _add_navigation(self, toolbar: QToolBar) -> None:
        toolbar.addSeparator()
        self.back_action = QAction(self.tr("Back"), self)
        give_shortcut(self.back_action, "Alt+Left")
        self.back_action.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(self.tr("Forward"), self)
        give_shortcut(self.forward_action, "Alt+Right")
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_action.triggered.connect(self.go_forward)
        self.lists_action = QAction(self.tr("Lists"), self)
        self.lists_action.setToolTip(self.tr("Back to the lists"))
        self.lists_action.triggered.connect(self.show_lists)
        for action in (self.back_action, self.forward_action, self.lists_action):
            action.setEnabled(False)
            toolbar.addAction(action)

    def _add_account_actions(self) -> None:
        """Signing out (the app composes what it does) and quitting."""
        self.sign_out_action = QAction(self.tr("Sign &out…"), self)
        self.sign_out_action.setObjectName("sign-out")
        self.sign_out_action.setVisible(False)  # shown where there is an account to leave
        self.quit_action = QAction(self.tr("&Quit"), self)
        give_shortcut(self.quit_action, "Ctrl+Q")  # Windows has no standard one

    def _open_row(self, kind: Kind, index: QModelIndex) -> None:
        if not index.isValid():
            return
        from PySide6.QtCore import Qt

        object_id = self.models[kind].data(index, Qt.ItemDataRole.UserRole)
        if isinstance(object_id, int):
            self.open_page(kind, object_id)

    def _list_view(self, kind: Kind) -> QTableView:
        """A list as the shell shows it: its column headers, at their widths, no rows yet.

        The headers are Qt's own model's, not a Python one's: a Python model's methods are
        called with Qt's enums, and making those (the `Qt` namespace, which this module
        therefore imports only where the session's lists use it) costs a start about as much
        as building the whole shell."""
        view = QTableView()
        columns = LIST_COLUMNS[kind]
        headers = QStandardItemModel(0, len(columns), view)
        headers.setHorizontalHeaderLabels(
            [QCoreApplication.translate(CONTEXT, column.header) for column in columns])
        view.setModel(headers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        # One line a row: a text wider than its column ends in "…" (its tooltip has it all),
        # rather than wrapping into two half-hidden lines.
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, spec in enumerate(columns):
            view.setColumnWidth(column, spec.width)
        return view

    def _show_model(self, view: QTableView, model: ObjectListModel) -> None:
        """The list's rows, sorted and opened as the technician chose."""
        from PySide6.QtCore import Qt  # see `_list_view`: not before the first paint

        view.setModel(model)
        for column in range(model.columnCount()):
            view.setColumnWidth(column, model.column_width(column))
        descending = model.choice.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        view.horizontalHeader().setSortIndicator(model.sort_column, order)
        view.setSortingEnabled(True)  # a header click sorts, in the store (model.sort)
        kind = model.kind
        view.doubleClicked.connect(lambda index: self._open_row(kind, index))
        enter = QAction(self.tr("Open"), view)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(lambda: self._open_row(kind, view.currentIndex()))
        view.addAction(enter)

    def _on_tab_shown(self, index: int) -> None:
        if not self.attached:
            return
        for position, kind in enumerate(LISTED_KINDS):
            self.models[kind].set_shown(position == index)
        listed = index < len(LISTED_KINDS)
        self.filter_bar.show_model(self.models[LISTED_KINDS[index]] if listed else None)
        self.day_view.set_shown(self.tabs.widget(index) is self.day_view)

    def on_changes(self, changes: ChangeSet) -> None:
        """The lists take a sync's changes now and paint them a moment later: each is a few
        milliseconds, and whatever waits for the window meanwhile (a keypress, a click, a
        timer) comes between the two rather than after both (bench/gui_stall.py)."""
        painting_later = [view for view in self.list_views.values() if view.isVisible()]
        for view in painting_later:
            view.viewport().setUpdatesEnabled(False)  # the rows; headers and scroll bar go on
        for model in self.models.values():
            model.refresh(changes)
        self.day_view.apply_changes(changes)
        self._update_tab_titles()
        if painting_later:
            # A timer, not a queued call: Qt delivers posted events before due timers.
            QTimer.singleShot(PAINT_AFTER_CHANGES_MS, self, self._paint_lists)

    def _paint_lists(self) -> None:
        for view in self.list_views.values():
            view.viewport().setUpdatesEnabled(True)  # which repaints the rows

    def on_progress(self, progress: SyncProgress) -> None:
        self._show_progress_bar(progress)
        time_left = None if progress.seconds_left is None else _time_left(progress.seconds_left)
        self.setup_progress.show_progress(progress, time_left)
        if progress.running:
            text = QCoreApplication.translate("SyncActivity", progress.activity or "Synchronising")
            if progress.objects:
                text = self.tr("{activity}… {count} objects received").format(
                    activity=text, count=QLocale().toString(progress.objects))
            if time_left is not None:
                text += f" · {time_left}"
            self.activity_label.setText(text)
        elif progress.last_error:
            self.activity_label.setText(progress.last_error)
        else:
            self.activity_label.setText(
                self.tr("Up to date") if progress.last_success else self.tr("Not synced yet"))
        failed = bool(progress.last_error and not progress.running)
        self.activity_label.setProperty("failed", failed)
        last = friendly_time(progress.last_success)
        self.last_sync_label.setText(
            self.tr("Last synced: {when}").format(when=last) if last else self.tr("Never synced"))

    def _show_progress_bar(self, progress: SyncProgress) -> None:
        """Busy until the engine can estimate; then how far the pass is."""
        from app.views.setup_progress import show_fraction

        self.progress_bar.setVisible(progress.running)
        show_fraction(self.progress_bar, progress.fraction)
        locale = QLocale()
        self.progress_bar.setToolTip("\n".join(
            self.tr("{step}: {objects} objects, {pages} pages").format(
                step=QCoreApplication.translate("SyncSteps", step.label),
                objects=locale.toString(step.objects), pages=locale.toString(step.pages))
            + (" ✓" if step.done else "") + (f" — {step.error}" if step.error else "")
            for step in progress.steps
        ))

    def _update_tab_titles(self, *_changed: object) -> None:
        locale = QLocale()
        for index, kind in enumerate(LISTED_KINDS):
            title = self.tr("{kind} ({count})").format(
                kind=kind_title(kind), count=locale.toString(self.models[kind].total))
            if self.tabs.tabText(index) != title:  # a new title lays the tab bar out again
                self.tabs.setTabText(index, title)


def _banner(name: str, tone: Tone) -> QLabel:
    """A hidden strip across the top of the window for a state the technician must know."""
    banner = QLabel()
    banner.setObjectName(name)
    banner.setWordWrap(True)
    apply_tone(banner, tone, padded=True)
    banner.hide()
    return banner


def _time_left(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("MainWindow", "less than a minute left")
    return QCoreApplication.translate("MainWindow", "about {minutes} min left").format(
        minutes=round(seconds / 60))
