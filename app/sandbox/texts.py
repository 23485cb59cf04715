"""The read-only `*text` siblings of `*id` fields (customertext, usertext, statetext, ...).

Microbizz fills them from what the id points at; the seed writes them and the dispatcher's
edits refresh them, both through `Texts`, so a renamed state or a reassigned task never shows
a stale name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.sandbox.setup_data import Setup
from app.sandbox.values import whole

Record = dict[str, Any]
ObjectLookup = Callable[[str, int], Record | None]

# kind -> id field -> (text field, source): a source is a setup table or an object kind.
SIBLINGS: dict[str, dict[str, tuple[str, str]]] = {
    "todo": {
        "customerid": ("customertext", "customer"),
        "userid": ("usertext", "user"),
        "stateid": ("statetext", "todostate"),
        "workareaid": ("workareatext", "workarea"),
    },
    "customer": {
        "typeid": ("typetext", "customertype"),
        "ourreference": ("ourreferencetext", "user"),
        "theirreference": ("theirreferencetext", "person"),
    },
    "person": {"typeid": ("typetext", "persontype")},
    "tool": {
        "groupid": ("grouptext", "tooltype"),
        "stateid": ("statetext", "toolstate"),
    },
    "product": {"groupid": ("grouptext", "productgroup")},
}


def _display_name(obj: Record) -> str:
    """A customer's name, a person's full name."""
    if "name" in obj:
        return str(obj["name"])
    return f"{obj.get('firstname', '')} {obj.get('lastname', '')}".strip()


class Texts:
    def __init__(self, setup: Setup, objects: ObjectLookup | None = None) -> None:
        """Titles from `setup`; names of customers and persons from `objects` (kind, id)."""
        self.titles: dict[str, dict[int, str]] = {
            "todostate": _by_id(setup.todo_states),
            "workarea": _by_id(setup.workareas),
            "customertype": _by_id(setup.customer_types),
            "persontype": _by_id(setup.person_types),
            "tooltype": _by_id(setup.tool_types),
            "toolstate": _by_id(setup.tool_states),
            "productgroup": _by_id(setup.product_groups),
            "user": {user["id"]: user["name"] for user in setup.users},
        }
        self._objects = objects

    def text(self, source: str, object_id: Any) -> str:
        """The display text for an id; "" for 0 or an id that points nowhere."""
        number = whole(object_id)
        if source in self.titles:
            return self.titles[source].get(number, "")
        found = self._objects(source, number) if self._objects and number else None
        return _display_name(found) if found else ""

    def refresh(self, kind: str, obj: Record, given: Mapping[str, Any]) -> None:
        """Set the text of each id field in `given` unless `given` sets that text too."""
        for id_field, (text_field, source) in SIBLINGS.get(kind, {}).items():
            if id_field in given and text_field not in given:
                obj[text_field] = self.text(source, obj.get(id_field))


def _by_id(table: tuple[Record, ...]) -> dict[int, str]:
    return {row["id"]: row["title"] for row in table}
