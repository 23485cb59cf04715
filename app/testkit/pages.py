"""Page objects: what a technician sees and presses, by the words on the screen, so a tester's
test reads as the steps of a manual and survives a change of widget.

`MainPage` (one object's page: its header, its action buttons, its boxes), `Box` (one box on
it), `Outbox` (what waits to be sent, the failed calls) and `Indicators` (the sync indicators
in the status bar). They read what is shown (a hidden widget reads as nothing) and every press
waits until what it started has finished, so the next line of a test sees the result.

Their methods are a public API (README, "Testing a Microbizz set-up with pytest-qt"): change
one only with a deprecation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from app.mainpage_boxes.api import Shown
from app.mainpage_boxes.widget import BoxView
from app.sync.status import Indicator
from app.views.main_page import MainPageView
from app.views.object_actions import CHECK_IN, CHECK_OUT

if TYPE_CHECKING:
    from app.testkit.running_app import FieldClientApp

_TAG = re.compile(r"<[^>]+>")


def shown_text(widget: QWidget) -> list[str]:
    """The words a person reads in `widget`, top to bottom and left to right: labels (rich
    text as plain), buttons, fields, list and table cells; hidden widgets left out."""
    found: list[tuple[int, int, list[str]]] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if child is not widget and not child.isVisibleTo(widget):
            continue
        where = child.mapTo(widget, QPoint(0, 0)) if child is not widget else QPoint(0, 0)
        found.append((where.y(), where.x(), _words(child)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [line for _y, _x, lines in found for line in lines]


def _words(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return _plain(widget.text())
    if isinstance(widget, QAbstractButton):
        return _plain(widget.text().replace("&", ""))
    if isinstance(widget, QLineEdit):
        return _plain(widget.text())
    if isinstance(widget, QPlainTextEdit):
        return _plain(widget.toPlainText())
    if isinstance(widget, QListWidget):
        return [widget.item(row).text() for row in range(widget.count())]
    if isinstance(widget, QTableWidget):
        return [item.text() for row in range(widget.rowCount())
                for column in range(widget.columnCount())
                if (item := widget.item(row, column)) is not None and item.text()]
    return []


def _plain(text: str) -> list[str]:
    text = re.sub(r"<br\s*/?>|</p>|</div>|</li>", "\n", text, flags=re.IGNORECASE)
    return [line.strip() for line in html.unescape(_TAG.sub("", text)).splitlines()
            if line.strip()]


def _label(button: QAbstractButton) -> str:
    return button.text().replace("&", "").strip() or button.accessibleName() \
        or button.toolTip()


class _Pressable:
    """Buttons found by the words on them (or their tooltip when they have no words)."""

    def __init__(self, app: FieldClientApp, widget: QWidget) -> None:
        self._app = app
        self._widget = widget

    def _buttons(self) -> list[QAbstractButton]:
        return [b for b in self._widget.findChildren(QAbstractButton)
                if b.isVisibleTo(self._widget)]

    def buttons(self) -> list[str]:
        """The labels of the buttons shown (enabled or not), in order."""
        return [_label(button) for button in self._buttons()]

    def _button(self, label: str) -> QAbstractButton:
        for button in self._buttons():
            if label in (_label(button), button.toolTip(), button.accessibleName()):
                return button
        raise LookupError(f"no button {label!r}; the buttons are {self.buttons()}")

    def is_enabled(self, label: str) -> bool:
        """Whether the button `label` can be pressed now."""
        return self._button(label).isEnabled()

    def press(self, label: str) -> None:
        """Click the button whose words (or tooltip) are `label`, and wait until what it
        started has finished. LookupError lists the buttons when there is none; a disabled
        button raises RuntimeError with its tooltip (often the reason)."""
        button = self._button(label)
        if not button.isEnabled():
            raise RuntimeError(f"the button {label!r} is disabled: {button.toolTip()}")
        # On its words, not the middle of its width: a check box is pressed on its box or text
        # only, and a wide one's middle is neither.
        where = QPoint(min(button.width(), button.sizeHint().width()) // 2, button.height() // 2)
        self._app.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)
        self._app.settle()


class Box(_Pressable):
    """One box on a main page, as shown (a hidden box is never a `Box`)."""

    def __init__(self, app: FieldClientApp, view: BoxView) -> None:
        super().__init__(app, view)
        self._view = view

    @property
    def type(self) -> str:
        """The box's type as the server's page names it ("checklist", "address", …)."""
        return self._view.objectName().removeprefix("box-")

    @property
    def title(self) -> str:
        """The box's title as shown (the server's, or the app's default for the type)."""
        return self._view.title

    def text(self) -> list[str]:
        """What the box shows, line by line (its title first)."""
        return shown_text(self._view)

    def checkboxes(self) -> dict[str, bool]:
        """The tick boxes shown: label → ticked (a checklist's checkpoints)."""
        return {_label(b): b.isChecked() for b in self._buttons() if b.isCheckable()}

    def tick(self, label: str, ticked: bool = True) -> None:
        """Tick (or with `ticked=False` untick) the tick box `label`; nothing if it already
        is. Like `press`, it fails on a disabled one with why."""
        if self._button(label).isChecked() != ticked:
            self.press(label)


