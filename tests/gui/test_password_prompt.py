"""The office changes the password while changes wait: the window asks for the new one, a
wrong one is refused in the dialog, the right one is kept and the changes arrive."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.sandbox.credentials import DEMO_CREDENTIALS
from app.sync.status import Indicator
from app.views.password_prompt import CHECKING, PasswordDialog
from tests.admin import change_password, commands_sent

NEW_PASSWORD = "forår-2027"
NOTE = "Nøglen ligger i boksen"


async def until(condition, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def press(qtbot: QtBot, dialog: PasswordDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def answered(dialog: PasswordDialog) -> bool:
    return dialog.message.isVisible() and dialog.message.text() != dialog.tr(CHECKING)


@pytest.mark.expected_warnings("app.sync")
def test_a_changed_password_is_asked_for_and_the_waiting_changes_arrive(
    window_and_core, qtbot: QtBot, loop, sandbox
) -> None:
    window, core, sync_requests = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    customer = min(core.store.objects.ids(Kind.CUSTOMER))
    banner = window.password_banner
    loop.run_until_complete(core.actions.post_note(Kind.CUSTOMER, customer, NOTE))
    assert core.outbox.unsent_count() == 1  # waiting: nothing sends yet
    change_password(sandbox, NEW_PASSWORD)

    async def scenario() -> None:
        core.sender.start()  # the waiting note is refused with the login
        await until(lambda: banner.dialog is not None and banner.dialog.isVisible())
        dialog = banner.dialog
        assert dialog is not None
        assert dialog.question.text().startswith(
            f"The server no longer accepts your password for {DEMO_CREDENTIALS.username} on "
            f"contract {DEMO_CREDENTIALS.contract}. Enter the new password")
        assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
        assert banner.isVisible() and window.indicators.buttons[Indicator.FAILED].isVisible()

        qtbot.keyClicks(dialog.password, "forkert")
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        await until(lambda: answered(dialog))
        assert dialog.message.text().startswith(
            "The server did not accept the login: Invalid login")
        assert dialog.isVisible()
        assert core.outbox.unsent_count() == 1 and not commands_sent(sandbox, "PostMessage")

        dialog.password.clear()
        qtbot.keyClicks(dialog.password, NEW_PASSWORD)
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        await until(lambda: not dialog.isVisible())
        await until(lambda: core.outbox.unsent_count() == 0)
        await core.sender.stop()

    loop.run_until_complete(scenario())
    assert [c["message"]["message"] for c in commands_sent(sandbox, "PostMessage")] == [NOTE]
    controls = core.session.controls
    assert controls.accounts.credentials(controls.account).password == NEW_PASSWORD
    assert controls.status.login_refused is None
    assert not banner.isVisible()
    assert not window.indicators.buttons[Indicator.FAILED].isVisible()
    assert sync_requests == [True]  # and a sync at once


@pytest.mark.expected_warnings("app.sync")
def test_cancelled_it_stays_in_a_banner_and_is_not_asked_again_until_chosen(
    window_and_core, qtbot: QtBot, loop, sandbox
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    banner = window.password_banner
    change_password(sandbox, NEW_PASSWORD)
    assert not loop.run_until_complete(core.engine.run_pass()).ok
    dialog = banner.dialog
    assert dialog is not None and dialog.isVisible()
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible()
    assert banner.isVisible()
    assert banner.label.text().startswith("The server no longer accepts your password")
    assert banner.button.text() == "Enter the new password…"

    assert not loop.run_until_complete(core.engine.run_pass()).ok  # refused again: no nagging
    assert not dialog.isVisible() and banner.isVisible()

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.message.isVisible()
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)


@pytest.mark.expected_warnings("app.sync")
def test_a_login_that_works_again_by_itself_takes_the_question_away(
    window_and_core, loop, sandbox
) -> None:
    window, core, _ = window_and_core
    banner = window.password_banner
    change_password(sandbox, NEW_PASSWORD)
    assert not loop.run_until_complete(core.engine.run_pass()).ok
    assert banner.dialog is not None and banner.dialog.isVisible()

    change_password(sandbox, DEMO_CREDENTIALS.password)  # the office changed it back
    assert loop.run_until_complete(core.engine.run_pass()).ok
    assert not banner.dialog.isVisible() and not banner.isVisible()
