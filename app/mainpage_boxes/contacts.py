"""People and companies listed in a box: one line each with its role, a call and an e-mail
button, and the page it opens. The persons, users, companies and subcustomers boxes all show
this content, through the one widget in contacts_widget.py."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.kinds import Kind
from app.core.setup import User
from app.mainpage_boxes.api import BoxContent

_NOT_DIALLED = re.compile(r"[^\d+]")


@dataclass(frozen=True, slots=True)
class Contact(BoxContent):
    """One line of the box. `call` and `mail` are the tel:/mailto: targets ("": no button);
    `opens` is the page a click shows (None for a user: users have no page)."""

    name: str
    title: str
    roles: tuple[str, ...]
    call: str
    mail: str
    opens: Kind | None = None
    object_id: int = 0


@dataclass(frozen=True, slots=True)
class ContactsContent(BoxContent):
    contacts: tuple[Contact, ...]


def tel(number: str) -> str:
    """`number` as a tel: target ("70 22 55 55" → "tel:70225555"); "" without digits."""
    dialled = _NOT_DIALLED.sub("", number)
    return f"tel:{dialled}" if any(c.isdigit() for c in dialled) else ""


def mailto(address: str) -> str:
    address = address.strip()
    return f"mailto:{address}" if "@" in address else ""


def _text(obj: Mapping[str, Any], key: str) -> str:
    return str(obj.get(key) or "").strip()


def _number(obj: Mapping[str, Any]) -> str:
    """The number to call: the mobile where there is one (a technician calls from the field)."""
    return tel(_text(obj, "mobile")) or tel(_text(obj, "phone"))


def person_contact(person: Mapping[str, Any], roles: tuple[str, ...]) -> Contact:
    name = " ".join(p for p in (_text(person, "firstname"), _text(person, "lastname")) if p)
    return Contact(name or _text(person, "name"), _text(person, "title"), roles,
                   _number(person), mailto(_text(person, "email")),
                   Kind.PERSON, int(person["id"]))


def company_contact(customer: Mapping[str, Any], roles: tuple[str, ...] = ()) -> Contact:
    """A company, titled with its town so two of the same name are told apart."""
    return Contact(_text(customer, "name"), _text(customer, "city"), roles,
                   tel(_text(customer, "phone")), mailto(_text(customer, "email")),
                   Kind.CUSTOMER, int(customer["id"]))


def user_contact(user: User, roles: tuple[str, ...]) -> Contact:
    return Contact(user.name, user.title, roles, tel(user.mobile) or tel(user.phone),
                   mailto(user.email))


def merged(found: list[tuple[int, str]]) -> dict[int, tuple[str, ...]]:
    """(id, role) pairs as id → its roles, in the order first found, each role once."""
    roles: dict[int, tuple[str, ...]] = {}
    for key, role in found:
        if key and role not in roles.get(key, ()):
            roles[key] = (*roles.get(key, ()), role)
    return roles
