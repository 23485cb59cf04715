"""The address box: every address that matters for the object, how far away each is, and a
click to the directions.

The guide's table: a task's delivery address (address, address2, zip, city, country; latitude,
longitude), a customer's address and invoice address (invoiceaddress, invoiceaddres2 [sic],
invoicezip, invoicecity, invoicecountry; no location), a person's address; the object's
address-type custom fields (value {adress, adress2, zip, city, country, lat, lon}, titled by
the custom field); and a task's `addresses` list, each titled by its `type`. A latitude or
longitude of 0 means "no location", so no distance.

The distance is from the current position. This PySide6 ships without Qt Positioning and no
system here offers a GPS, so the position comes from a `PositionSource` given to the plugin:
by default the technician's last check-in (where they stood when checking in), named in the
text ("12.4 km from your last check-in") so nobody takes it for a GPS fix.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from app.core.kinds import Kind
from app.core.setup import CustomField
from app.core.values import as_float, as_str
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    local_number,
    translate,
)
from app.sync import keys
from app.sync.session import Session

if TYPE_CHECKING:
    from app.mainpage_boxes.address_widget import AddressWidget

NO_ADDRESS = QT_TRANSLATE_NOOP("AddressBox", "no address on this object")
DIRECTIONS = "https://www.google.com/maps/dir/?"
EARTH_RADIUS_KM = 6371.0088  # the mean radius: a driver's "how far" needs no better


@dataclass(frozen=True, slots=True)
class Position:
    """Where the technician is, and what a person is told it is ("your last check-in")."""

    latitude: float
    longitude: float
    source: str


PositionSource = Callable[[Session], Position | None]


def last_checkin(session: Session) -> Position | None:
    """Where the technician stood when checking in; None when not checked in or not known."""
    checkin = session.setup.checkin()
    if checkin is None or not (checkin.latitude and checkin.longitude):
        return None
    return Position(checkin.latitude, checkin.longitude,
                    translate("AddressBox", "your last check-in"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points in degrees, in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def distance_text(km: float, source: str) -> str:
    """"850 m from your last check-in", "12.4 km from …", "112 km from …"."""
    if km < 1:
        amount = f"{local_number(round(km * 1000, -1))} m"
    elif km < 100:
        amount = f"{local_number(km, 1)} km"
    else:
        amount = f"{local_number(km)} km"
    return translate("AddressBox", "{distance} from {place}").format(distance=amount,
                                                                      place=source)


@dataclass(frozen=True, slots=True)
class Place(BoxContent):
    name: str  # "Delivery", "Invoice", the custom field's title, the address's type
    lines: tuple[str, ...]  # as written on an envelope: street, street 2, "zip city", country
    latitude: float | None  # None: no location (the server's 0)
    longitude: float | None
    distance: str  # "12.4 km from your last check-in"; "" without a location or a position
    directions: str  # the URL a click opens


@dataclass(frozen=True, slots=True)
class AddressContent(BoxContent):
    places: tuple[Place, ...]


# (name, address, address 2, zip, city, country, latitude, longitude) per the guide's table.
_Fields = tuple[str, str, str, str, str, str, str, str]
_DELIVERY = QT_TRANSLATE_NOOP("AddressBox", "Delivery")
_ADDRESS = QT_TRANSLATE_NOOP("AddressBox", "Address")
_INVOICE = QT_TRANSLATE_NOOP("AddressBox", "Invoice")
_OWN: Mapping[Kind, tuple[_Fields, ...]] = {
    Kind.TODO: ((_DELIVERY, "address", "address2", "zip", "city", "country", "latitude",
                 "longitude"),),
    Kind.CUSTOMER: (
        (_ADDRESS, "address", "address2", "zip", "city", "country", "latitude", "longitude"),
        (_INVOICE, "invoiceaddress", "invoiceaddres2", "invoicezip", "invoicecity",
         "invoicecountry", "", ""),
    ),
    Kind.PERSON: ((_ADDRESS, "address", "address2", "zip", "city", "country", "", ""),),
}
_CUSTOM: _Fields = ("", "adress", "adress2", "zip", "city", "country", "lat", "lon")
_LISTED: _Fields = ("", "address", "address2", "zip", "city", "country", "latitude", "longitude")
# The guide spells the invoice's second line "invoiceaddres2"; a server may spell it right.
_ALSO = {"invoiceaddres2": "invoiceaddress2"}


def _text(raw: Mapping[str, Any], field: str) -> str:
    return as_str(raw.get(field) or raw.get(_ALSO.get(field, ""))).strip()


def _place(name: str, raw: Mapping[str, Any], fields: _Fields, here: Position | None
           ) -> Place | None:
    """One address of `raw`, or None when none of its fields is filled (a country alone, which
    a server fills in by default, is no address)."""
    _, street, street2, zipcode, city, country, lat_field, lon_field = fields
    town = " ".join(part for part in (_text(raw, zipcode), _text(raw, city)) if part)
    where = tuple(line for line in (_text(raw, street), _text(raw, street2), town) if line)
    if not where:
        return None
    lines = (*where, _text(raw, country)) if _text(raw, country) else where
    lat = as_float(raw.get(lat_field)) if lat_field else 0.0
    lon = as_float(raw.get(lon_field)) if lon_field else 0.0
    located = bool(lat and lon)
    distance = ""
    if located and here is not None:
        distance = distance_text(haversine_km(here.latitude, here.longitude, lat, lon),
                                 here.source)
    destination = f"{lat},{lon}" if located else ", ".join(lines)
    return Place(name, lines, lat if located else None, lon if located else None, distance,
                 DIRECTIONS + urlencode({"api": 1, "destination": destination}))


class AddressBox(BoxPlugin[AddressContent]):
    box_type = "address"
    kinds = frozenset({Kind.TODO, Kind.CUSTOMER, Kind.PERSON})

    def __init__(self, position: PositionSource = last_checkin) -> None:
        """`position`: where the technician is now (a test gives a fixed one)."""
        self._position = position

    def build(self, context: BoxContext) -> Shown[AddressContent] | Hidden:
        obj, here = context.object, self._position(context.session)
        found = [_place(translate("AddressBox", fields[0]), obj, fields, here)
                 for fields in _OWN[context.kind]]
        for field in _address_fields(context):
            value = obj.get(field.key)
            if isinstance(value, Mapping):
                found.append(_place(field.title, value, _CUSTOM, here))
        if context.kind == Kind.TODO:
            listed = obj.get("addresses")
            for raw in listed if isinstance(listed, list) else ():
                if isinstance(raw, Mapping):
                    name = as_str(raw.get("type")) or translate("AddressBox", _ADDRESS)
                    found.append(_place(name, raw, _LISTED, here))
        places = tuple(place for place in found if place is not None)
        if not places:
            return Hidden(translate("AddressBox", NO_ADDRESS))
        return Shown(AddressContent(places))

    def concerns(self, context: BoxContext) -> Concerns:
        """The object; the custom field definitions (titles); the check-in (the position)."""
        return Concerns({context.kind: frozenset({context.object_id})},
                        settings=frozenset({keys.CUSTOM_FIELDS_KEY, keys.CHECKIN_KEY}))

    def widget(self) -> type[AddressWidget]:
        from app.mainpage_boxes.address_widget import AddressWidget

        return AddressWidget


def _address_fields(context: BoxContext) -> list[CustomField]:
    return [f for f in context.session.setup.custom_fields(context.kind)
            if f.type == CustomField.ADDRESS]
