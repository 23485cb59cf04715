"""The companies box: the companies a person is related to (GetRelationsByPersonID), each
with the person's role there (the relation's title), each opening its page. Hidden when none."""

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
from app.mainpage_boxes.contacts import ContactsContent, company_contact, merged

if TYPE_CHECKING:
    from app.mainpage_boxes.contacts_widget import ContactsWidget

NO_COMPANIES = QT_TRANSLATE_NOOP("CompaniesBox", "this person is related to no company")


class CompaniesBox(BoxPlugin[ContactsContent]):
    box_type = "companies"
    kinds = frozenset({Kind.PERSON})

    def _roles(self, context: BoxContext) -> dict[int, tuple[str, ...]]:
        found = [(as_id(r.get("customerid")), str(r.get("title") or "").strip())
                 for r in context.session.related(Kind.RELATION, personid=context.object_id)]
        return {cid: tuple(r for r in roles if r) for cid, roles in merged(found).items()}

    def build(self, context: BoxContext) -> Shown[ContactsContent] | Hidden:
        contacts = []
        for customer_id, roles in self._roles(context).items():
            customer = context.session.object(Kind.CUSTOMER, customer_id)
            if customer is not None:  # a company the app does not hold cannot be opened
                contacts.append(company_contact(customer, roles))
        if not contacts:
            return Hidden(translate("CompaniesBox", NO_COMPANIES))
        return Shown(ContactsContent(tuple(contacts)))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns({context.kind: frozenset({context.object_id}),
                         Kind.RELATION: None,  # a new relation may name this person
                         Kind.CUSTOMER: frozenset(self._roles(context))})

    def widget(self) -> type[ContactsWidget]:
        from app.mainpage_boxes.contacts_widget import ContactsWidget

        return ContactsWidget
