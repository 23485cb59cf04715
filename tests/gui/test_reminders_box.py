"""The reminders box: a task's or a company's reminders due within 30 days, done or postponed
through the outbox; a company's pending calls too; hidden when there is nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.reminders import (
    NOTHING,
    POSTPONED,
    REMINDER_DAYS,
    UNKNOWN_USER,
    RemindersBox,
)
from app.mainpage_boxes.reminders_widget import POSTPONE_BY, RemindersWidget
from app.sync.plan import SETUP_EVERY_SECONDS
from tests.admin import add_object, commands_sent, showcase
from tests.box_pages import BoxPage
from tests.clock import ManualClock
from tests.sync_harness import Harness


@pytest.fixture
def clock() -> ManualClock:
    """The clock `synced` builds the app with: today at noon, so that the hour the tests move
    it on (`_an_hour_later`) never takes it into tomorrow, where the reminders set up from
    today's date would be a day nearer (a run at 23:00 saw one 31 days away shown)."""
    return ManualClock(datetime.combine(date.today(), time(12)))


def _widget(page: BoxPage) -> RemindersWidget:
    assert isinstance(page.view.body, RemindersWidget)
    return page.view.body


def _remind(harness: Harness, modcode: str, object_id: int, days: int, description: str,
            *, by: int | None = None) -> int:
    """The office (or user `by`) sets up a reminder for the technician, `days` from today."""
    setup = harness.core.session.setup
    office = by or _office(harness)
    return add_object(
        harness.server, "stodo", userid=setup.current_user_id(), modcode=modcode,
        objectid=object_id, description=description, assignedbyuserid=office,
        date=(date.today() + timedelta(days=days)).isoformat(), time="09:30:00")["id"]


def _office(harness: Harness) -> int:
    """Someone in the office who sets up reminders."""
    session = harness.core.session
    me = session.setup.current_user_id()
    return next(s["assignedbyuserid"] for s in session.related(Kind.STODO)
                if s["assignedbyuserid"] not in (0, me))


def _an_hour_later(harness: Harness) -> None:
    """The app reads GetMyStodos with the hourly setup calls: the next of those."""
    assert isinstance(harness.clock, ManualClock)
    harness.clock.advance(SETUP_EVERY_SECONDS + 1)


def _page(qtbot: QtBot, harness: Harness, kind: Kind, object_id: int) -> BoxPage:
    assert harness.clock is not None
    return BoxPage(qtbot, harness, RemindersBox(), kind, object_id, harness.clock.now)


def test_a_task_shows_its_reminders_due_within_30_days_and_who_set_them_up(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = showcase(synced.server)["reminders"]["todo"]["hides"]
    near = _remind(synced, "todo", todo_id, REMINDER_DAYS, "Ring til kunden om reservedele")
    _remind(synced, "todo", todo_id, REMINDER_DAYS + 1, "Årligt eftersyn")
    _remind(synced, "customers", todo_id, 1, "Same id, but a company's")
    me = synced.core.session.setup.current_user_id()
    overdue = _remind(synced, "todo", todo_id, -2, "Send tilbud", by=me)
    _an_hour_later(synced)
    synced.sync()
    page = _page(qtbot, synced, Kind.TODO, todo_id)
    assert page.view.isVisible() and page.view.title == "Reminders"
    texts = _widget(page).texts
    assert list(texts) == [overdue, near]  # soonest first; the far and the company's are left out
    assert "Ring til kunden om reservedele" in texts[near].text()
    assert "09:30" in texts[near].text() and "set up by " in texts[near].text()
    office = synced.core.session.setup.user(_office(synced))  # named once GetUsers is read
    name = office.name if office else UNKNOWN_USER.format(id=_office(synced))
    assert f"set up by {name}" in texts[near].text()
    assert "overdue" in texts[overdue].text() and "overdue" not in texts[near].text()
    assert "set up by you" in texts[overdue].text()


def test_postponing_waits_in_the_outbox_then_reaches_the_sandbox(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = showcase(synced.server)["reminders"]["todo"]["hides"]
    stodo = _remind(synced, "todo", todo_id, 1, "Tjek trykket igen")
    _an_hour_later(synced)
    synced.sync()
    page = _page(qtbot, synced, Kind.TODO, todo_id)
    menu = _widget(page).postpone[stodo].menu()
    assert [a.text() for a in menu.actions()] == [label for label, _ in POSTPONE_BY]
    hour = next(a for a in menu.actions() if a.text() == "1 hour")
    hour.trigger()
    page.settle()
    assert POSTPONED in _widget(page).texts[stodo].text()
    assert "10:30" in _widget(page).texts[stodo].text()  # moved at once
    assert stodo not in _widget(page).postpone  # not twice

    page.send()
    [sent] = commands_sent(synced.server, "StodoAccept")
    assert (sent["stodoid"], sent["postpone"]) == (stodo, 60)
    page.resync()
    assert POSTPONED not in _widget(page).texts[stodo].text()
    assert stodo in _widget(page).postpone


def test_done_takes_the_reminder_off_and_the_box_hides_with_the_last(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = showcase(synced.server)["reminders"]["todo"]["hides"]
    stodo = _remind(synced, "todo", todo_id, 0, "Aflæs måler")
    _an_hour_later(synced)
    synced.sync()
    page = _page(qtbot, synced, Kind.TODO, todo_id)
    qtbot.mouseClick(_widget(page).done[stodo], Qt.MouseButton.LeftButton)
    page.settle()
    assert not page.view.isVisible() and page.view.toolTip() == NOTHING[Kind.TODO].format(
        days=REMINDER_DAYS)

    page.send()
    [sent] = commands_sent(synced.server, "StodoAccept")
    assert sent["stodoid"] == stodo and "postpone" not in sent
    page.resync()
    assert not page.view.isVisible()


def test_a_company_shows_its_reminders_and_the_calls_to_make(
    qtbot: QtBot, synced: Harness
) -> None:
    session = synced.core.session
    customer_id: int = next(c["customerid"] for c in session.related(Kind.CALL)
                            if c["customerid"])
    stodo = _remind(synced, "customers", customer_id, 3, "Følg op på tilbud")
    _an_hour_later(synced)
    synced.sync()
    page = _page(qtbot, synced, Kind.CUSTOMER, customer_id)
    widget = _widget(page)
    assert stodo in widget.texts and stodo in widget.done
    calls = session.related(Kind.CALL, customerid=customer_id)
    assert len(widget.calls) == len(calls)
    for call in calls:
        assert any(call["persontext"] in line.text() for line in widget.calls)


def test_a_company_without_calls_or_near_reminders_hides_the_box(
    qtbot: QtBot, synced: Harness
) -> None:
    customer_id = showcase(synced.server)["reminders"]["customer"]["hides"]
    page = _page(qtbot, synced, Kind.CUSTOMER, customer_id)
    assert not page.view.isVisible() and page.view.toolTip() == NOTHING[Kind.CUSTOMER].format(
        days=REMINDER_DAYS)
    _remind(synced, "customers", customer_id, 2, "Bestil filtre")
    _an_hour_later(synced)
    page.resync()
    assert page.view.isVisible() and len(_widget(page).texts) == 1
