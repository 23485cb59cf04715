"""The persons box: the people to talk to about a company, with their roles.

The guide: name and optional title, the role on the second line: "Contact person" for the
object's `personid` and for the company's `theirreference`, the relation's `title` for persons
related to the company (GetRelationsByLastChange); a person in both gets both roles. Hidden
when there are none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.kinds import Kind
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
from app.mainpage_boxes.contacts import ContactsContent, merged, person_contact

if TYPE_CHECKING:
    from app.mainpage_boxes.contacts_widget import ContactsWidget

CONTACT_PERSON = QT_TRANSLATE_NOOP("PersonsBox", "Contact person")
NO_PERSONS = QT_TRANSLATE_NOOP("PersonsBox", "no persons for this company")


class PersonsBox(BoxPlugin[ContactsContent]):
    box_type = "persons"
    kinds = frozenset({Kind.CUSTOMER})

    def _roles(self, context: BoxContext) -> dict[int, tuple[str, ...]]:
        """Person id → roles, the contact person first."""
        contact_person = translate("PersonsBox", CONTACT_PERSON)
        found = [(as_id(context.object.get(key)), contact_person)
                 for key in ("personid", "theirreference")]
        found += [(as_id(r.get("personid")), str(r.get("title") or "").strip())
                  for r in context.session.related(Kind.RELATION, customerid=context.object_id)]
        return {pid: tuple(r for r in roles if r) for pid, roles in merged(found).items()}

    def build(self, context: BoxContext) -> Shown[ContactsContent] | Hidden:
        contacts = []
        for person_id, roles in self._roles(context).items():
            person = context.session.object(Kind.PERSON, person_id)
            if person is not None:  # a person the app does not hold has nothing to show
                contacts.append(person_contact(person, roles))
        if not contacts:
            return Hidden(translate("PersonsBox", NO_PERSONS))
        return Shown(ContactsContent(tuple(contacts)))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns({context.kind: frozenset({context.object_id}),
                         Kind.RELATION: None,  # a new relation may name this company
                         Kind.PERSON: frozenset(self._roles(context))})

    def widget(self) -> type[ContactsWidget]:
        from app.mainpage_boxes.contacts_widget import ContactsWidget

        return ContactsWidget
