"""The users box: the colleagues on a task, customer or piece of equipment, and their roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.api import Hidden, Shown, decide
from app.mainpage_boxes.contacts_widget import ContactsWidget
from app.mainpage_boxes.users import ADDITIONAL, RESPONSIBLE, SELLER, UsersBox
from app.testkit.dialogs import OpenedUrls
from tests.admin import showcase
from tests.box_pages import BoxPage, context
from tests.sync_harness import Harness


def _roles(harness: Harness, kind: Kind, object_id: int) -> dict[str, tuple[str, ...]]:
    decision = decide(UsersBox(), context(harness, UsersBox(), kind, object_id))
    assert isinstance(decision, Shown)
    return {c.name: c.roles for c in decision.content.contacts}


def test_a_tasks_users_by_role_with_call_and_e_mail(qtbot: QtBot, synced: Harness) -> None:
    todo_id = showcase(synced.server)["users"]["todo"]["shows"]
    task = synced.core.session.object(Kind.TODO, todo_id)
    assert task is not None
    setup = synced.core.session.setup
    responsible = setup.user(task["userid"])
    internal = setup.user(task["custom102"])  # "Kontakt internt", a type-9 custom field
    assert responsible is not None and internal is not None and task["additionaluserids"]
    roles = _roles(synced, Kind.TODO, todo_id)
    assert RESPONSIBLE in roles[responsible.name]
    assert "Kontakt internt" in roles[internal.name]
    for user_id in task["additionaluserids"]:
        user = setup.user(user_id)
        assert user is not None and ADDITIONAL in roles[user.name]

    box = BoxPage(qtbot, synced, UsersBox(), Kind.TODO, todo_id)
    widget = box.view.body
    assert isinstance(widget, ContactsWidget)
    row = widget.rows[0]
    assert row.contact.name == responsible.name and row.roles.text() == RESPONSIBLE
    with OpenedUrls("tel", "mailto") as opened:
        assert row.call is not None and row.mail is not None
        qtbot.mouseClick(row.call, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(row.mail, Qt.MouseButton.LeftButton)
    number = "".join(c for c in responsible.phone if c.isdigit() or c == "+")
    assert opened.urls == [f"tel:{number}", f"mailto:{responsible.email}"]


def test_a_customers_responsible_and_seller(synced: Harness) -> None:
    customer_id = showcase(synced.server)["users"]["customer"]["shows"]
    customer = synced.core.session.object(Kind.CUSTOMER, customer_id)
    assert customer is not None
    setup = synced.core.session.setup
    roles = _roles(synced, Kind.CUSTOMER, customer_id)
    ours, seller = setup.user(customer["ourreference"]), setup.user(customer["sellerid"])
    assert ours is not None and RESPONSIBLE in roles[ours.name]
    if seller is not None:
        assert SELLER in roles[seller.name]


@pytest.mark.parametrize("kind", [Kind.TODO, Kind.CUSTOMER, Kind.TOOL])
def test_hidden_without_users(synced: Harness, kind: Kind) -> None:
    hides = showcase(synced.server)["users"][kind.value]["hides"]
    decision = decide(UsersBox(), context(synced, UsersBox(), kind, hides))
    assert isinstance(decision, Hidden) and decision.reason.startswith("no users on this")


def test_the_box_follows_the_office_changing_the_responsible(
    qtbot: QtBot, synced: Harness
) -> None:
    tool_id = showcase(synced.server)["users"]["tool"]["shows"]
    box = BoxPage(qtbot, synced, UsersBox(), Kind.TOOL, tool_id)
    other = next(u for u in synced.server.state.setup.users
                 if u["name"] not in _roles(synced, Kind.TOOL, tool_id))
    box.office_changes(Kind.TOOL, tool_id, userid=other["id"])
    widget = box.view.body
    assert isinstance(widget, ContactsWidget)
    assert widget.rows[0].contact.name == other["name"]
    assert widget.rows[0].contact.roles == (RESPONSIBLE,)
