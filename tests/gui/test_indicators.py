"""The sync indicators as a technician meets them: each shows when its facts hold, and a click
lands on what the indicator guide says it opens."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.api.client import CallActivity
from app.core.kinds import Kind
from app.db.outbox import State
from app.sync.status import Indicator
from app.testkit.dialogs import message_box
from app.views.indicator_icons import indicator_icon
from app.views.tray import SyncTray


async def until(condition, timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def test_never_synced_is_out_of_date_and_opens_the_message(window_and_core, qtbot: QtBot):
    window, _, _ = window_and_core
    button = window.indicators.buttons[Indicator.OUT_OF_DATE]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = message_box("out-of-date-message")
    assert box is not None and "more than 20 minutes" in box.text()
    box.close()


def test_a_sync_clears_out_of_date(window_and_core, loop) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    assert not window.indicators.buttons[Indicator.OUT_OF_DATE].isVisible()


def test_calls_in_flight_show_their_count_and_open_their_page(window_and_core, qtbot) -> None:
    window, core, _ = window_and_core
    core.monitor.calls_changed(CallActivity(("GetTodosByLastChange", "PostMessage"), True))
    button = window.indicators.buttons[Indicator.IN_FLIGHT]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.isVisible()
    assert window.pages.tabs.currentWidget() is window.pages.in_flight_list
    listed = [window.pages.in_flight_list.item(i).text()
              for i in range(window.pages.in_flight_list.count())]
    assert listed == ["GetTodosByLastChange", "PostMessage"]
    window.pages.close()


def test_the_in_flight_count_follows_each_call_without_drawing_its_icon_again(
    window_and_core,
) -> None:
    """A sync starts and ends requests many times a second: the count on the cloud follows
    each, and a count already shown is not drawn again (five SVG renderings, some 2 ms of the
    window's thread each time; bench/gui_stall.py)."""
    window, core, _ = window_and_core
    button = window.indicators.buttons[Indicator.IN_FLIGHT]
    shown: dict[int, int] = {}
    for calls in (1, 2, 3, 2, 1, 2):
        core.monitor.calls_changed(CallActivity(("GetTodosByLastChange",) * calls, True))
        expected = indicator_icon(Indicator.IN_FLIGHT, str(calls)).pixmap(28, 26).toImage()
        assert button.icon().pixmap(28, 26).toImage() == expected
        assert shown.setdefault(calls, button.icon().cacheKey()) == button.icon().cacheKey()


def test_declined_permission_overrules_out_of_date_and_start_grants_it(
    window_and_core, qtbot: QtBot, loop
) -> None:
    window, core, _ = window_and_core
    loop.run_until_complete(core.preferences.set_background_sync(False))
    core.monitor.refresh()
    buttons = window.indicators.buttons
    assert buttons[Indicator.PERMISSION_DECLINED].isVisible()
    assert not buttons[Indicator.OUT_OF_DATE].isVisible()  # overruled

    qtbot.mouseClick(buttons[Indicator.PERMISSION_DECLINED], Qt.MouseButton.LeftButton)
    prompt = message_box("permission-prompt")
    assert prompt is not None
    prompt.button(QMessageBox.StandardButton.No).click()

    window.open_indicator(None)  # the sync status page
    assert window.pages.start_button.isVisible()
    qtbot.mouseClick(window.pages.start_button, Qt.MouseButton.LeftButton)
    loop.run_until_complete(until(lambda: core.preferences.background_sync is True))
    assert not buttons[Indicator.PERMISSION_DECLINED].isVisible()
    assert buttons[Indicator.OUT_OF_DATE].isVisible()  # no longer overruled
    window.pages.close()


def test_the_tray_shows_the_indicator_that_most_needs_the_user(window_and_core) -> None:
    window, core, _ = window_and_core
    tray = SyncTray(window)
    core.monitor.calls_changed(CallActivity(("GetCheckIn",), True))
    status = core.monitor.status()
    tray.show_status(status)
    assert status.tray is Indicator.OUT_OF_DATE  # out of date outranks a call in flight
    assert "Not synchronised for more than 20 minutes" in tray.icon.toolTip()
    assert "Calls to the server are under way" in tray.icon.toolTip()
    assert not tray.icon.icon().isNull()


def test_a_refused_call_is_listed_with_the_exact_call_and_can_be_discarded(
    window_and_core, qtbot: QtBot, loop, sandbox
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    task = min(core.store.objects.ids(Kind.TODO))
    before = core.store.objects.get(Kind.TODO, task)["stateid"]
    cancelled = 7  # a dispatcher's state: the back office refuses it from the app
    loop.run_until_complete(core.actions.change_task_state(task, cancelled))
    assert core.store.objects.get(Kind.TODO, task)["stateid"] == cancelled  # shown at once
    loop.run_until_complete(core.actions.post_note(Kind.TODO, task, "Kunden var ikke hjemme"))
    loop.run_until_complete(core.sender.run_once())

    button = window.indicators.buttons[Indicator.FAILED]
    assert button.isVisible() and button.icon() is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.tabs.currentWidget() is window.pages.failed_page
    detail = window.pages.failed_detail.toPlainText()
    assert "CreateUpdateTodo" in detail and "is not allowed" in detail
    waiting = detail.split("Waiting behind it:")[1]
    assert "note" in waiting.lower()  # the note on the same task waits for it
    assert sandbox.credentials.password not in detail
    assert sandbox.credentials.apikey not in detail

    qtbot.mouseClick(window.pages.discard_button, Qt.MouseButton.LeftButton)
    loop.run_until_complete(until(lambda: not core.outbox.entries(State.FAILED)))
    assert core.store.objects.get(Kind.TODO, task)["stateid"] == before  # rolled back
    assert core.outbox.unsent_count() == 0  # the note could not go without it
    assert not window.indicators.buttons[Indicator.FAILED].isVisible()
    window.pages.close()


def test_offline_shows_the_banner_with_what_is_kept(window_and_core, loop) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    customer = min(core.store.objects.ids(Kind.CUSTOMER))
    core.monitor.network_changed(False)
    loop.run_until_complete(core.actions.post_note(Kind.CUSTOMER, customer, "Nøgle i boksen"))
    assert window.offline_banner.isVisible()
    text = window.offline_banner.text()
    assert "changes are kept" in text.lower() and "Not sent yet: 1" in text
    core.monitor.network_changed(True)
    assert not window.offline_banner.isVisible()
