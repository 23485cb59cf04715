"""The procedures box: a task shows its company's procedures, a company its own (only with the
CustomersProcedures function); a title folds out its text; hidden when there are none."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.procedures import (
    FUNCTION_OFF,
    NONE_FOR_CUSTOMER,
    NONE_FOR_TASK,
    ProceduresBox,
)
from app.mainpage_boxes.procedures_widget import ProceduresWidget
from tests.admin import add_object, set_functions, showcase
from tests.box_pages import BoxPage
from tests.sync_harness import Harness

NOW = datetime(2026, 12, 2, 10, 0)


def _widget(page: BoxPage) -> ProceduresWidget:
    assert isinstance(page.view.body, ProceduresWidget)
    return page.view.body


def _page(qtbot: QtBot, harness: Harness, kind: Kind, object_id: int) -> BoxPage:
    return BoxPage(qtbot, harness, ProceduresBox(), kind, object_id, lambda: NOW)


def _company_procedures(harness: Harness, customer_id: int) -> dict[int, dict]:
    return {p["id"]: p for p in harness.core.session.related(Kind.PROCEDURE, sysref=customer_id)
            if p["modcode"] == "customers"}


def test_a_task_lists_its_company_procedures_and_a_title_opens_the_text(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = showcase(synced.server)["procedures"]["todo"]["shows"]
    task = synced.core.session.object(Kind.TODO, todo_id)
    assert task is not None
    expected = _company_procedures(synced, task["customerid"])
    page = _page(qtbot, synced, Kind.TODO, todo_id)
    widget = _widget(page)
    assert page.view.isVisible() and page.view.title == "Procedures"
    assert {i: b.text() for i, b in widget.titles.items()} == {
        i: p["title"] for i, p in expected.items()}
    first = next(iter(widget.titles))
    assert not widget.texts[first].isVisible()  # titles only, until one is pressed

    qtbot.mouseClick(widget.titles[first], Qt.MouseButton.LeftButton)
    assert widget.texts[first].isVisible()
    assert widget.texts[first].text() == expected[first]["text"]
    assert not any(t.isVisible() for i, t in widget.texts.items() if i != first)

    add_object(synced.server, "procedure", modcode="customers", sysref=task["customerid"],
               title="Aaa: nøgle hos viceværten", text="Ring på 1. sal.")
    page.resync()
    widget = _widget(page)
    assert len(widget.titles) == len(expected) + 1
    assert next(iter(widget.titles.values())).text() == "Aaa: nøgle hos viceværten"  # by title
    assert widget.texts[first].isVisible()  # what was open stays open
    qtbot.mouseClick(widget.titles[first], Qt.MouseButton.LeftButton)
    assert not widget.texts[first].isVisible()


def test_a_task_whose_company_has_no_procedures_hides_the_box(
    qtbot: QtBot, synced: Harness
) -> None:
    todo_id = showcase(synced.server)["procedures"]["todo"]["hides"]
    page = _page(qtbot, synced, Kind.TODO, todo_id)
    assert not page.view.isVisible() and page.view.toolTip() == NONE_FOR_TASK


def test_a_company_shows_its_own_procedures_only_with_the_function(
    qtbot: QtBot, synced: Harness
) -> None:
    cases = showcase(synced.server)["procedures"]["customer"]
    page = _page(qtbot, synced, Kind.CUSTOMER, cases["shows"])
    assert page.view.isVisible()
    assert set(_widget(page).titles) == set(_company_procedures(synced, cases["shows"]))

    set_functions(synced.server, CustomersProcedures=False)
    page.resync()
    assert not page.view.isVisible() and page.view.toolTip() == FUNCTION_OFF

    set_functions(synced.server, CustomersProcedure=True)  # the guide's spelling
    page.resync()
    assert page.view.isVisible()

    hidden = _page(qtbot, synced, Kind.CUSTOMER, cases["hides"])
    assert not hidden.view.isVisible() and hidden.view.toolTip() == NONE_FOR_CUSTOMER
