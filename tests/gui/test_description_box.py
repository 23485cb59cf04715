"""The task's description box, as a technician reads it on the task's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.description import NO_DESCRIPTION, DescriptionBox
from app.mainpage_boxes.description_widget import MAX_LINES, DescriptionWidget
from app.mainpage_boxes.widget import BoxView
from app.testkit.dialogs import OpenedUrls
from tests.box_pages import BoxPage, office_changes
from tests.sync_harness import Harness

LONG = "\n".join(f"Linje {n}: tjek filtre, pumper og ventiler i teknikrummet." for n in range(60))


def _todo_id(harness: Harness) -> int:
    """The first task the technician has."""
    return harness.core.session.rows(Kind.TODO, [], order_by="id", limit=1)[0][0]


def _office_changes(harness: Harness, **fields: str) -> None:
    """The office changes the task before its page opens; a sync brings it."""
    office_changes(harness, Kind.TODO, _todo_id(harness), **fields)


def _page(qtbot: QtBot, harness: Harness) -> BoxPage:
    """The description box on a page of its own, tall enough for its longest text."""
    return BoxPage(qtbot, harness, DescriptionBox(), Kind.TODO, _todo_id(harness),
                   size=(480, 900))


def _browser(view: BoxView) -> DescriptionWidget:
    assert isinstance(view.body, DescriptionWidget)
    return view.body


def test_a_long_description_scrolls_inside_its_box_and_a_short_one_shows_whole(
    qtbot: QtBot, synced: Harness
) -> None:
    _office_changes(synced, description=LONG)
    page = _page(qtbot, synced)
    view = page.view
    browser = _browser(view).browser
    assert view.title == "Description"
    assert browser.toPlainText() == LONG
    line = browser.fontMetrics().lineSpacing()
    assert browser.height() <= (MAX_LINES + 2) * line
    assert browser.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    qtbot.waitUntil(lambda: view.body.height() == browser.height())  # the box holds it whole

    page.office_changes(Kind.TODO, _todo_id(synced),
                        description="Ring til Jens inden ankomst.\nNøgle hos naboen.")
    qtbot.waitUntil(lambda: browser.verticalScrollBar().maximum() == 0)
    assert browser.toPlainText() == "Ring til Jens inden ankomst.\nNøgle hos naboen."
    assert browser.height() < 5 * line  # no empty space below two lines
    qtbot.waitUntil(lambda: view.body.height() == browser.height())


def test_a_link_in_the_description_opens_outside_the_app(qtbot: QtBot, synced: Harness) -> None:
    _office_changes(synced, description="Manual: www.danfoss.dk/ecl310 eller ring 70 22 55 55.")
    page = _page(qtbot, synced)
    view = page.view
    browser = _browser(view).browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(browser.toPlainText().index("danfoss") + 2)
    with OpenedUrls("https") as opened:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                         pos=browser.cursorRect(cursor).center())
        qtbot.waitUntil(lambda: opened.urls != [])
    assert opened.urls == ["https://www.danfoss.dk/ecl310"]
    assert browser.toPlainText().startswith("Manual: www.danfoss.dk/ecl310")  # still on the page


def test_the_box_hides_without_a_description_and_returns_with_one(
    qtbot: QtBot, synced: Harness
) -> None:
    page = _page(qtbot, synced)
    view = page.view
    assert view.isVisible()
    page.office_changes(Kind.TODO, _todo_id(synced), description="  ")
    assert not view.isVisible() and view.toolTip() == NO_DESCRIPTION
    page.office_changes(Kind.TODO, _todo_id(synced), description="Skift termostat i stuen.")
    assert view.isVisible()
    assert _browser(view).browser.toPlainText() == "Skift termostat i stuen."
