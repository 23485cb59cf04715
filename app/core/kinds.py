"""The kinds of object the app keeps offline.

The value of each member is the name of its local table (for most, also the Microbizz complex
type), so a kind can travel through logs, JSON and SQL unchanged.
"""

from __future__ import annotations

from enum import StrEnum

from app.core.texts import QT_TRANSLATE_NOOP


class Kind(StrEnum):
    TODO = "todo"
    CUSTOMER = "customer"
    PERSON = "person"
    TOOL = "tool"
    PRODUCT = "product"
    THREAD = "thread"
    PROCEDURE = "procedure"
    RELATION = "relation"
    REGISTRATION = "registration"
    STODO = "stodo"
    CALL = "call"
    PRODUCTUSE = "productuse"  # the guide's "todoitem"

    @property
    def label(self) -> str:
        """The plural a technician reads in the window ("Tasks", not "todo")."""
        return _LABELS[self]


_LABELS = {
    Kind.TODO: QT_TRANSLATE_NOOP("Kinds", "Tasks"),
    Kind.CUSTOMER: QT_TRANSLATE_NOOP("Kinds", "Customers"),
    Kind.PERSON: QT_TRANSLATE_NOOP("Kinds", "Persons"),
    Kind.TOOL: QT_TRANSLATE_NOOP("Kinds", "Equipment"),
    Kind.PRODUCT: QT_TRANSLATE_NOOP("Kinds", "Products"),
    Kind.THREAD: QT_TRANSLATE_NOOP("Kinds", "Notes"),
    Kind.PROCEDURE: QT_TRANSLATE_NOOP("Kinds", "Procedures"),
    Kind.RELATION: QT_TRANSLATE_NOOP("Kinds", "Relations"),
    Kind.REGISTRATION: "Registrations",
    Kind.STODO: "Reminders",
    Kind.CALL: "Calls",
    Kind.PRODUCTUSE: "Product use",
}

# The kinds the main window lists; the others hang off them (notes, reminders, …).
LISTED_KINDS: tuple[Kind, ...] = (Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL)
