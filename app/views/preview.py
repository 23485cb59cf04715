"""The layout preview for office staff: the four main pages as a layout draws them, on the
objects of the account (or the sandbox), with every box the app would not show drawn in its
place as a flagged placeholder that says why.

The layout is the account's (Tools → Preview main pages…) or a file holding what GetMainPages
and GetColumnGroups return (`fieldclient --preview FILE`, or "Open file…"). A file is watched:
each save reloads the pages; a file that does not read keeps the last good pages and says
where it broke. The check, the examples and the pages come from the Qt-free core
(app/mainpage_boxes/layout_check.py) and the app's own page building, so what is previewed is
what a technician gets.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ChangeSet
from app.core.kinds import LISTED_KINDS, Kind
from app.core.setup import Layout
from app.mainpage_boxes.api import Hidden, PageHooks, Shown, decide, translate
from app.mainpage_boxes.layout_check import (
    Problem,
    Severity,
    check_layout,
    errors_in,
    examples,
    sample_objects,
    unreadable,
)
from app.mainpage_boxes.page import UNKNOWN_TYPE, page_boxes
from app.mainpage_boxes.registry import BoxRegistry
from app.mainpage_boxes.widget import BoxView
from app.sync.keys import COLUMN_GROUPS_KEY, MAIN_PAGES_KEY
from app.sync.layout_file import BadLayoutFile, LayoutFile, read_layout_file
from app.sync.session import Session
from app.views.main_page import HEADING
from app.views.search import kind_title
from app.views.theme import Tone, apply_tone

# An editor saves by writing a new file and renaming it over the old one: the watcher loses
# the path, and the file may be seen half written. Wait this long after the last change.
RELOAD_DELAY_MS = 150
# A sync brings objects in pages: look again once they stop coming for this long.
REFILL_DELAY_MS = 1000
EXPORT_SIZE = (760, 1000)


def object_name(session: Session, kind: Kind, object_id: int) -> str:
    """"T-10001 · Boiler service": the object as its page's heading names it."""
    names = HEADING[kind]
    row = session.rows_of(kind, [object_id], names).get(object_id)
    named = " · ".join(str(value) for value in (row or ())[1:] if value)
    return named or str(object_id)


