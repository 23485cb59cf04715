"""One object's main page: a header with the technician's actions, the boxes of its kind's
page, and the related data (equipment, product use, notes) one click away.

The page is the host every box sits in. It draws one `BoxView` per box of the server's page
definition (`page_boxes`, in sortorder; a type no plugin knows is never drawn), hands each the
Bridge's ChangeSets, and gives them `PageHooks`: an action's coroutine is kept by the app's
TaskKeeper and a refused action is told in words on the page; a link asks the window to open
another page. What the header shows comes from the same indexed columns as the lists, so a
page and its list row never disagree.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.mainpage_boxes.api import PageHooks, Shown, kind_plural
from app.mainpage_boxes.page import page_boxes
from app.mainpage_boxes.registry import BoxRegistry
from app.mainpage_boxes.widget import BoxView
from app.sync.actions import ActionRefused
from app.sync.keys import MAIN_PAGES_KEY
from app.sync.session import Session
from app.views.bridge import Bridge
from app.views.formatting import refusal_text
from app.views.list_columns import CONTEXT, LIST_COLUMNS, shown_value
from app.views.object_actions import ObjectActions
from app.views.related_panels import RelatedPanels
from app.views.tasks import TaskKeeper
from app.views.theme import Tone, apply_tone

log = logging.getLogger(__name__)

Opener = Callable[[Kind, int], None]


# The heading: what a technician calls one object of each kind, and its name or number.
SINGULAR = {
    Kind.TODO: cast(str, QT_TRANSLATE_NOOP("MainPageView", "Task {name}")),
    Kind.CUSTOMER: cast(str, QT_TRANSLATE_NOOP("MainPageView", "Customer {name}")),
    Kind.PERSON: cast(str, QT_TRANSLATE_NOOP("MainPageView", "Person {name}")),
    Kind.TOOL: cast(str, QT_TRANSLATE_NOOP("MainPageView", "Equipment {name}")),
}
# The list columns that name the object in the heading ("T-10001 · Boiler service"); the
# kind's other list columns make the line of key facts under it.
HEADING = {Kind.TODO: ("number", "title"), Kind.CUSTOMER: ("customernumber", "name"),
           Kind.PERSON: ("name",), Kind.TOOL: ("number", "title")}
# Fields of the object that point at another page: (field, kind, link). A list column that
# names the same object ("customertext") is left out of the facts: the link says it.
RELATED: dict[Kind, tuple[tuple[str, Kind, str], ...]] = {
    Kind.TODO: (("customerid", Kind.CUSTOMER,
                 cast(str, QT_TRANSLATE_NOOP("MainPageView", "Customer: {name}"))),),
    Kind.CUSTOMER: (("parentcust", Kind.CUSTOMER,
                     cast(str, QT_TRANSLATE_NOOP("MainPageView", "Part of: {name}"))),),
    Kind.PERSON: (("customerid", Kind.CUSTOMER,
                   cast(str, QT_TRANSLATE_NOOP("MainPageView", "Company: {name}"))),),
    Kind.TOOL: (("customerid", Kind.CUSTOMER,
                 cast(str, QT_TRANSLATE_NOOP("MainPageView", "At customer: {name}"))),
                ("todoid", Kind.TODO,
                 cast(str, QT_TRANSLATE_NOOP("MainPageView", "Task: {name}")))),
}
LINKED_COLUMNS = frozenset({"customertext", "company", "location"})
NAME_COLUMN = {Kind.TODO: "title", Kind.CUSTOMER: "name", Kind.PERSON: "name",
               Kind.TOOL: "title"}
# Whole sentences per kind: Danish says "denne opgave" but "dette udstyr".
GONE = {
    Kind.TODO: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "This task is no longer on this device.")),
    Kind.CUSTOMER: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "This customer is no longer on this device.")),
    Kind.PERSON: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "This person is no longer on this device.")),
    Kind.TOOL: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "This equipment is no longer on this device.")),
}
NOTHING_SHOWN = {
    Kind.TODO: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "Nothing more is recorded for this task.")),
    Kind.CUSTOMER: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "Nothing more is recorded for this customer.")),
    Kind.PERSON: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "Nothing more is recorded for this person.")),
    Kind.TOOL: cast(str, QT_TRANSLATE_NOOP(
        "MainPageView", "Nothing more is recorded for this equipment.")),
}
NO_BOXES = cast(str, QT_TRANSLATE_NOOP("MainPageView",
                                       "The server defines no main page for {kinds}."))
LINK_SCHEME = "page:"


class MainPageView(QWidget):
    """The page of (`kind`, `object_id`). Call `close_page` when it is dropped: it disconnects
    from the Bridge, so a page that is gone never refreshes (or leaks) again."""

    def __init__(
        self,
        session: Session,
        kind: Kind,
        object_id: int,
        *,
        registry: BoxRegistry,
        bridge: Bridge,
        tasks: TaskKeeper,
        open_page: Opener,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main-page")
        self.session = session
        self.kind = kind
        self.object_id = object_id
        self._registry = registry
        self._bridge = bridge
        self._tasks = tasks
        self._now = now
        self.hooks = PageHooks(run=self._run, open=open_page)
        self.views: list[BoxView] = []

        self.heading = QLabel(self)
        self.heading.setObjectName("page-heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("page-facts")
        self.facts.setWordWrap(True)
        self.links = QLabel(self)
        self.links.setObjectName("page-links")
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.linkActivated.connect(self._link_activated)
        self.message = QLabel(self)
        self.message.setObjectName("page-message")
        self.message.setWordWrap(True)
        apply_tone(self.message, Tone.ERROR, padded=True)
        self.message.hide()
        # The technician's actions on the object (check in/out, state, note, photo; a picture
        # dropped anywhere on the page is attached too), each with its pending state.
        self.action_bar = ObjectActions(session, kind, object_id, self.hooks, self)
        self.action_bar.accept_photo_drops(self)
        self.actions_row = QHBoxLayout()
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self.actions_row.addWidget(self.action_bar, 1)

        header = QVBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.heading)
        header.addWidget(self.facts)
        header.addWidget(self.links)
        header.addLayout(self.actions_row)

        self._content = QWidget()
        self._content.setObjectName("page-content")
        self._boxes = QVBoxLayout()
        self._boxes.setContentsMargins(0, 0, 0, 0)
        # Equipment, product use and notes under the boxes, read only when opened.
        self.related = RelatedPanels(session, kind, object_id, self.hooks, self._content)
        column = QVBoxLayout(self._content)
        column.setContentsMargins(12, 8, 12, 12)
        column.addLayout(self._boxes)
        column.addWidget(self.related)
        column.addStretch(1)
        self.empty = QLabel(self._content)
        self.empty.setObjectName("page-empty")
        self.empty.setStyleSheet("QLabel#page-empty { color: palette(mid); }")
        self.empty.hide()
        self._boxes.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(12, 10, 12, 6)
        top.addLayout(header)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

        self.gone = False
        self._defined = False  # whether the server defines a page for the kind at all
        self._show_header()
        self._build_boxes()
        bridge.changes.connect(self._on_changes)

    # -- lifetime ------------------------------------------------------------------------------

    def close_page(self) -> None:
        """Stop following changes; the widget itself is deleted by whoever held it."""
        if shiboken6.isValid(self._bridge):
            self._bridge.changes.disconnect(self._on_changes)

    # -- the boxes -------------------------------------------------------------------------------

    def _build_boxes(self) -> None:
        for view in self.views:
            self._boxes.removeWidget(view)
            view.deleteLater()
        self.views = []
        boxes = page_boxes(self.session, self.kind, self.object_id, self._now(),
                           registry=self._registry) or ()
        for box in boxes:
            if box.plugin is None:
                continue  # a type the app does not know is never drawn (the registry logs it)
            try:
                view = BoxView(box.plugin, box.context, self._now, self.hooks, self._content)
            except Exception:  # its widget failed to load or to start: a box less, not no page
                log.exception("The %s box could not be drawn on %s %s", box.context.box.box,
                              self.kind, self.object_id)
                continue
            view.refreshed.connect(self._say_if_empty)
            self._boxes.addWidget(view)
            self.views.append(view)
        self._defined = bool(boxes)
        self._say_if_empty()

    def _say_if_empty(self) -> None:
        """A page whose boxes all hide says so, rather than showing a blank area."""
        if self._defined:
            self.empty.setText(self.tr(NOTHING_SHOWN[self.kind]))
        else:
            self.empty.setText(self.tr(NO_BOXES).format(kinds=kind_plural(self.kind)))
        shown = any(isinstance(view.decision, Shown) for view in self.views)
        self.empty.setVisible(not self.gone and not shown)

    def _on_changes(self, changes: ChangeSet) -> None:
        if MAIN_PAGES_KEY in changes.settings:
            self._build_boxes()  # the layout itself changed: its boxes are built anew
        else:
            for view in self.views:
                view.apply_changes(changes)
        self.action_bar.apply_changes(changes)
        self.related.apply_changes(changes)
        if changes.touches(self.kind, self.object_id) or any(
            changes.touches(kind) for _field, kind, _link in RELATED[self.kind]
        ):
            was_gone = self.gone
            self._show_header()
            if was_gone and not self.gone:
                self._build_boxes()  # it arrived (opened before the sync that brings it)
            self._say_if_empty()

    # -- the header ------------------------------------------------------------------------------

    def _show_header(self) -> None:
        kind, names = self.kind, [column.name for column in LIST_COLUMNS[self.kind]]
        row = self.session.rows_of(kind, [self.object_id], names).get(self.object_id)
        obj = self.session.object(kind, self.object_id) if row is not None else None
        self.gone = obj is None
        heading = self.tr(SINGULAR[kind])
        if row is None or obj is None:
            if not self.heading.text():  # else it keeps naming what was here
                self.heading.setText(heading.format(name=self.object_id))
            self.facts.hide()
            self.links.hide()
            self.show_message(self.tr(GONE[kind]))
            return
        values = dict(zip(names, row[1:], strict=True))
        named = " · ".join(str(values[c]) for c in HEADING[kind] if values.get(c))
        self.heading.setText(heading.format(name=named or self.object_id))
        self.facts.setText("   ·   ".join(
            f"{QCoreApplication.translate(CONTEXT, column.header)}: "
            f"{shown_value(column, values[column.name])}"
            for column in LIST_COLUMNS[kind]
            if column.name not in HEADING[kind] and column.name not in LINKED_COLUMNS
            and values.get(column.name)
        ))
        self.facts.setVisible(bool(self.facts.text()))
        self.links.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(self._links(obj)))
        self.links.setVisible(bool(self.links.text()))
        if self.message.property("gone"):
            self.clear_message()

    def _links(self, obj: dict[str, Any]) -> list[str]:
        """The related pages as links ("Customer: Hansen VVS"); one not on the device as text."""
        shown = []
        for field, kind, link in RELATED[self.kind]:
            target = obj.get(field)
            if not isinstance(target, int) or target <= 0:
                continue
            row = self.session.rows_of(kind, [target], [NAME_COLUMN[kind]]).get(target)
            if row is None:
                shown.append(html.escape(self.tr("{link} (not on this device)").format(
                    link=self.tr(link).format(name=target))))
                continue
            name = html.escape(str(row[1] or target))
            said = html.escape(self.tr(link)).format(name=name)
            shown.append(f'<a href="{LINK_SCHEME}{kind.value}:{target}">{said}</a>')
        return shown

    def _link_activated(self, link: str) -> None:
        kind, _, target = link.removeprefix(LINK_SCHEME).partition(":")
        self.hooks.open(Kind(kind), int(target))

    # -- the message bar ---------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("gone", self.gone)
        self.message.show()

    def clear_message(self) -> None:
        self.message.setProperty("gone", False)
        self.message.hide()

    # -- actions -----------------------------------------------------------------------------------

    def _run(self, action: Awaitable[Any]) -> None:
        """Keep the action's task with the app; a refusal is told on the page in words."""
        self._tasks.start(self._reported(action))

    async def _reported(self, action: Awaitable[Any]) -> None:
        try:
            await action
        except ActionRefused as refused:
            if shiboken6.isValid(self):  # the technician may have left the page meanwhile
                self.show_message(refusal_text(refused))
        else:
            if shiboken6.isValid(self) and not self.gone:
                self.clear_message()

