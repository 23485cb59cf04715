"""What each sync indicator opens (the indicator guide): the sync status page, the calls in
flight, the out-of-date message and the background-permission prompt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.texts import QT_TRANSLATE_NOOP
from app.sync.controls import SyncControls
from app.sync.outbox import doubt_advice, readable
from app.sync.session import Entry, Session, State
from app.sync.status import Indicator
from app.sync.step_log import PLAN_STEPS
from app.views.autostart import start_with_windows
from app.views.formatting import friendly_time
from app.views.tasks import TaskKeeper

PERMISSION_QUESTION = QT_TRANSLATE_NOOP(
    "SyncPages",
    "May Field Client keep synchronising in the background?\n\n"
    "It then stays in the tray when you close the window and starts with Windows, so your "
    "tasks are up to date when you need them and your changes are sent as soon as there is "
    "a network."
)
OUT_OF_DATE_TEXT = QT_TRANSLATE_NOOP(
    "SyncPages",
    "The app has not synchronised for more than 20 minutes (last: {last}), so what you see "
    "may be out of date.\n\nThis is usually a missing network connection. Your changes are "
    "kept and sent when you are back online."
)

STEP_COLUMNS = (
    QT_TRANSLATE_NOOP("SyncPages", "Step"), QT_TRANSLATE_NOOP("SyncPages", "Last run"),
    QT_TRANSLATE_NOOP("SyncPages", "Took"), QT_TRANSLATE_NOOP("SyncPages", "Last pass"),
    QT_TRANSLATE_NOOP("SyncPages", "Outcome"),
)


class SyncPages(QDialog):
    """The sync status page, the calls in flight and the failed calls, as tabs of one window."""

    def __init__(self, session: Session, tasks: TaskKeeper,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{app}: synchronisation").format(app=APP_NAME))
        self.resize(900, 480)
        self._session = session
        self._controls = session.controls
        self._tasks = tasks
        self.tabs = QTabWidget(self)
        self._problems: list[Entry] = []
        self.status_page = self._build_status_page()
        self.in_flight_list = QListWidget()
        self.in_flight_list.setObjectName("calls-in-flight")
        self.failed_page = self._build_failed_page()
        self.tabs.addTab(self.status_page, self.tr("Status"))
        self.tabs.addTab(self.in_flight_list, self.tr("Calls in flight"))
        self.tabs.addTab(self.failed_page, self.tr("Failed calls"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _build_status_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("sync-summary")
        self.steps = QTableWidget(0, len(STEP_COLUMNS))
        self.steps.setObjectName("sync-steps")
        self.steps.setHorizontalHeaderLabels(
            [QCoreApplication.translate("SyncPages", title) for title in STEP_COLUMNS])
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.setWordWrap(False)
        self.sync_now = QPushButton(self.tr("Sync now"))
        self.sync_now.clicked.connect(self._controls.request_sync)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Allow synchronising in the background"))
        self.start_button.clicked.connect(lambda: self._tasks.start(self._grant()))
        self.photos_button = QPushButton(self.tr("Send photos anyway"))
        self.photos_button.setToolTip(
            self.tr("Photos wait while the connection is metered or slow; send them now"))
        self.photos_button.clicked.connect(self._send_photos)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_now)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.photos_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        return page

    def _build_failed_page(self) -> QWidget:
        page = QWidget()
        self.failed_list = QListWidget()
        self.failed_list.setObjectName("failed-calls")
        self.failed_list.currentRowChanged.connect(self._show_failed)
        self.failed_detail = QPlainTextEdit()
        self.failed_detail.setObjectName("failed-call-detail")
        self.failed_detail.setReadOnly(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Drop this change and undo it on this device"))
        self.retry_all_button = QPushButton(self.tr("Retry all"))
        self.discard_all_button = QPushButton(self.tr("Discard all"))
        self.retry_button.clicked.connect(lambda: self._on_selected(self._controls.actions.retry))
        self.discard_button.clicked.connect(
            lambda: self._on_selected(self._controls.actions.discard))
        self.retry_all_button.clicked.connect(
            lambda: self._tasks.start(self._then_refresh(self._controls.actions.retry_all())))
        self.discard_all_button.clicked.connect(
            lambda: self._tasks.start(self._then_refresh(self._controls.actions.discard_all())))
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.discard_button, self.retry_all_button,
                       self.discard_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.failed_list, 1)
        layout.addWidget(self.failed_detail, 1)
        layout.addLayout(buttons)
        return page

    def _show_failed(self, row: int) -> None:
        problems = self._problems
        if not 0 <= row < len(problems):
            self.failed_detail.clear()
            return
        entry = problems[row]
        if entry.state is State.IN_DOUBT:
            why = self.tr("What happened: {advice}").format(advice=doubt_advice(entry))
        else:
            why = self.tr("Server's message: {message}").format(
                message=entry.server_message or entry.last_error)
        behind = self._controls.waiting_behind(entry)
        waiting = ("".join(f"\n  · {other.summary}" for other in behind)
                   or " " + self.tr("nothing"))
        facts = self.tr("State: {state} · tried {attempts} time(s) · made {made}").format(
            state=entry.state.value, attempts=QLocale().toString(entry.attempts),
            made=friendly_time(entry.created))
        self.failed_detail.setPlainText(
            f"{entry.summary}\n\n{why}\n\n"
            + self.tr("Call: {call}").format(call=readable(entry))
            + f"\n\n{facts}\n\n" + self.tr("Waiting behind it:") + waiting
        )

    def _on_selected(self, act: Callable[[int], Coroutine[Any, Any, Any]]) -> None:
        row = self.failed_list.currentRow()
        if 0 <= row < len(self._problems):
            self._tasks.start(self._then_refresh(act(self._problems[row].id)))

    async def _then_refresh(self, done: Awaitable[Any]) -> None:
        await done
        self.refresh()

    def _send_photos(self) -> None:
        self._controls.send_attachments_anyway()
        self.refresh()

    async def _grant(self) -> None:
        await set_background_sync(self._controls, True)
        self.refresh()

    def show_indicator(self, indicator: Indicator | None) -> None:
        self.refresh()
        pages: dict[Indicator | None, QWidget] = {
            Indicator.IN_FLIGHT: self.in_flight_list, Indicator.FAILED: self.failed_page}
        self.tabs.setCurrentWidget(pages.get(indicator, self.status_page))
        self.open()
        self.raise_()

    def refresh(self) -> None:
        last = friendly_time(self._controls.monitor.last_synced()) or self.tr("never")
        offline = "" if self._controls.status.online else " · " + self.tr("offline")
        self.summary.setText(self.tr(
            "Last successful sync: {last}{offline} · {unsent} change(s) not sent yet"
        ).format(last=last, offline=offline,
                 unsent=QLocale().toString(self._controls.unsent_count)))
        self._problems = self._controls.problems()
        self.failed_list.clear()
        self.failed_list.addItems([self._headline(entry) for entry in self._problems])
        if self._problems:
            self.failed_list.setCurrentRow(0)
        else:
            self.failed_detail.setPlainText(self.tr("No failed calls."))
        self.start_button.setVisible(self._controls.background_sync is False)
        self.photos_button.setVisible(self._controls.attachments_waiting > 0)
        self.in_flight_list.clear()
        self.in_flight_list.addItems(
            list(self._controls.calls_in_flight) or [self.tr("No calls under way")])
        self._show_steps()

    def _show_steps(self) -> None:
        """Every step of the plan: when it last ran, how long it took, what it brought in
        the last pass, how it ended."""
        last_pass = {step.key: step for step in self._controls.progress.steps}
        runs = self._session.step_runs()
        locale = QLocale()
        self.steps.setRowCount(len(PLAN_STEPS))
        for row, plan_step in enumerate(PLAN_STEPS):
            name = QCoreApplication.translate("SyncSteps", plan_step.name).format(
                label=QCoreApplication.translate("SyncSteps", plan_step.label))
            run = runs.get(plan_step.key)
            step = last_pass.get(plan_step.key)
            brought = (self.tr("{count} objects").format(count=locale.toString(step.objects))
                       if step else "")
            if run is None:
                cells = (name, self.tr("never"), "", brought,
                         self.tr("Not run yet: not due, or not used with this account"))
            else:
                finished = QDateTime.fromString(run.finished, "yyyy-MM-dd HH:mm:ss")
                took = self.tr("{seconds} s").format(
                    seconds=locale.toString(run.seconds, "f", 1))
                outcome = self.tr("Completed") if run.ok else self.tr("Failed: {reason}").format(
                    reason=run.error)
                cells = (name, locale.toString(finished, QLocale.FormatType.ShortFormat), took,
                         brought, outcome)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.steps.setItem(row, column, item)

    def _headline(self, entry: Entry) -> str:
        if entry.state is State.IN_DOUBT:
            return self.tr("{summary} — not sure it reached Microbizz").format(
                summary=entry.summary)
        return f"{entry.summary} — {entry.server_message}"


def out_of_date_message(parent: QWidget, last: datetime | None) -> QMessageBox:
    text = QCoreApplication.translate("SyncPages", OUT_OF_DATE_TEXT).format(
        last=friendly_time(last) or QCoreApplication.translate("SyncPages", "never"))
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("out-of-date-message")
    box.open()
    return box


def permission_prompt(parent: QWidget, controls: SyncControls, tasks: TaskKeeper) -> QMessageBox:
    """Ask once (first run) or again from the indicator; the answer is remembered."""
    question = QCoreApplication.translate("SyncPages", PERMISSION_QUESTION)
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("permission-prompt")

    def answered(button: int) -> None:
        tasks.start(set_background_sync(controls, button == QMessageBox.StandardButton.Yes))

    box.finished.connect(answered)
    box.open()
    return box


async def set_background_sync(controls: SyncControls, allowed: bool) -> None:
    """Remember the answer, and start with Windows accordingly."""
    await controls.allow_background_sync(allowed)
    start_with_windows(allowed)
