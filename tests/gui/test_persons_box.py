"""The customer's persons box: who to talk to, in which role, one click from a call."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.api import Hidden, Shown, decide
from app.mainpage_boxes.contacts_widget import ContactsWidget
from app.mainpage_boxes.persons import CONTACT_PERSON, NO_PERSONS, PersonsBox
from app.testkit.dialogs import OpenedUrls
from tests.admin import add_object, showcase
from tests.box_pages import BoxPage, context
from tests.sync_harness import Harness


def _named(harness: Harness) -> tuple[int, int]:
    """The showcase's customer whose contact person is also related to it, and that person."""
    customer_id = showcase(harness.server)["persons"]["customer"]["shows"]
    customer = harness.core.session.object(Kind.CUSTOMER, customer_id)
    assert customer is not None
    return customer_id, int(customer["theirreference"])


def test_the_contact_person_shows_both_roles_and_opens_calls_and_writes(
    qtbot: QtBot, synced: Harness
) -> None:
    customer_id, person_id = _named(synced)
    box = BoxPage(qtbot, synced, PersonsBox(), Kind.CUSTOMER, customer_id)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget) and box.view.title == "Persons"
    row = next(r for r in widget.rows if r.contact.object_id == person_id)
    person = synced.core.session.object(Kind.PERSON, person_id)
    assert person is not None
    assert row.contact.name == f"{person['firstname']} {person['lastname']}"
    assert row.roles.text().startswith(CONTACT_PERSON + " · ")  # and the relation's title
    assert len(row.contact.roles) == 2

    qtbot.mouseClick(row.name, Qt.MouseButton.LeftButton, pos=QPoint(4, row.name.height() // 2))
    assert box.opened == [(Kind.PERSON, person_id)]
    with OpenedUrls("tel", "mailto") as opened:
        assert row.call is not None and row.mail is not None
        qtbot.mouseClick(row.call, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(row.mail, Qt.MouseButton.LeftButton)
    number = "".join(c for c in (person["mobile"] or person["phone"]) if c.isdigit() or c == "+")
    assert opened.urls == [f"tel:{number}", f"mailto:{person['email']}"]


def test_a_new_relation_appears_with_its_title_as_role(qtbot: QtBot, synced: Harness) -> None:
    customer_id, _person = _named(synced)
    stranger = next(p for p in synced.core.session.related(Kind.PERSON)
                    if not synced.core.session.related(Kind.RELATION, personid=p["id"]))
    box = BoxPage(qtbot, synced, PersonsBox(), Kind.CUSTOMER, customer_id)
    add_object(synced.server, "relation", personid=stranger["id"], customerid=customer_id,
               title="Driftsleder")
    synced.changes.clear()
    assert synced.sync().ok  # the sync brings the relation, and nothing else of the company
    for changes in synced.changes:
        box.view.apply_changes(changes)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget)
    row = next(r for r in widget.rows if r.contact.object_id == stranger["id"])
    assert row.contact.roles == ("Driftsleder",)
    qtbot.waitUntil(row.roles.isVisible)


def test_hidden_for_a_company_without_persons(synced: Harness) -> None:
    hides = showcase(synced.server)["persons"]["customer"]["hides"]
    decision = decide(PersonsBox(), context(synced, PersonsBox(), Kind.CUSTOMER, hides))
    assert decision == Hidden(NO_PERSONS)


def test_a_person_the_app_does_not_hold_is_left_out(synced: Harness) -> None:
    customer_id, person_id = _named(synced)
    add_object(synced.server, "relation", personid=987_654, customerid=customer_id, title="X")
    assert synced.sync().ok
    shown = decide(PersonsBox(), context(synced, PersonsBox(), Kind.CUSTOMER, customer_id))
    assert isinstance(shown, Shown)
    ids = {c.object_id for c in shown.content.contacts}
    assert person_id in ids and 987_654 not in ids
