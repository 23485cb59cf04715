"""A main page's equipment, product use and notes: one click away, read only when opened."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.sandbox import SandboxServer
from app.sync.loader import FRESH_SECONDS
from app.views.related_panels import EQUIPMENT, NOTES, PRODUCT_USE, RelatedPanels, Section
from tests.admin import clear_log, commands_sent, fault
from tests.box_pages import LoopHooks
from tests.clock import ManualClock
from tests.sync_harness import Harness

LAZY_READS = ("GetToolsByTodoID", "GetToolsByField", "GetProductUseByTodoID", "GetThreads",
              "GetThreadByID")
AS_OF = re.compile(r"^as of \d\d:\d\d$")


@pytest.fixture
def synced(sandbox: SandboxServer, data_dir: Path, loop: asyncio.AbstractEventLoop
           ) -> Iterator[Harness]:
    clock = ManualClock()
    harness = Harness(sandbox, data_dir, loop, clock=clock)
    harness.sync()
    clock.advance(FRESH_SECONDS + 1)  # what the sync read on the way is no longer fresh
    yield harness
    harness.close()


def _task_where(harness: Harness, has: Callable[[int, dict], bool]) -> int:
    session = harness.core.session
    for (todo_id,) in session.rows(Kind.TODO, [], order_by="id", limit=1000):
        task = session.object(Kind.TODO, todo_id)
        if task and has(todo_id, task):
            return todo_id
    raise AssertionError("the sandbox has no such task")


class Panels:
    def __init__(self, qtbot: QtBot, harness: Harness, kind: Kind, object_id: int) -> None:
        self.harness = harness
        self.session = harness.core.session
        self.object_id = object_id
        self.recording = LoopHooks(harness.loop)
        self.page = QWidget()
        qtbot.addWidget(self.page)
        self.page.resize(640, 700)
        self.panels = RelatedPanels(self.session, kind, object_id, self.recording.hooks,
                                    self.page)
        layout = QVBoxLayout(self.page)
        layout.addWidget(self.panels)
        layout.addStretch()
        self.unsubscribe = self.session.changes.subscribe(self.panels.apply_changes)
        self.page.show()
        qtbot.waitExposed(self.page)

    def settle(self) -> None:
        """The reads (and actions) asked for have ended."""
        async def ended() -> None:
            while self.recording.tasks:
                tasks, self.recording.tasks = self.recording.tasks, []
                await asyncio.gather(*tasks)

        self.harness.run(ended())

    def open(self, title: str) -> Section:
        section = self.panels.section(title)
        section.header.click()
        self.settle()
        return section


@pytest.fixture
def opened(qtbot: QtBot, synced: Harness) -> Iterator[Callable[[Kind, int], Panels]]:
    made: list[Panels] = []

    def make(kind: Kind, object_id: int) -> Panels:
        clear_log(synced.server)
        made.append(Panels(qtbot, synced, kind, object_id))
        return made[-1]

    yield make
    for panels in made:
        panels.unsubscribe()


def _server_objects(harness: Harness, kind: str) -> list[dict]:
    reply = httpx.get(f"{harness.server.base_url}/_sandbox/objects/{kind}")
    reply.raise_for_status()
    answer = reply.json()
    return list(answer.values()) if isinstance(answer, dict) else answer


def _texts(tree: QTreeWidget, column: int = 0) -> list[str]:
    return [item.text(column) for item in _items(tree)]


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def _lazy_reads(harness: Harness) -> list[str]:
    return [c["command"] for c in commands_sent(harness.server) if c["command"] in LAZY_READS]


def test_equipment_is_read_only_when_opened_says_how_old_and_refreshes(
    opened: Callable[[Kind, int], Panels], synced: Harness
) -> None:
    session = synced.core.session
    todo_id = _task_where(synced, lambda _id, task: bool(
        task["customerid"] and session.related(Kind.TOOL, customerid=task["customerid"])))
    panels = opened(Kind.TODO, todo_id)
    assert [s.title for s in panels.panels.sections] == [EQUIPMENT, PRODUCT_USE, NOTES]
    assert not any(s.body.isVisible() for s in panels.panels.sections)
    assert _lazy_reads(synced) == []  # nothing read when the page opens

    section = panels.open(EQUIPMENT)
    assert _lazy_reads(synced) == ["GetToolsByTodoID"]
    assert section.body.isVisible() and AS_OF.match(section.age.text())
    customer = session.object(Kind.TODO, todo_id)["customerid"]
    tools = session.related(Kind.TOOL, customerid=customer)
    assert sorted(_texts(section.tree, 1)) == sorted(t["title"] for t in tools)

    section.refresh_button.click()  # within the loader's freshness minute: read anyway
    panels.settle()
    assert _lazy_reads(synced) == ["GetToolsByTodoID", "GetToolsByTodoID"]
    assert AS_OF.match(section.age.text())

    section.tree.itemActivated.emit(section.tree.topLevelItem(0), 0)
    first = section.tree.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)
    assert panels.recording.opened == [(Kind.TOOL, first)]


def test_a_failed_read_says_so_over_what_was_read_before(
    opened: Callable[[Kind, int], Panels], synced: Harness
) -> None:
    used_on = {line["todoid"] for line in _server_objects(synced, "todoitem")
               if not line["isdeleted"]}
    todo_id = _task_where(synced, lambda todo_id, _task: todo_id in used_on)
    panels = opened(Kind.TODO, todo_id)
    section = panels.open(PRODUCT_USE)
    assert _lazy_reads(synced) == ["GetProductUseByTodoID"]
    lines = synced.core.session.related(Kind.PRODUCTUSE, todoid=todo_id)
    assert sorted(_texts(section.tree)) == sorted(line["producttext"] for line in lines)
    read_at = section.age.text().removeprefix("as of ")

    fault(synced.server, "drop", times=5)
    section.refresh_button.click()
    panels.settle()
    assert section.age.text() == f"Not available offline; showing what was read at {read_at}"
    assert sorted(_texts(section.tree)) == sorted(line["producttext"] for line in lines)
    assert section.refresh_button.isEnabled()


def test_notes_list_the_threads_read_a_thread_when_opened_and_a_written_note_as_waiting(
    opened: Callable[[Kind, int], Panels], synced: Harness
) -> None:
    session = synced.core.session
    todo_id = _task_where(synced, lambda todo_id, _task: any(
        t["objecttype"] == "todo" for t in session.related(Kind.THREAD, objectid=todo_id)))
    panels = opened(Kind.TODO, todo_id)
    section = panels.open(NOTES)
    assert _lazy_reads(synced) == ["GetThreads"]
    assert AS_OF.match(section.age.text())
    thread = _items(section.tree)[0]
    assert thread.text(0) and thread.childCount() == 0  # GetThreads sends no messages

    thread.setExpanded(True)
    panels.settle()
    assert _lazy_reads(synced) == ["GetThreads", "GetThreadByID"]
    thread = _items(section.tree)[0]
    assert thread.isExpanded() and thread.childCount() > 0

    panels.recording.hooks.run(session.actions.post_note(Kind.TODO, todo_id, "Ring på nr. 3"))
    panels.settle()
    waiting = _items(section.tree)[0]  # the technician's own note first
    assert (waiting.text(0), waiting.text(2)) == ("Ring på nr. 3", "Waiting to be sent")

    synced.run(synced.core.sender.run_once())
    assert "Waiting to be sent" not in _texts(section.tree, 2)
    threads = [i for i in _items(section.tree) if i.childCount()]
    assert "Ring på nr. 3" in [threads[0].child(n).text(0)
                               for n in range(threads[0].childCount())]


def test_a_person_has_no_related_sections_and_equipment_lists_a_companys_tools(
    opened: Callable[[Kind, int], Panels], synced: Harness
) -> None:
    session = synced.core.session
    (person,) = session.rows(Kind.PERSON, [], order_by="id", limit=1)
    on_person = opened(Kind.PERSON, person[0]).panels
    assert on_person.sections == [] and not on_person.isVisible()

    tool = next(t for t in session.related(Kind.TOOL) if t.get("customerid"))
    panels = opened(Kind.CUSTOMER, tool["customerid"])
    assert [s.title for s in panels.panels.sections] == [EQUIPMENT, NOTES]
    section = panels.open(EQUIPMENT)
    assert _lazy_reads(synced) == ["GetToolsByField"]
    assert tool["title"] in _texts(section.tree, 1)
