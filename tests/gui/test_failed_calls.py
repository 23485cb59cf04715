"""The failed-calls page for a change the app cannot settle by itself: a photo whose answer was
lost. The technician learns it from the indicator, reads what to check, and decides."""

from __future__ import annotations

import asyncio
import base64

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.sync.status import Indicator
from tests.admin import fault

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8


async def until(condition, timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def test_a_photo_whose_answer_was_lost_says_what_to_check_and_can_be_discarded(
    window_and_core, qtbot: QtBot, loop, sandbox
) -> None:
    window, core, _ = window_and_core
    assert loop.run_until_complete(core.engine.run_pass()).ok
    task = min(core.store.objects.ids(Kind.TODO))
    loop.run_until_complete(core.actions.attach_photo(Kind.TODO, task, "Måler", JPEG))
    fault(sandbox, "lose_answer", command="AddPhotoToTodo")  # Microbizz keeps it, no answer
    loop.run_until_complete(core.sender.run_once())

    button = window.indicators.buttons[Indicator.FAILED]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    pages = window.pages
    assert pages.tabs.currentWidget() is pages.failed_page
    assert pages.failed_list.item(0).text().endswith("not sure it reached Microbizz")
    detail = pages.failed_detail.toPlainText()
    assert ("We don't know whether the photo reached Microbizz. Check the task's documents in "
            "Microbizz; if it is not there, press Retry; if it is, press Discard.") in detail
    assert f"<{len(JPEG):,} bytes>" in detail
    assert base64.b64encode(JPEG).decode()[:40] not in detail  # never the picture itself

    qtbot.mouseClick(pages.discard_button, Qt.MouseButton.LeftButton)  # it is in Microbizz
    loop.run_until_complete(until(lambda: core.outbox.unsent_count() == 0))
    assert not button.isVisible()
    assert len([d for d in sandbox.state.store("document").objects()
                if d["objectid"] == task and d["title"] == "Måler"]) == 1
    pages.close()
