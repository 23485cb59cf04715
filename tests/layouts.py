"""Layout files as an office user saves them for the preview: the sandbox's own main pages and
column groups (what GetMainPages and GetColumnGroups return), changed as a test needs."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from app.sandbox.layouts import COLUMN_GROUPS, MAIN_PAGES


def sandbox_layout() -> dict[str, Any]:
    """The sandbox's layout as one JSON object, to change freely."""
    return {"mainpages": copy.deepcopy(list(MAIN_PAGES)),
            "columngroups": copy.deepcopy(list(COLUMN_GROUPS))}


def page(layout: dict[str, Any], objecttype: str) -> list[dict[str, Any]]:
    """The boxes of one kind's page in the layout."""
    return next(p for p in layout["mainpages"] if p["objecttype"] == objecttype)["boxes"]


def add_box(layout: dict[str, Any], objecttype: str, box: str, *, box_id: int,
            group: int = 0, title: str = "") -> None:
    """A box at the end of a page (`group`: a column group box's group id)."""
    page(layout, objecttype).append({
        "id": box_id, "box": box, "title": title or box, "iscolumngroup": int(bool(group)),
        "columngroupid": group, "sortorder": 1000 + box_id})


def save(path: Path, layout: dict[str, Any] | str) -> None:
    """As an editor saves: a new file renamed over the old one (the watcher loses the path)."""
    text = layout if isinstance(layout, str) else json.dumps(layout, indent=2)
    fresh = path.with_suffix(".saving")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)
