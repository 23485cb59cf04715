"""A person's companies box: where the person works, each company one click away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.api import Hidden, decide
from app.mainpage_boxes.companies import NO_COMPANIES, CompaniesBox
from app.mainpage_boxes.contacts_widget import ContactsWidget
from tests.admin import add_object, showcase
from tests.box_pages import BoxPage, context
from tests.sync_harness import Harness


def test_each_company_with_the_persons_role_opens_its_page(qtbot: QtBot, synced: Harness) -> None:
    person_id = showcase(synced.server)["companies"]["person"]["shows"]
    session = synced.core.session
    relations = session.related(Kind.RELATION, personid=person_id)
    box = BoxPage(qtbot, synced, CompaniesBox(), Kind.PERSON, person_id)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget) and box.view.title == "Companies"
    assert [r.contact.object_id for r in widget.rows] == [r["customerid"] for r in relations]
    row = widget.rows[0]
    company = session.object(Kind.CUSTOMER, relations[0]["customerid"])
    assert company is not None
    assert row.contact.name == company["name"] and row.contact.roles == (relations[0]["title"],)
    qtbot.mouseClick(row.name, Qt.MouseButton.LeftButton, pos=QPoint(4, row.name.height() // 2))
    assert box.opened == [(Kind.CUSTOMER, company["id"])]


def test_hidden_without_companies_and_shown_once_related(qtbot: QtBot, synced: Harness) -> None:
    person_id = showcase(synced.server)["companies"]["person"]["hides"]
    assert decide(CompaniesBox(), context(synced, CompaniesBox(), Kind.PERSON, person_id)
                  ) == Hidden(NO_COMPANIES)
    customer_id = synced.core.session.rows(Kind.CUSTOMER, [], order_by="id", limit=1)[0][0]
    box = BoxPage(qtbot, synced, CompaniesBox(), Kind.PERSON, person_id)
    assert not box.view.isVisible()
    add_object(synced.server, "relation", personid=person_id, customerid=customer_id,
               title="Vicevært")
    box.office_changes(Kind.CUSTOMER, customer_id)
    assert box.view.isVisible()
    widget = box.view.body
    assert isinstance(widget, ContactsWidget)
    assert [(r.contact.object_id, r.contact.roles) for r in widget.rows] == [
        (customer_id, ("Vicevært",))]
