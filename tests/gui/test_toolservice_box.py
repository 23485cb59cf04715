"""The service box on a piece of equipment's page: interval, last and next service, overdue,
and Start service through the outbox."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import ToolType
from app.mainpage_boxes.toolservice import NO_SERVICE, ToolServiceBox, due_text
from app.mainpage_boxes.toolservice_widget import OVERDUE_COLOUR, ToolServiceWidget
from app.mainpage_boxes.widget import BoxView
from app.sandbox import SandboxServer
from tests.admin import commands_sent, showcase
from tests.box_pages import BoxPage
from tests.clock import ManualClock
from tests.sync_harness import Harness


@pytest.fixture
def clock(sandbox: SandboxServer) -> ManualClock:
    """The clock `synced` builds the app with."""
    return ManualClock(sandbox.state.clock.now())


def _now(harness: Harness) -> datetime:
    return harness.server.state.clock.now()


def _tool_id(harness: Harness, side: str) -> int:
    return int(showcase(harness.server)["toolservice"]["tool"][side])


def _widget(view: BoxView) -> ToolServiceWidget:
    assert isinstance(view.body, ToolServiceWidget)
    return view.body


def test_intervals_and_due_dates_read_as_a_person_says_them() -> None:
    assert ToolType(1, "Køleanlæg", "month", 3).every() == "every 3 months"
    assert ToolType(5, "Brandslukker", "year", 1).every() == "every year"
    assert ToolType(9, "Stige", "", 0).every() == ""
    assert ToolType(1, "x", "month", 1).next_service(date(2026, 1, 31)) == date(2026, 2, 28)
    assert ToolType(1, "x", "year", 2).next_service(date(2024, 2, 29)) == date(2026, 2, 28)
    assert ToolType(1, "x", "week", 2).next_service(date(2026, 12, 25)) == date(2027, 1, 8)
    today = date(2026, 12, 2)
    assert due_text(date(2026, 11, 12), today) == "overdue by 20 days"
    assert due_text(date(2026, 12, 1), today) == "overdue by 1 day"
    assert due_text(today, today) == "due today"
    assert due_text(date(2026, 12, 14), today) == "due in 12 days"


def test_an_overdue_service_is_said_in_words_and_red(qtbot: QtBot, synced: Harness) -> None:
    tool_id = _tool_id(synced, "shows")
    view = BoxPage(qtbot, synced, ToolServiceBox(), Kind.TOOL, tool_id, lambda: _now(synced)).view
    tool = synced.core.session.object(Kind.TOOL, tool_id)
    assert tool is not None
    kind = synced.core.session.setup.tool_types()[tool["groupid"]]
    widget = _widget(view)
    assert widget.period.text() == kind.every() and widget.type.text() == kind.title
    nextservice = date.fromisoformat(tool["nextservice"])
    days = (_now(synced).date() - nextservice).days
    assert days > 0, "the showcase names an overdue tool"
    assert "overdue by" in widget.next.text() and f"{days} day" in widget.next.text()
    assert OVERDUE_COLOUR in widget.next.text()
    assert widget.button.text() == "Start service" and widget.button.isEnabled()


def test_start_service_moves_the_dates_at_once_and_reaches_the_server(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = _tool_id(synced, "shows")
    now = _now(synced)
    page = BoxPage(qtbot, synced, ToolServiceBox(), Kind.TOOL, tool_id, lambda: now)
    view = page.view
    widget = _widget(view)
    page.press(widget.button)
    tool = synced.core.session.object(Kind.TOOL, tool_id)
    assert tool is not None
    kind = synced.core.session.setup.tool_types()[tool["groupid"]]
    due = kind.next_service(now.date())
    assert due is not None
    assert widget.last.text() == f"{now.day} {now:%b %Y}"
    days = (due - now.date()).days
    assert widget.next.text() == f"<span>{due.day} {due:%b %Y}<br>due in {days} days</span>"
    assert widget.pending.isVisibleTo(widget) and not widget.button.isEnabled()

    page.send()
    sent = commands_sent(synced.server, "StartToolService")[-1]
    assert (sent["toolid"], sent["servicedate"]) == (tool_id, now.date().isoformat())
    served = synced.server.state.store("tool").get(tool_id)
    assert (served["lastservice"], served["nextservice"]) == (now.date().isoformat(),
                                                             due.isoformat())
    assert not widget.pending.isVisibleTo(widget) and widget.button.isEnabled()


def test_the_box_hides_without_interval_or_dates_and_returns_with_a_date(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = _tool_id(synced, "hides")
    page = BoxPage(qtbot, synced, ToolServiceBox(), Kind.TOOL, tool_id, lambda: _now(synced))
    view = page.view
    assert not view.isVisible() and view.toolTip() == NO_SERVICE
    page.office_changes(Kind.TOOL, tool_id, lastservice="2026-03-01")
    assert view.isVisible()
    widget = _widget(view)
    assert widget.period.text() == "none"
    assert widget.last.text() == "1 Mar 2026" and widget.next.text() == "<span>not recorded</span>"
