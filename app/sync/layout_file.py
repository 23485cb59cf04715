"""A layout file for the preview: what GetMainPages and GetColumnGroups return, in one JSON
object (`{"mainpages": [...], "columngroups": [...]}`), as an office user saves it before
rolling it out.

It is read with the parser the sync uses (app/api/setup_shapes.py), so the preview shows what
the app would make of the same answers. That parser is lenient: a page of an unknown object
type or a box without a type is left out. A preview must say so, so `LayoutFile.left_out`
names each entry the parser dropped and where it was. A file that is not JSON, or not an
object, is refused with its line and column (`BadLayoutFile`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.api.setup_shapes import object_kind, read_layout
from app.core.setup import Layout
from app.core.values import as_str


class Fault(StrEnum):
    """What is wrong with a file or an entry (the words for a person are the preview's, in
    its language: app/mainpage_boxes/layout_check.py)."""

    CANNOT_READ = "cannot read the file"
    NOT_JSON = "not valid JSON"
    NOT_AN_OBJECT = "not one JSON object with \"mainpages\" and \"columngroups\""
    NO_MAIN_PAGES = "no \"mainpages\" list (what GetMainPages returns)"
    PAGE_NOT_AN_OBJECT = "the page is not a JSON object"
    UNKNOWN_OBJECT_TYPE = "the page's object type is not todo, customer, person or tool"
    NO_BOXES = "the page has no \"boxes\" list"
    BOX_NOT_AN_OBJECT = "the box is not a JSON object"
    NO_BOX_TYPE = "the box has no type (\"box\")"


class BadLayoutFile(ValueError):
    """A layout file that cannot be read at all: `line` and `column` (1-based; 0 when not
    known) say where, `fault` what, `detail` the reader's own words (the JSON error)."""

    def __init__(self, fault: Fault, detail: str = "", line: int = 0, column: int = 0) -> None:
        self.fault, self.detail, self.line, self.column = fault, detail, line, column
        where = f"line {line}, column {column}: " if line else ""
        super().__init__(f"{where}{fault.value}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An entry of the file the parser left out: `page` (1-based) and `box` (1-based, 0 for
    the page itself) in the file's own order, and why (`value`: the object type it had)."""

    page: int
    box: int
    fault: Fault
    value: str = ""


@dataclass(frozen=True, slots=True)
class LayoutFile:
    layout: Layout
    left_out: tuple[LeftOut, ...] = ()


def read_layout_file(path: Path) -> LayoutFile:
    """The layout in `path`; BadLayoutFile when it cannot be read or is not a layout."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BadLayoutFile(Fault.CANNOT_READ, f"{path}: "
                            f"{getattr(error, 'strerror', None) or error}") from None
    return parse_layout(text)


def parse_layout(text: str) -> LayoutFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadLayoutFile(Fault.NOT_JSON, error.msg, error.lineno, error.colno) from None
    if not isinstance(data, Mapping):
        raise BadLayoutFile(Fault.NOT_AN_OBJECT, line=1, column=1)
    if not isinstance(data.get("mainpages"), list | Mapping):
        raise BadLayoutFile(Fault.NO_MAIN_PAGES, line=1, column=1)
    return LayoutFile(read_layout(data, data), tuple(_left_out(data["mainpages"])))


def _left_out(pages: Any) -> list[LeftOut]:
    """The pages and boxes `read_main_pages` skips, in the file's order."""
    found: list[LeftOut] = []
    entries = list(pages.values()) if isinstance(pages, Mapping) else pages
    for number, page in enumerate(entries, start=1):
        if not isinstance(page, Mapping):
            found.append(LeftOut(number, 0, Fault.PAGE_NOT_AN_OBJECT))
            continue
        if object_kind(page.get("objecttype")) is None:
            found.append(LeftOut(number, 0, Fault.UNKNOWN_OBJECT_TYPE,
                                 as_str(page.get("objecttype"))))
            continue
        boxes = page.get("boxes")
        boxes = list(boxes.values()) if isinstance(boxes, Mapping) else boxes
        if not isinstance(boxes, list):
            found.append(LeftOut(number, 0, Fault.NO_BOXES))
            continue
        for position, box in enumerate(boxes, start=1):
            if not isinstance(box, Mapping):
                found.append(LeftOut(number, position, Fault.BOX_NOT_AN_OBJECT))
            elif not as_str(box.get("box")).strip():
                found.append(LeftOut(number, position, Fault.NO_BOX_TYPE))
    return found
