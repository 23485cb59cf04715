"""The kinds of object the app keeps offline.

The value of each member is the name Microbizz uses for the complex type, which is also
the name of its local table, so a kind can travel through logs, JSON and SQL unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    TODO = "todo"
    CUSTOMER = "customer"
    PERSON = "person"
    TOOL = "tool"

    @property
    def label(self) -> str:
        """The plural a technician reads in the window ("Tasks", not "todo")."""
        return _LABELS[self]


_LABELS = {
    Kind.TODO: "Tasks",
    Kind.CUSTOMER: "Customers",
    Kind.PERSON: "Persons",
    Kind.TOOL: "Equipment",
}
