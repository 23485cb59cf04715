"""The address box, as a technician reads it on a task's, a customer's and a person's page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.kinds import Kind
from app.mainpage_boxes.address import NO_ADDRESS, AddressBox, Position, haversine_km
from app.mainpage_boxes.address_widget import AddressWidget
from app.mainpage_boxes.widget import BoxView
from app.testkit.dialogs import OpenedUrls
from tests.admin import showcase
from tests.box_pages import BoxPage
from tests.sync_harness import Harness

AARHUS = Position(56.1572, 10.2107, "the test's GPS")


def _shown_id(harness: Harness, kind: Kind, side: str = "shows") -> int:
    return int(showcase(harness.server)["address"][kind.value][side])


def _destination(url: str) -> str:
    return parse_qs(urlsplit(url).query)["destination"][0]


def _texts(view: BoxView) -> list[str]:
    assert isinstance(view.body, AddressWidget)
    return [button.label.text() for button in view.body.buttons]


def test_haversine_gives_the_distance_a_driver_expects() -> None:
    copenhagen, aarhus = (55.6761, 12.5683), (56.1572, 10.2107)
    assert haversine_km(*copenhagen, *aarhus) == pytest.approx(156.6, abs=0.5)
    assert haversine_km(*aarhus, *aarhus) == 0


def test_a_task_lists_delivery_its_addresses_by_type_with_distances_where_located(
    qtbot: QtBot, synced: Harness
) -> None:
    task_id = _shown_id(synced, Kind.TODO)
    view = BoxPage(qtbot, synced, AddressBox(lambda _s: AARHUS), Kind.TODO, task_id).view
    task = synced.core.session.object(Kind.TODO, task_id)
    assert task is not None
    content = view.decision.content
    names = [place.name for place in content.places]
    assert names == ["Delivery"] + [a["type"] for a in task["addresses"]]
    assert content.places[0].lines[0] == task["address"]
    for place, raw in zip(content.places[1:], task["addresses"], strict=True):
        if raw["latitude"] and raw["longitude"]:
            km = haversine_km(AARHUS.latitude, AARHUS.longitude, raw["latitude"],
                              raw["longitude"])
            assert place.distance == f"{km:.1f} km from the test's GPS"
        else:  # 0 is "no location": no distance, directions by the address text
            assert place.distance == "" and place.latitude is None
            assert _destination(place.directions).startswith(raw["address"] + ", ")
    assert _destination(content.places[0].directions) == f"{task['latitude']},{task['longitude']}"
    assert "km from the test" in _texts(view)[0]


def test_a_customer_shows_address_invoice_and_its_address_custom_field(
    qtbot: QtBot, synced: Harness
) -> None:
    customer_id = _shown_id(synced, Kind.CUSTOMER)
    view = BoxPage(qtbot, synced, AddressBox(lambda _s: None), Kind.CUSTOMER, customer_id).view
    customer = synced.core.session.object(Kind.CUSTOMER, customer_id)
    assert customer is not None
    places = view.decision.content.places
    assert [p.name for p in places] == ["Address", "Invoice", "Serviceadresse"]
    assert places[1].lines[0] == customer["invoiceaddress"]
    assert places[2].lines[0] == customer["custom202"]["adress"]
    assert all(p.distance == "" for p in places)  # no position known: no distance


def test_the_distance_is_from_the_last_check_in_when_there_is_no_gps(
    qtbot: QtBot, synced: Harness
) -> None:
    task_id = _shown_id(synced, Kind.TODO)
    page = BoxPage(qtbot, synced, AddressBox(), Kind.TODO, task_id)
    view = page.view
    assert view.decision.content.places[0].distance == ""
    page.act(synced.core.session.actions.check_in(Kind.TODO, task_id, 56.1572, 10.2107))
    assert view.decision.content.places[0].distance.endswith(" km from your last check-in")
    assert "from your last check-in" in _texts(view)[0]


def test_a_click_on_an_address_opens_directions_in_the_browser(
    qtbot: QtBot, synced: Harness
) -> None:
    person_id = _shown_id(synced, Kind.PERSON)
    view = BoxPage(qtbot, synced, AddressBox(lambda _s: AARHUS), Kind.PERSON, person_id).view
    assert isinstance(view.body, AddressWidget)
    with OpenedUrls("https") as opened:
        qtbot.mouseClick(view.body.buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: opened.urls != [])
    person = synced.core.session.object(Kind.PERSON, person_id)
    assert person is not None
    # The guide's table gives a person no location: directions go by the address text.
    assert opened.urls[0].startswith("https://www.google.com/maps/dir/?api=1&destination=")
    assert _destination(opened.urls[0]) == (
        f"{person['address']}, {person['address2']}, {person['zip']} {person['city']}, "
        f"{person['country']}")


def test_the_box_hides_without_any_address_and_returns_with_one(
    qtbot: QtBot, synced: Harness
) -> None:
    customer_id = _shown_id(synced, Kind.CUSTOMER, "hides")
    page = BoxPage(qtbot, synced, AddressBox(), Kind.CUSTOMER, customer_id)
    view = page.view
    assert not view.isVisible() and view.toolTip() == NO_ADDRESS
    page.office_changes(Kind.CUSTOMER, customer_id, invoiceaddress="Slotsgade 4",
                        invoicecity="Odense C")
    assert view.isVisible()
    assert [p.name for p in view.decision.content.places] == ["Invoice"]
    assert _texts(view) == ["<b>Invoice</b><br>Slotsgade 4<br>Odense C<br>Danmark"]
