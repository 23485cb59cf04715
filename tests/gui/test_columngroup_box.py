"""The column group box: a group's columns as a technician reads them, links clickable."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.core.setup import MainPageBox
from app.mainpage_boxes.api import Hidden, Shown, decide
from app.mainpage_boxes.columngroup import NO_GROUP, NO_VALUES, YES, ColumnGroupBox, line
from app.mainpage_boxes.columngroup_widget import ColumnGroupWidget
from app.sandbox import SandboxServer
from app.testkit.dialogs import OpenedUrls
from tests.admin import showcase
from tests.box_pages import BoxPage, context
from tests.sync_harness import Harness

# A task group of every custom field type the box reads more than as text.
CUSTOM_GROUP = {
    "id": 99, "title": "Internt", "objecttype": "todo",
    "columns": [{"field": "custom102", "title": "Kontakt", "type": "string"},
                {"field": "custom101", "title": "Adgang", "type": "string"}],
}


@pytest.fixture
def sandbox(sandbox: SandboxServer) -> SandboxServer:
    """The sandbox, with the task group above."""
    setup = sandbox.state.setup
    sandbox.state.setup = dataclasses.replace(
        setup, column_groups=(*setup.column_groups, CUSTOM_GROUP))
    return sandbox


def _lines(harness: Harness, kind: Kind, object_id: int, box: MainPageBox | None = None
           ) -> dict[str, tuple[str, str]]:
    decision = decide(ColumnGroupBox(), context(harness, ColumnGroupBox(), kind, object_id, box))
    assert isinstance(decision, Shown)
    return {line.title: (line.text, line.link) for line in decision.content.lines}


def test_a_companys_group_titled_by_the_group_with_links(qtbot: QtBot, synced: Harness) -> None:
    customer_id = showcase(synced.server)["columngroup"]["customer"]["shows"]
    customer = synced.core.session.object(Kind.CUSTOMER, customer_id)
    assert customer is not None
    lines = _lines(synced, Kind.CUSTOMER, customer_id)
    number = "".join(c for c in customer["phone"] if c.isdigit() or c == "+")
    assert lines["Phone"] == (customer["phone"], f"tel:{number}")
    assert lines["E-mail"] == (customer["email"], f"mailto:{customer['email']}")
    assert lines["Website"][1] == f"https://{customer['www'].removeprefix('https://')}"
    assert lines["Serviceaftale"] == (customer["custom201"], "")  # the custom field's title
    assert lines["Name"] == (customer["name"], "")

    box = BoxPage(qtbot, synced, ColumnGroupBox(), Kind.CUSTOMER, customer_id)
    assert box.view.title == "Company"
    widget = box.view.body
    assert isinstance(widget, ColumnGroupWidget)
    mail = next(v for v in widget.values if customer["email"] in v.text())
    with OpenedUrls("mailto") as opened:
        qtbot.mouseClick(mail, Qt.MouseButton.LeftButton, pos=QPoint(4, mail.height() // 2))
        qtbot.waitUntil(lambda: opened.urls != [])
    assert opened.urls == [f"mailto:{customer['email']}"]

    box.office_changes(Kind.CUSTOMER, customer_id, email="drift@havblik.dk")
    assert any("drift@havblik.dk" in v.text() for v in widget.values)


def test_custom_fields_read_as_a_person_reads_them(synced: Harness) -> None:
    todo_id = showcase(synced.server)["users"]["todo"]["shows"]  # it names an internal contact
    task = synced.core.session.object(Kind.TODO, todo_id)
    assert task is not None
    user = synced.core.session.setup.user(task["custom102"])
    assert user is not None
    box = MainPageBox(0, "columngroup99", "", True, 99, 0)
    lines = _lines(synced, Kind.TODO, todo_id, box)
    assert lines["Kontakt internt"] == (user.name, "")  # a user field: the user's name
    assert ColumnGroupBox().title(context(synced, ColumnGroupBox(), Kind.TODO, todo_id, box)
                                  ) == "Internt"


def test_a_ticked_checkbox_and_a_dropdown_option(synced: Harness) -> None:
    person = next(p for p in synced.core.session.related(Kind.PERSON) if p.get("custom401"))
    group = synced.core.session.setup.column_group(4)
    assert group is not None
    field = dataclasses.replace(group.columns[0], field="custom401", title="Nøgle")
    found = line(field, person["custom401"], synced.core.session.setup)
    assert found is not None and found.text == YES
    assert line(field, 0, synced.core.session.setup) is None  # unticked: nothing to show
    agreement = dataclasses.replace(field, field="custom201")
    found = line(agreement, 2, synced.core.session.setup)  # an option given by its index
    assert found is not None and (found.title, found.text) == ("Serviceaftale", "Sølv")


def test_hidden_when_the_group_does_not_exist_or_has_no_values(synced: Harness) -> None:
    customer_id = showcase(synced.server)["columngroup"]["customer"]["shows"]
    missing = MainPageBox(0, "columngroup77", "Gone", True, 77, 0)
    assert decide(ColumnGroupBox(), context(synced, ColumnGroupBox(), Kind.CUSTOMER, customer_id,
                                            missing)) == Hidden(NO_GROUP.format(77))
    empty = dataclasses.replace(context(synced, ColumnGroupBox(), Kind.CUSTOMER, customer_id),
                                object={"id": customer_id, "name": "", "phone": ""})
    assert decide(ColumnGroupBox(), empty) == Hidden(NO_VALUES)