class MainPage(_Pressable):
    """One object's main page in the window (`FieldClientApp.open`)."""

    def __init__(self, app: FieldClientApp, view: MainPageView) -> None:
        super().__init__(app, view)
        self._view = view

    @property
    def kind(self) -> str:
        return self._view.kind.value

    @property
    def object_id(self) -> int:
        return self._view.object_id

    @property
    def heading(self) -> str:
        """The page's heading ("Task T-10001 · Boiler service")."""
        return self._view.heading.text()

    @property
    def message(self) -> str:
        """The sentence the page shows about a refused action or a missing object ("" none)."""
        return self._view.message.text() if self._view.message.isVisible() else ""

    def box_types(self) -> list[str]:
        """The types of the boxes shown, top to bottom."""
        return [Box(self._app, view).type for view in self._shown_views()]

    def hidden_boxes(self) -> dict[str, str]:
        """The boxes of the page's layout the app does not show: type → why."""
        return {view.objectName().removeprefix("box-"): view.toolTip()
                for view in self._view.views if not isinstance(view.decision, Shown)}

    def box(self, box_type: str) -> Box:
        """The shown box of `box_type`; LookupError says which are shown and why it is not."""
        for view in self._shown_views():
            if view.objectName() == f"box-{box_type}":
                return Box(self._app, view)
        why = self.hidden_boxes().get(box_type, "the layout has no such box")
        raise LookupError(f"the {self.kind} page shows no {box_type!r} box ({why}); it shows "
                          f"{self.box_types()}")

    def _shown_views(self) -> list[BoxView]:
        return [view for view in self._view.views
                if isinstance(view.decision, Shown) and not view.isHidden()]

    # -- the header's actions --------------------------------------------------------------

    @property
    def checked_in(self) -> bool:
        """Whether the page's check-in button offers to check out (checked in here)."""
        button = self._view.action_bar.checkin_button
        return button.text() == QCoreApplication.translate("ObjectActions", CHECK_OUT)

    def check_in(self) -> None:
        """Press Check in; the page shows the check-in at once (it is sent in the background)."""
        self.press(QCoreApplication.translate("ObjectActions", CHECK_IN))

    def check_out(self) -> None:
        """Press Check out (the checklist's ticks go with it)."""
        self.press(QCoreApplication.translate("ObjectActions", CHECK_OUT))

    def states(self) -> list[str]:
        """The states the task's State menu offers (a task's page only)."""
        return [action.text() for action in self._view.action_bar.state_menu.actions()]

    def set_state(self, title: str) -> None:
        """Choose `title` in the task's State menu, as the technician does; the page shows it
        at once and it is sent in the background."""
        for action in self._view.action_bar.state_menu.actions():
            if action.text() == title:
                action.trigger()
                self._app.settle()
                return
        raise LookupError(f"no state {title!r}; the menu offers {self.states()}")

    @property
    def pending(self) -> str:
        """What the page says still waits to be sent ("" when nothing does)."""
        label = self._view.action_bar.pending_label
        return label.text() if label.isVisible() else ""


