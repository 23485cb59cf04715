"""The column group box (`columngroup<N>`, `iscolumngroup` = 1): the fields of column group
`columngroupid` (GetColumnGroups), titled with the group's title.

Each column is a line: its title and the object's value, shown by the column's type (string,
number, date, phone, email, url; phone numbers, e-mail and web addresses clickable). A custom
field column (`custom<ID>`) is titled by its custom field and shows a readable value: the
option of a dropdown, the user's name, the address, Yes for a ticked checkbox. Hidden when the
group does not exist, or when no column has a value for this object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.kinds import Kind
from app.core.setup import Column, CustomField
from app.core.values import as_bool, as_date, as_float, as_id
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    local_date,
    local_number,
    translate,
)
from app.mainpage_boxes.contacts import mailto, tel
from app.sync import keys
from app.sync.session import SetupData

if TYPE_CHECKING:
    from app.mainpage_boxes.columngroup_widget import ColumnGroupWidget

NO_GROUP = QT_TRANSLATE_NOOP("ColumnGroupBox", "column group {} does not exist")
NO_VALUES = QT_TRANSLATE_NOOP("ColumnGroupBox", "no values in this column group")
YES = QT_TRANSLATE_NOOP("ColumnGroupBox", "Yes")
_CHECKBOX, _DROPDOWN, _NUMBER, _DATE = 2, 3, 4, 6
_CUSTOM = re.compile(r"custom(\d+)")


@dataclass(frozen=True, slots=True)
class Line(BoxContent):
    """One column: `link` is where the value leads (tel:, mailto:, https:), "" for none."""

    title: str
    text: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class ColumnGroupContent(BoxContent):
    lines: tuple[Line, ...]


def _number(value: Any) -> str:
    number = as_float(value, default=float("nan"))
    if number != number:  # not a number: show it as it came
        return str(value)
    if number.is_integer():
        return str(int(number))
    decimals = len(f"{number:.2f}".rstrip("0").partition(".")[2])
    return local_number(number, decimals)


def _date(value: Any) -> str:
    day = as_date(value)
    return local_date(day) if day else str(value)


def _address(value: Any) -> str:
    """An address custom field ({adress, adress2, zip, city, country}, the guide's spelling)."""
    if not isinstance(value, dict):
        return str(value)
    town = " ".join(str(value.get(k) or "").strip() for k in ("zip", "city")).strip()
    parts = [str(value.get(k) or "").strip() for k in ("adress", "adress2")]
    return ", ".join(p for p in (*parts, town, str(value.get("country") or "").strip()) if p)


def _custom_text(field: CustomField, value: Any, setup: SetupData) -> str:
    if field.type == _CHECKBOX:
        return translate("ColumnGroupBox", YES) if as_bool(value) else ""
    if field.type == _DROPDOWN and isinstance(value, int) and 0 <= value < len(field.options):
        return field.options[value]
    if field.type == CustomField.USER:
        user = setup.user(as_id(value))
        return user.name if user else ""
    if field.type == CustomField.ADDRESS:
        return _address(value)
    if field.type == _NUMBER:
        return _number(value)
    if field.type == _DATE:
        return _date(value)
    return str(value)


def _link(column_type: str, text: str) -> str:
    if column_type == "phone":
        return tel(text)
    if column_type == "email":
        return mailto(text)
    if column_type == "url" and text:
        return text if re.match(r"https?://", text) else f"https://{text}"
    return ""


def line(column: Column, value: Any, setup: SetupData) -> Line | None:
    """The column's line for this value, or None when the object has no value in it."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    title = column.title
    custom = _CUSTOM.fullmatch(column.field)
    field = setup.custom_field(int(custom[1])) if custom else None
    if field is not None:
        title, text = field.title or title, _custom_text(field, value, setup)
    elif column.type == "number":
        text = _number(value)
    elif column.type == "date":
        text = _date(value)
    else:
        text = str(value)
    text = text.strip()
    if not text:
        return None
    return Line(title, text, _link(column.type, text))


class ColumnGroupBox(BoxPlugin[ColumnGroupContent]):
    box_type = "columngroup"
    is_prefix = True
    kinds = frozenset({Kind.TODO, Kind.CUSTOMER, Kind.PERSON, Kind.TOOL})

    def title(self, context: BoxContext) -> str:
        group = context.session.setup.column_group(context.box.columngroupid)
        return group.title if group and group.title else context.box.title

    def build(self, context: BoxContext) -> Shown[ColumnGroupContent] | Hidden:
        setup = context.session.setup
        group = setup.column_group(context.box.columngroupid)
        if group is None:
            return Hidden(translate("ColumnGroupBox", NO_GROUP).format(
                context.box.columngroupid))
        lines = tuple(found for column in group.columns
                      if (found := line(column, context.object.get(column.field), setup)))
        if not lines:
            return Hidden(translate("ColumnGroupBox", NO_VALUES))
        return Shown(ColumnGroupContent(lines))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns({context.kind: frozenset({context.object_id})},
                        settings=frozenset({keys.COLUMN_GROUPS_KEY, keys.CUSTOM_FIELDS_KEY,
                                            keys.USERS_KEY}))

    def widget(self) -> type[ColumnGroupWidget]:
        from app.mainpage_boxes.columngroup_widget import ColumnGroupWidget

        return ColumnGroupWidget
