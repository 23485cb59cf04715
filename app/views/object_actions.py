"""The technician's actions on a main page: check in or out, change a task's state, attach a
photo, write a note, and what of it still waits to be sent.

Every button goes through `hooks.run(session.actions.…)`: the page keeps the task and says so
when an action is refused. The widget shows the action's local effect as soon as the page hands
on the ChangeSet (`apply_changes`), and the object's unsent outbox entries until the sender has
delivered them (the sender marks the object changed when it sends one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QLocale,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QDropEvent, QImage, QImageReader, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.mainpage_boxes.api import Concerns, PageHooks
from app.sync.actions import CHECKIN_OBJECT_TYPES, NOTE_OBJECT_TYPES, PHOTO_COMMANDS
from app.sync.keys import CHECKIN_KEY, STATES_KEY
from app.sync.session import Entry, Session, State
from app.views.position import Locate, SystemPosition

# -- what the technician reads (translated where shown, context ObjectActions) ------------------
CHECK_IN = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "Check in"))
CHECK_OUT = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "Check out"))
ADD_PHOTO = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "Add photo"))
WRITE_NOTE = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "Write note"))
SEND_NOTE = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "Send note"))
PHOTO = cast(str, QT_TRANSLATE_NOOP("ObjectActions", "photo"))
PENDING_NAMES = {
    "DoCheckIn": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "check-in")),
    "DoCheckOut": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "check-out")),
    "CreateUpdateTodo": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "state change")),
    "PostMessage": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "note")),
    "PickupTool": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "pick-up")),
    "SetDownTool": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "set-down")),
    "StodoAccept": cast(str, QT_TRANSLATE_NOOP("ObjectActions", "reminder")),
    **{command: PHOTO for command, _field in PHOTO_COMMANDS.values()},
}
NOUNS = {
    Kind.TODO: cast(str, QT_TRANSLATE_NOOP("ObjectActions", "task")),
    Kind.CUSTOMER: cast(str, QT_TRANSLATE_NOOP("ObjectActions", "customer")),
    Kind.TOOL: cast(str, QT_TRANSLATE_NOOP("ObjectActions", "equipment")),
    Kind.PERSON: cast(str, QT_TRANSLATE_NOOP("ObjectActions", "person")),
}
JPEG_SUFFIXES = frozenset({".jpg", ".jpeg"})
JPEG_QUALITY = 90

SHORTCUTS = {
    "checkin": "Ctrl+I",
    "state": "Ctrl+T",
    "photo": "Ctrl+P",
    "note": "Ctrl+N",
    "send": "Ctrl+Return",
}


class ObjectActions(QWidget):
    """A row of action buttons for one object, with its pending state. `locate` gives the
    position a check-in or check-out sends (default: the system's, else 0, 0)."""

    def __init__(
        self,
        session: Session,
        kind: Kind,
        object_id: int,
        hooks: PageHooks,
        parent: QWidget | None,
        *,
        locate: Locate | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("object-actions")
        self._session = session
        self._kind = kind
        self._id = object_id
        self._hooks = hooks
        self._locate = locate or SystemPosition(self)
        self._concerns = Concerns({kind: frozenset({object_id})},
                                  frozenset({CHECKIN_KEY, STATES_KEY}))
        self._drops: PhotoDrops | None = None
        self._checked_in_here = False  # the button checks out (else it checks in)

        self.checkin_button = self._button(CHECK_IN, "checkin", self._toggle_checkin)
        self.state_button = QToolButton(self)
        self.state_button.setObjectName("state")
        self.state_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.state_button.setShortcut(QKeySequence(SHORTCUTS["state"]))
        self.state_menu = QMenu(self.state_button)
        self.state_button.setMenu(self.state_menu)
        self.photo_button = self._button(ADD_PHOTO, "photo", self.choose_photo)
        self.note_button = self._button(WRITE_NOTE, "note", self._open_note)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pending")
        self.badge = QLabel(self)
        self.badge.setObjectName("unsent-badge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setStyleSheet(
            "QLabel { background: #d9822b; color: white; border-radius: 9px;"
            " padding: 1px 7px; font-weight: bold; }")
        self.message = QLabel(self)
        self.message.setObjectName("action-message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.note_editor = self._build_note_editor()

        self.checkin_button.setVisible(kind in CHECKIN_OBJECT_TYPES)
        self.state_button.setVisible(kind is Kind.TODO)
        self.photo_button.setVisible(kind in PHOTO_COMMANDS)
        self.note_button.setVisible(kind in NOTE_OBJECT_TYPES)
        # A person has no actions: no empty row under the page's heading.
        self.setVisible(kind in CHECKIN_OBJECT_TYPES or kind is Kind.TODO
                        or kind in PHOTO_COMMANDS or kind in NOTE_OBJECT_TYPES)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.checkin_button, self.state_button, self.photo_button,
                       self.note_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.pending_label)
        row.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.note_editor)
        self.setVisible(any(kind in kinds for kinds in (
            CHECKIN_OBJECT_TYPES, PHOTO_COMMANDS, NOTE_OBJECT_TYPES)))
        self.refresh()

    def _button(self, source: str, name: str, slot: Callable[[], object]) -> QPushButton:
        text = self.tr(source)
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setShortcut(QKeySequence(SHORTCUTS[name]))
        button.setToolTip(f"{text} ({SHORTCUTS[name]})")
        button.clicked.connect(slot)
        return button

    def _build_note_editor(self) -> QWidget:
        editor = QWidget(self)
        editor.setObjectName("note-editor")
        self.note_text = QPlainTextEdit(editor)
        self.note_text.setPlaceholderText(self.tr("Write a note…"))
        self.note_text.setFixedHeight(self.note_text.fontMetrics().lineSpacing() * 5)
        send = self.tr(SEND_NOTE)
        self.send_note_button = QPushButton(send, editor)
        self.send_note_button.setShortcut(QKeySequence(SHORTCUTS["send"]))
        self.send_note_button.setToolTip(f"{send} ({SHORTCUTS['send']})")
        self.send_note_button.setEnabled(False)
        self.send_note_button.clicked.connect(self.send_note)
        cancel = QPushButton(self.tr("Cancel"), editor)
        cancel.clicked.connect(self._close_note)
        self.note_text.textChanged.connect(lambda: self.send_note_button.setEnabled(
            bool(self.note_text.toPlainText().strip())))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.send_note_button)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_text)
        layout.addLayout(buttons)
        editor.hide()
        return editor

    # -- following the store ----------------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        if self._concerns.matches(changes):
            self.refresh()

    def refresh(self) -> None:
        self._show_checkin()
        if self._kind is Kind.TODO:
            self._show_states()
        self._show_pending(self._session.pending(self._kind, self._id))

    def _show_checkin(self) -> None:
        checkin = self._session.setup.checkin()
        here = checkin is not None and (checkin.kind, checkin.object_id) == (self._kind, self._id)
        self._checked_in_here = here
        self.checkin_button.setText(self.tr(CHECK_OUT if here else CHECK_IN))
        elsewhere = checkin is not None and not here
        self.checkin_button.setEnabled(not elsewhere)
        self.checkin_button.setToolTip(
            self.tr("You are checked in at {where}; check out there first.").format(
                where=_where(self._session, checkin.kind, checkin.object_id))
            if checkin is not None and elsewhere
            else f"{self.checkin_button.text()} ({SHORTCUTS['checkin']})")

    def _show_states(self) -> None:
        task = self._session.object(Kind.TODO, self._id) or {}
        current = task.get("stateid")
        work_area = task.get("workareaid")
        self.state_menu.clear()
        group = QActionGroup(self.state_menu)
        for state in self._session.setup.task_states():
            if state.workareaids and work_area not in state.workareaids:
                continue
            action = QAction(state.title, group)
            action.setCheckable(True)
            action.setChecked(state.id == current)
            action.triggered.connect(lambda _=False, sid=state.id: self._set_state(sid))
            self.state_menu.addAction(action)
        title = task.get("statetext")
        self.state_button.setText(self.tr("State: {state}").format(state=title) if title
                                  else self.tr("State"))

    def _show_pending(self, entries: Sequence[Entry]) -> None:
        failed = [e for e in entries if e.state is State.FAILED]
        waiting = [e for e in entries if e.state is not State.FAILED]
        parts = []
        if waiting:
            names = _names(waiting)
            parts.append(
                self.tr("{what} waiting to be sent").format(what=names[0].capitalize())
                if len(names) == 1
                else self.tr("Waiting to be sent: {what}").format(what=", ".join(names)))
        if failed:
            parts.append(self.tr("Not sent: {what} (see the failed calls)").format(
                what=", ".join(_names(failed))))
        self.pending_label.setText(" · ".join(parts))
        self.pending_label.setVisible(bool(parts))
        self.badge.setText(QLocale().toString(len(entries)))
        self.badge.setToolTip(self.tr("Changes not sent yet: {count}").format(
            count=QLocale().toString(len(entries))))
        self.badge.setVisible(bool(entries))

    # -- the actions ---------------------------------------------------------------------------

    def _toggle_checkin(self) -> None:
        lat, lon = self._locate()
        actions = self._session.actions
        if self._checked_in_here:
            self._hooks.run(actions.check_out(lat, lon))
        else:
            self._hooks.run(actions.check_in(self._kind, self._id, lat, lon))

    def _set_state(self, state_id: int) -> None:
        self._hooks.run(self._session.actions.change_task_state(self._id, state_id))

    def choose_photo(self) -> QFileDialog:
        """Ask for a picture file (open(), not exec(): the event loop keeps running)."""
        dialog = QFileDialog(self, self.tr(ADD_PHOTO))
        dialog.setObjectName("photo-dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Pictures ({patterns})").format(patterns=" ".join(
            f"*.{suffix}" for suffix in sorted(_image_suffixes()))))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.attach_file(Path(path)))
        dialog.open()
        return dialog

    def attach_file(self, path: Path) -> None:
        """Queue the picture as a photo of the object: a JPEG as it is, another picture
        converted to JPEG (what AddPhotoTo… takes)."""
        jpeg = _as_jpeg(path)
        if jpeg is None:
            self._say(self.tr("{name} is not a picture this app can read.").format(
                name=path.name))
            return
        self._say("")
        self._hooks.run(self._session.actions.attach_photo(self._kind, self._id, path.stem,
                                                           jpeg))

    def accept_photo_drops(self, widget: QWidget) -> None:
        """Let pictures dropped anywhere on `widget` (the page) be attached to this object."""
        if self._kind not in PHOTO_COMMANDS:
            return
        if self._drops is None:
            self._drops = PhotoDrops(self)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self._drops)

    def _open_note(self) -> None:
        self.note_editor.show()
        self.note_text.setFocus()

    def _close_note(self) -> None:
        self.note_text.clear()
        self.note_editor.hide()

    def send_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if not text:
            return
        self._hooks.run(self._session.actions.post_note(self._kind, self._id, text))
        self._close_note()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class PhotoDrops(QObject):
    """An event filter: picture files dragged over the watched widget are accepted and, when
    dropped, attached by the ObjectActions that installed it."""

    def __init__(self, actions: ObjectActions) -> None:
        super().__init__(actions)
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # DragEnter and DragMove derive from it
        pictures = _pictures(event)
        if not pictures:
            return False
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            for path in pictures:
                self._actions.attach_file(path)
        return True


