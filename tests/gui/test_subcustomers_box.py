"""A customer's subcustomers box: the companies under it, each one click away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.api import Hidden, decide
from app.mainpage_boxes.contacts_widget import ContactsWidget
from app.mainpage_boxes.subcustomers import NO_SUBCUSTOMERS, SubcustomersBox
from tests.admin import showcase
from tests.box_pages import BoxPage, context
from tests.sync_harness import Harness


def test_the_subcustomers_open_their_pages_and_a_new_one_appears(
    qtbot: QtBot, synced: Harness
) -> None:
    parent_id = showcase(synced.server)["subcustomers"]["customer"]["shows"]
    session = synced.core.session
    children = {c["id"] for c in session.related(Kind.CUSTOMER, parentcust=parent_id)}
    box = BoxPage(qtbot, synced, SubcustomersBox(), Kind.CUSTOMER, parent_id)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget) and box.view.title == "Subcustomers"
    assert {r.contact.object_id for r in widget.rows} == children
    row = widget.rows[0]
    qtbot.mouseClick(row.name, Qt.MouseButton.LeftButton, pos=QPoint(4, row.name.height() // 2))
    assert box.opened == [(Kind.CUSTOMER, row.contact.object_id)]

    newcomer = next(c for c in session.related(Kind.CUSTOMER)
                    if c["id"] != parent_id and c["id"] not in children)
    box.office_changes(Kind.CUSTOMER, newcomer["id"], parentcust=parent_id)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget)
    assert {r.contact.object_id for r in widget.rows} == children | {newcomer["id"]}


def test_hidden_without_subcustomers(synced: Harness) -> None:
    hides = showcase(synced.server)["subcustomers"]["customer"]["hides"]
    assert decide(SubcustomersBox(), context(synced, SubcustomersBox(), Kind.CUSTOMER, hides)
                  ) == Hidden(NO_SUBCUSTOMERS)
