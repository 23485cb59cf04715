"""The subcustomers box: the companies whose `parentcust` is this one, each opening its page.
Hidden when there are none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    translate,
)
from app.mainpage_boxes.contacts import ContactsContent, company_contact

if TYPE_CHECKING:
    from app.mainpage_boxes.contacts_widget import ContactsWidget

NO_SUBCUSTOMERS = QT_TRANSLATE_NOOP("SubcustomersBox", "no subcustomers of this company")


class SubcustomersBox(BoxPlugin[ContactsContent]):
    box_type = "subcustomers"
    kinds = frozenset({Kind.CUSTOMER})

    def build(self, context: BoxContext) -> Shown[ContactsContent] | Hidden:
        children = context.session.related(Kind.CUSTOMER, parentcust=context.object_id)
        if not children:
            return Hidden(translate("SubcustomersBox", NO_SUBCUSTOMERS))
        children.sort(key=lambda c: (str(c.get("name") or "").lower(), c["id"]))
        return Shown(ContactsContent(tuple(company_contact(c) for c in children)))

    def concerns(self, context: BoxContext) -> Concerns:
        # Any company may become (or stop being) a subcustomer of this one.
        return Concerns({Kind.CUSTOMER: None})

    def widget(self) -> type[ContactsWidget]:
        from app.mainpage_boxes.contacts_widget import ContactsWidget

        return ContactsWidget