def _pictures(event: QDropEvent) -> list[Path]:
    """The local picture files a drag carries (by their suffix; the drop reads them)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    suffixes = _image_suffixes()
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower().lstrip(".") in suffixes]


def _image_suffixes() -> frozenset[str]:
    return frozenset(bytes(fmt.data()).decode().lower()
                     for fmt in QImageReader.supportedImageFormats())


def _as_jpeg(path: Path) -> bytes | None:
    if path.suffix.lower() in JPEG_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return None if QImage.fromData(data).isNull() else data
    image = QImage(str(path))
    if image.isNull():
        return None
    converted = QByteArray()
    buffer = QBuffer(converted)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str (its stubs say bytes, which it refuses).
    image.save(buffer, "JPEG", JPEG_QUALITY)  # type: ignore[call-overload]
    buffer.close()
    return bytes(converted.data())


def _names(entries: Iterable[Entry]) -> list[str]:
    """The distinct kinds of change, in the order they were made."""
    return list(dict.fromkeys(
        QCoreApplication.translate("ObjectActions", PENDING_NAMES[e.command])
        if e.command in PENDING_NAMES else e.summary
        for e in entries))


def _where(session: Session, kind: Kind, object_id: int) -> str:
    """The object checked in on, as the check-in button's tip names it ("task Boiler")."""
    obj = session.object(kind, object_id) or {}
    name = obj.get("title") or obj.get("name") or str(object_id)
    noun = NOUNS.get(kind)
    said = QCoreApplication.translate("ObjectActions", noun) if noun else kind.label.lower()
    return f"{said} {name}"
