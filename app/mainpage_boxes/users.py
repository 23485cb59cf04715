"""The users box: the colleagues responsible for an object, with their roles.

The guide's table: customer `ourreference` (Responsible) and `sellerid` (Seller); equipment
`userid` (Responsible); task `userid` (Responsible) and `additionaluserids` (Additional user);
on each, every custom field of type 9 (user), titled by the custom field. Names, numbers and
addresses come from GetUsers. Hidden when there are none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from app.core.kinds import Kind
from app.core.setup import CustomField
from app.core.values import as_id
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    translate,
)
from app.mainpage_boxes.contacts import ContactsContent, merged, user_contact
from app.sync import keys

if TYPE_CHECKING:
    from app.mainpage_boxes.contacts_widget import ContactsWidget

RESPONSIBLE = QT_TRANSLATE_NOOP("UsersBox", "Responsible")
SELLER = QT_TRANSLATE_NOOP("UsersBox", "Seller")
ADDITIONAL = QT_TRANSLATE_NOOP("UsersBox", "Additional user")
ROLES: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.CUSTOMER: (("ourreference", RESPONSIBLE), ("sellerid", SELLER)),
    Kind.TOOL: (("userid", RESPONSIBLE),),
    Kind.TODO: (("userid", RESPONSIBLE), ("additionaluserids", ADDITIONAL)),
}
NO_USERS = {
    Kind.CUSTOMER: QT_TRANSLATE_NOOP("UsersBox", "no users on this customer"),
    Kind.TOOL: QT_TRANSLATE_NOOP("UsersBox", "no users on this equipment"),
    Kind.TODO: QT_TRANSLATE_NOOP("UsersBox", "no users on this task"),
}


def _ids(value: Any) -> Iterator[int]:
    """A user field's ids: one id, or a list of them (additionaluserids)."""
    for item in value if isinstance(value, list | tuple) else (value,):
        if user_id := as_id(item):
            yield user_id


class UsersBox(BoxPlugin[ContactsContent]):
    box_type = "users"
    kinds = frozenset(ROLES)

    def build(self, context: BoxContext) -> Shown[ContactsContent] | Hidden:
        fields = [*((key, translate("UsersBox", role)) for key, role in ROLES[context.kind]),
                  *((f.key, f.title) for f in context.session.setup.custom_fields(context.kind)
                    if f.type == CustomField.USER)]
        found = [(user_id, role) for key, role in fields
                 for user_id in _ids(context.object.get(key))]
        contacts = []
        for user_id, roles in merged(found).items():
            user = context.session.setup.user(user_id)
            if user is not None:  # GetUsers does not list a deleted user
                contacts.append(user_contact(user, roles))
        if not contacts:
            return Hidden(translate("UsersBox", NO_USERS[context.kind]))
        return Shown(ContactsContent(tuple(contacts)))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns({context.kind: frozenset({context.object_id})},
                        settings=frozenset({keys.USERS_KEY, keys.CUSTOM_FIELDS_KEY}))

    def widget(self) -> type[ContactsWidget]:
        from app.mainpage_boxes.contacts_widget import ContactsWidget

        return ContactsWidget