@dataclass(frozen=True, slots=True)
class FailedCall:
    """A change the server refused or that could not be settled, as the failed-calls page
    shows it: `title` (its line in the list) and `detail` (what happened, the exact call,
    what waits behind it)."""

    title: str
    detail: str


class Outbox:
    """The changes made in the app: what waits to be sent and what failed."""

    def __init__(self, app: FieldClientApp) -> None:
        self._app = app

    @property
    def unsent(self) -> int:
        """How many changes are not sent yet (failed ones included), as the app counts them."""
        return self._app.core.session.controls.unsent_count

    def wait_until_sent(self, *, timeout: float = 10.0) -> None:
        """Wait until every change has been answered: sent, or failed (see `failed_calls`)
        with what waits behind it; and until the window says so (the failed indicator shown
        exactly when a change failed)."""
        failed = self._app.window.indicators.buttons[Indicator.FAILED]
        sender = self._app.core.sender

        def answered() -> bool:
            stuck = self._stuck()
            return (not sender.sending and self.unsent == stuck
                    and failed.isVisible() == bool(stuck))

        self._app.wait_until(answered, timeout=timeout, what="the outbox to be sent")
        self._app.settle()

    def _stuck(self) -> int:
        """The changes that cannot go before the technician decides: the failed ones and
        those waiting behind them."""
        controls = self._app.core.session.controls
        problems = controls.problems()
        return len({entry.id for problem in problems
                    for entry in [problem, *controls.waiting_behind(problem)]})

    def failed_calls(self) -> list[FailedCall]:
        """The failed calls as the failed-calls page lists them (it is opened and closed)."""
        pages = self._app.window.pages
        pages.show_indicator(Indicator.FAILED)
        try:
            calls = []
            for row in range(pages.failed_list.count()):
                pages.failed_list.setCurrentRow(row)
                calls.append(FailedCall(pages.failed_list.item(row).text(),
                                        pages.failed_detail.toPlainText()))
            return calls
        finally:
            pages.close()

    def retry(self, index: int = 0) -> None:
        """Press Retry on the failed call at `index` (0: the first); wait until it is done."""
        self._on_failed(index, "retry_button")

    def discard(self, index: int = 0) -> None:
        """Press Discard on the failed call at `index`: the change is dropped and undone on
        this device."""
        self._on_failed(index, "discard_button")

    def _on_failed(self, index: int, button: str) -> None:
        pages = self._app.window.pages
        pages.show_indicator(Indicator.FAILED)
        try:
            pages.failed_list.setCurrentRow(index)
            self._app.qtbot.mouseClick(getattr(pages, button), Qt.MouseButton.LeftButton)
            self._app.settle()
        finally:
            pages.close()


class Indicators:
    """The sync indicators in the status bar (the indicator guide in Help names them)."""

    def __init__(self, app: FieldClientApp) -> None:
        self._app = app

    def shown(self) -> list[str]:
        """The indicators shown: "failed", "permission_declined", "out_of_date",
        "in_flight"."""
        return [indicator.value for indicator, button
                in self._app.window.indicators.buttons.items() if button.isVisible()]

    def tooltip(self, name: str) -> str:
        """What the indicator says when pointed at."""
        return self._app.window.indicators.buttons[Indicator(name)].toolTip()

    def click(self, name: str) -> None:
        """Click a shown indicator: it opens what the indicator guide says."""
        button = self._app.window.indicators.buttons[Indicator(name)]
        if not button.isVisible():
            raise LookupError(f"the {name!r} indicator is not shown; shown: {self.shown()}")
        self._app.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self._app.settle()