class FlaggedBox(QFrame):
    """A box the app would not show, in its place on the page: its title and type, and why."""

    def __init__(self, title: str, box_type: str, reason: str, notes: Sequence[str],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("preview-flag")
        self.reason = reason
        self.box_type = box_type
        self.setFrameShape(QFrame.Shape.StyledPanel)
        heading = QLabel(self.tr("{title} ({type}): not shown").format(
            title=title or box_type, type=box_type), self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.why = QLabel(self.tr("Why: {reason}").format(reason=reason), self)
        self.why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.why)
        for note in notes:
            layout.addWidget(_note(note, self))
        apply_tone(self, Tone.WARNING)


def _note(text: str, parent: QWidget) -> QWidget:
    """A problem the check found with a box, beside it: a warning sign and the words."""
    row = QWidget(parent)
    sign = QLabel("⚠", row)
    label = QLabel(text, row)
    label.setObjectName("preview-note")
    label.setWordWrap(True)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row


class PreviewPage(QWidget):
    """One object's main page with the previewed layout: shown boxes as the app draws them,
    the others as `FlaggedBox`es, each box's problems from the check beside it."""

    def __init__(self, session: Session, kind: Kind, object_id: int, *, registry: BoxRegistry,
                 problems: Sequence[Problem], hooks: PageHooks, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-page")
        self.kind, self.object_id = kind, object_id
        self.views: list[BoxView] = []
        self.flags: list[FlaggedBox] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel(object_name(session, kind, object_id), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        boxes = page_boxes(session, kind, object_id, now(), registry=registry) or ()
        if not boxes:
            empty = QLabel(self.tr("This layout has no main page for this kind."), self)
            layout.addWidget(empty)
        for position, box in enumerate(boxes, start=1):
            context = box.context
            decision = (decide(box.plugin, context) if box.plugin is not None
                        else Hidden(translate("BoxPage", UNKNOWN_TYPE)))
            said = decision.reason if isinstance(decision, Hidden) else ""
            notes = [p.message for p in problems  # each once: not what the flag says
                     if p.kind == kind and p.position == position
                     and not (said and said in p.message)]
            if box.plugin is not None and isinstance(decision, Shown):
                for note in notes:
                    layout.addWidget(_note(note, self))
                view = BoxView(box.plugin, context, now, hooks, self)
                self.views.append(view)
                layout.addWidget(view)
                continue
            title = context.box.title if box.plugin is None else box.plugin.title(context)
            reason = decision.reason if isinstance(decision, Hidden) else ""
            flag = FlaggedBox(title, context.box.box, reason, notes, self)
            self.flags.append(flag)
            layout.addWidget(flag)
        layout.addStretch(1)


class KindTab(QWidget):
    """One kind's page: the objects to preview it on (those that make each box show and
    hide, and any found with the search field) and the page of the one chosen."""

    def __init__(self, preview: LayoutPreview, kind: Kind) -> None:
        super().__init__()
        self._preview = preview
        self.kind = kind
        self.page: PreviewPage | None = None
        self.stale = True  # filled when shown: a reload redraws only the page in sight
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find another object…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_later)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.fill_objects)
        self.objects = QListWidget(self)
        self.objects.setObjectName("preview-objects")
        self.objects.setWordWrap(True)
        self.objects.currentItemChanged.connect(self._chosen)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Preview on:"), left))
        column.addWidget(self.search)
        column.addWidget(self.objects, 1)
        self.page_area = QScrollArea(self)
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.page_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _search_later(self) -> None:
        self._search_timer.start()

    def fill_objects(self) -> None:
        """The list anew: search results when something is typed, else the examples; the
        object shown stays chosen when it is still listed, else the first is."""
        session, kind = self._preview.session, self.kind
        self.stale = False
        shown = self.page.object_id if self.page is not None else None
        self.objects.blockSignals(True)
        self.objects.clear()
        text = self.search.text().strip()
        entries: list[tuple[int, str]] = []
        if text:
            entries = [(hit.id, hit.title) for hit in session.search(text).get(kind, ())]
            if not entries:
                self._add(0, self.tr("Nothing found"))
        else:
            found = examples(session, kind, self._preview.now(), self._preview.registry)
            boxes = session.setup.main_page(kind)
            for example in found:
                box = boxes[example.position - 1]
                title = box.title or box.box
                if example.shown is not None:
                    entries.append((example.shown, self.tr("{box} shown: {object}").format(
                        box=title, object=object_name(session, kind, example.shown))))
                if example.hidden is not None:
                    entries.append((example.hidden, self.tr("{box} hidden: {object}").format(
                        box=title, object=object_name(session, kind, example.hidden))))
            if not sample_objects(found):
                entries = [(object_id, object_name(session, kind, object_id)) for (object_id,)
                           in session.rows(kind, [], order_by="id", limit=5)]
            if not entries:
                self._add(0, self.tr("No objects of this kind on this device"))
        for object_id, label in entries:
            self._add(object_id, label)
        self.objects.blockSignals(False)
        ids = [self.objects.item(row).data(Qt.ItemDataRole.UserRole)
               for row in range(self.objects.count())]
        again = ids.index(shown) if shown in ids else next(
            (row for row, object_id in enumerate(ids) if object_id), -1)
        if again >= 0:
            self.objects.setCurrentRow(again)
        self.show_object(ids[again] if again >= 0 else shown)

    def _add(self, object_id: int, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, object_id)
        if not object_id:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.objects.addItem(item)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.show_object(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_object(self, object_id: int | None) -> None:
        """Draw the object's page anew with the current layout (a reload calls it too)."""
        if self.page is not None:
            self.page.deleteLater()
            self.page = None
        if not object_id:
            self.page_area.takeWidget()
            return
        preview = self._preview
        self.page = PreviewPage(preview.session, self.kind, object_id, registry=preview.registry,
                                problems=preview.problems, hooks=preview.hooks, now=preview.now)
        self.page_area.setWidget(self.page)


class LayoutPreview(QWidget):
    """The preview window. `path`: a layout file to preview and follow; None: the account's
    layout. Without a sandbox or a signed-in account's objects there is nothing to show a page
    on, but the check still runs."""

    reloaded = Signal()  # after each (re)load, good or not: tests wait for it

    def __init__(self, session: Session, registry: BoxRegistry, *, path: Path | None = None,
                 now: Callable[[], datetime] = datetime.now, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("layout-preview")
        self.setWindowTitle(self.tr("Preview main pages"))
        self.resize(1100, 760)
        self._account_session = session
        self.session = session
        self.registry = registry
        self.now = now
        self.path: Path | None = None
        self.problems: tuple[Problem, ...] = ()
        self.hooks = PageHooks(run=self._no_action, open=self._open)
        self.source = QLabel(self)
        self.source.setObjectName("preview-source")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.open_button.clicked.connect(self.choose_file)
        self.account_button = QPushButton(self.tr("This account's layout"), self)
        self.account_button.clicked.connect(lambda: self.preview_account())
        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.account_button)
        self.error = QLabel(self)
        self.error.setObjectName("preview-error")
        self.error.setWordWrap(True)
        apply_tone(self.error, Tone.ERROR, padded=True)
        self.error.hide()
        self.message = QLabel(self)
        self.message.setObjectName("preview-message")
        apply_tone(self.message, Tone.INFO, padded=True)
        self.message.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("preview-summary")
        self.problem_list = QListWidget(self)
        self.problem_list.setObjectName("preview-problems")
        self.problem_list.setMaximumHeight(120)
        self.tabs = QTabWidget(self)
        self.kind_tabs: dict[Kind, KindTab] = {}
        for kind in LISTED_KINDS:
            tab = KindTab(self, kind)
            self.kind_tabs[kind] = tab
            self.tabs.addTab(tab, kind_title(kind))
        self.tabs.currentChanged.connect(self._fill_shown_tab)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.tabs, 1)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed_on_disk)
        self.watcher.directoryChanged.connect(self._changed_on_disk)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._refill_timer = QTimer(self)
        self._refill_timer.setSingleShot(True)
        self._refill_timer.setInterval(REFILL_DELAY_MS)
        self._refill_timer.timeout.connect(self.refill)
        self._dialog: QFileDialog | None = None
        if path is None:
            self.preview_account()
        else:
            self.preview_file(path)

    # -- what is previewed -------------------------------------------------------------------------

    def preview_account(self) -> None:
        """The signed-in account's (or the sandbox's) own layout, as the last sync brought it."""
        self._watch(None)
        self.source.setText(self.tr("Layout: this account's main pages"))
        self.account_button.hide()
        self._show(LayoutFile(self._account_session.setup.layout()))

    def preview_file(self, path: Path) -> None:
        """A layout file, followed from now on: each change on disk reloads it."""
        self._watch(path.resolve())
        self.source.setText(self.tr("Layout: {path}").format(path=str(path)))
        self.account_button.show()
        self.reload()

    def choose_file(self) -> None:
        """The file dialog, not modal (open(), never exec()): the chosen file is previewed."""
        if self._dialog is None:
            self._dialog = QFileDialog(self, self.tr("Open a layout file"))
            self._dialog.setNameFilter(self.tr("Layout files (*.json)"))
            self._dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            self._dialog.fileSelected.connect(lambda chosen: self.preview_file(Path(chosen)))
        self._dialog.open()

    def reload(self) -> None:
        """Read the file again. One that does not read keeps the last good pages and says where
        it broke; the watcher is set again (an editor's save may have replaced the file)."""
        if self.path is None:
            return
        self._watch(self.path)
        try:
            read = read_layout_file(self.path)
        except BadLayoutFile as error:
            problem = unreadable(error)
            self.error.setText(self.tr("The file is not a layout ({where}): {message}. The "
                                       "pages below are the last that read.").format(
                where=problem.where(), message=problem.message))
            self.error.show()
            self.reloaded.emit()
            return
        self.error.hide()
        self._show(read)

    def _watch(self, path: Path | None) -> None:
        self.path = path
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if path is not None and path.parent.is_dir():
            self.watcher.addPath(str(path.parent))
            if path.exists():
                self.watcher.addPath(str(path))

    def _changed_on_disk(self, _path: str) -> None:
        self._reload_timer.start()

    def _show(self, read: LayoutFile) -> None:
        layout: Layout = read.layout
        self.session = self._account_session.previewing(layout)
        self.problems = check_layout(layout, self.registry, self.session, read.left_out)
        errors = errors_in(self.problems)
        self.summary.setText(self.tr("{errors} error(s), {warnings} warning(s) in this layout")
                             .format(errors=errors, warnings=len(self.problems) - errors))
        self.problem_list.clear()
        for problem in self.problems:
            severity = (self.tr("Error") if problem.severity is Severity.ERROR
                        else self.tr("Warning"))
            where = f"{problem.where()}: " if problem.where() else ""
            self.problem_list.addItem(f"{severity} · {where}{problem.message}")
        self.problem_list.setVisible(bool(self.problems))
        for tab in self.kind_tabs.values():
            tab.stale = True
        self._fill_shown_tab()
        self.reloaded.emit()

    def _fill_shown_tab(self) -> None:
        """The page in sight drawn anew; the others when their tab is chosen (a page's examples
        build some forty pages: four kinds at each save would make typing wait)."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, KindTab) and tab.stale:
            tab.fill_objects()

    def refill(self) -> None:
        """Everything anew with the objects and setup the device has now."""
        if self.path is None:
            self.preview_account()
        else:
            self.reload()

    def changes_arrived(self, changes: ChangeSet) -> None:
        """A sync or an action changed objects or setup: refill once they stop coming."""
        if changes.settings & {MAIN_PAGES_KEY, COLUMN_GROUPS_KEY} or any(
            changes.touches(kind) for kind in LISTED_KINDS
        ):
            self._refill_timer.start()

    # -- the boxes' buttons ----------------------------------------------------------------------

    def _no_action(self, action: Awaitable[Any]) -> None:
        """A box's button in the preview changes nothing: the office is looking, not working."""
        close = getattr(action, "close", None)
        if callable(close):
            close()  # never started: nothing was sent or stored
        self.message.setText(self.tr("This is a preview: buttons do nothing here."))
        self.message.show()

    def _open(self, kind: Kind, object_id: int) -> None:
        """A link on a box: that object on its kind's page."""
        if kind in self.kind_tabs:
            self.tabs.setCurrentWidget(self.kind_tabs[kind])
            self.kind_tabs[kind].show_object(object_id)


def export_pages(session: Session, registry: BoxRegistry, folder: Path,
                 now: Callable[[], datetime] = datetime.now) -> list[Path]:
    """A PNG of each kind's page with the previewed layout (`session` previews it), on the
    first of the objects that make its boxes show and hide (the first one the window lists):
    `fieldclient preview FILE --export DIR`. A kind without objects has no picture."""
    problems = check_layout(session.setup.layout(), registry, session)
    written: list[Path] = []
    for kind in LISTED_KINDS:
        found = sample_objects(examples(session, kind, now(), registry))
        if not found:
            continue
        page = PreviewPage(session, kind, found[0], registry=registry, problems=problems,
                           hooks=PageHooks(run=_closed, open=lambda _kind, _id: None), now=now)
        page.resize(*EXPORT_SIZE)
        page.resize(EXPORT_SIZE[0], max(EXPORT_SIZE[1] // 2, page.sizeHint().height()))
        QApplication.processEvents()
        path = folder / f"preview-{kind.value}.png"
        if not page.grab().save(str(path)):
            raise OSError(f"cannot save {path}")
        written.append(path)
        page.deleteLater()
    return written


def _closed(action: Awaitable[Any]) -> None:
    close = getattr(action, "close", None)
    if callable(close):
        close()
