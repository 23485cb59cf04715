"""The take box on a piece of equipment's page: who has it, since when, take and set down."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.address import Position
from app.mainpage_boxes.tooltake import FUNCTION_OFF, ToolTakeBox
from app.mainpage_boxes.tooltake_widget import ToolTakeWidget
from app.mainpage_boxes.widget import BoxView
from tests.admin import commands_sent, set_functions, showcase
from tests.box_pages import BoxPage
from tests.clock import ManualClock
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 42)
VAN = Position(55.4038, 10.4024, "the test's GPS")


@pytest.fixture
def clock() -> ManualClock:
    """The clock `synced` builds the app with."""
    return ManualClock(NOW)


def _carried_id(harness: Harness) -> int:
    """The equipment the demo technician carries."""
    return int(showcase(harness.server)["tooltake"]["tool"]["shows"])


def _free_id(harness: Harness) -> int:
    """Equipment nobody carries."""
    return next(tool["id"] for tool in harness.core.session.related(Kind.TOOL, carrier_userid=0))


def _widget(view: BoxView) -> ToolTakeWidget:
    assert isinstance(view.body, ToolTakeWidget)
    return view.body


def test_taking_equipment_shows_you_have_it_since_now_and_reaches_the_server(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = _free_id(synced)
    page = BoxPage(qtbot, synced, ToolTakeBox(lambda _s: VAN), Kind.TOOL, tool_id, lambda: NOW)
    view = page.view
    widget = _widget(view)
    assert widget.holder.text() == "<b>Not taken</b>" and widget.button.text() == "Take"

    page.press(_widget(view).button)
    assert widget.holder.text() == "<b>You have it</b> since 10:42"
    assert widget.pending.text() == "<i>Taking it is waiting to be sent</i>"
    assert widget.position.text() == "Sends the position of the test's GPS"
    assert widget.button.text() == "Set down"

    page.send()
    assert widget.pending.isHidden()
    assert synced.server.state.store("tool").get(tool_id)["carrier_userid"] == (
        synced.core.session.setup.current_user_id())
    sent = commands_sent(synced.server, "PickupTool")[-1]
    assert (sent["toolid"], sent["latitude"], sent["longitude"]) == (
        tool_id, VAN.latitude, VAN.longitude)

    synced.sync()  # the server's copy of the tool replaces the local one: the moment stays
    view.refresh()
    assert widget.holder.text() == "<b>You have it</b> since 10:42"


def test_setting_it_down_frees_it_and_sends_0_0_without_a_position(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = _carried_id(synced)
    page = BoxPage(qtbot, synced, ToolTakeBox(), Kind.TOOL, tool_id, lambda: NOW)
    view = page.view
    widget = _widget(view)
    # Taken before this device knew: no moment to show.
    assert widget.holder.text() == "<b>You have it</b>" and widget.button.text() == "Set down"
    assert widget.position.text() == "No position known: sends 0,0"

    page.press(_widget(view).button)
    assert widget.holder.text() == "<b>Not taken</b>"
    assert widget.pending.text() == "<i>Setting it down is waiting to be sent</i>"
    page.send()
    assert synced.server.state.store("tool").get(tool_id)["carrier_userid"] == 0
    sent = commands_sent(synced.server, "SetDownTool")[-1]
    assert (sent["latitude"], sent["longitude"]) == (0, 0)


def test_a_colleague_has_it(qtbot: QtBot, synced: Harness) -> None:
    tool_id = _free_id(synced)
    me = synced.core.session.setup.current_user_id()
    colleague = next(u for u in synced.server.state.setup.users if u["id"] != me)
    page = BoxPage(qtbot, synced, ToolTakeBox(), Kind.TOOL, tool_id, lambda: NOW)
    view = page.view
    page.office_changes(Kind.TOOL, tool_id, carrier_userid=colleague["id"])
    # The app does not sync GetUsers yet, so the name is unknown: the id stands in for it.
    user = synced.core.session.setup.user(colleague["id"])
    name = user.name if user else f"user {colleague['id']}"
    assert _widget(view).holder.text() == f"<b>Taken by {name}</b>"
    assert _widget(view).button.text() == "Take"


def test_the_box_is_hidden_while_the_tooltake_function_is_off(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = _carried_id(synced)
    view = BoxPage(qtbot, synced, ToolTakeBox(), Kind.TOOL, tool_id, lambda: NOW).view
    assert view.isVisible()
    set_functions(synced.server, ToolTake=False)
    synced.changes.clear()
    synced.sync()
    for changes in synced.changes:
        view.apply_changes(changes)
    assert not view.isVisible() and view.toolTip() == FUNCTION_OFF
