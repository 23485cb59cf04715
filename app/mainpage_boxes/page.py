"""A main page as data: every box of the kind's page in sortorder, shown or hidden and why.

`page_boxes` is what the page view draws from (plugin and context per box); `page_of` is what
`fieldclient page KIND:ID --json` and the layout preview's report print. Both read the same
list, so the window and the JSON can never disagree about a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.kinds import Kind
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContext,
    BoxPlugin,
    Hidden,
    Shown,
    decide,
    plain,
    translate,
)
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.session import Session

UNKNOWN_TYPE = QT_TRANSLATE_NOOP("BoxPage", "unknown box type")


@dataclass(frozen=True, slots=True)
class PageBox:
    """One box of a page: its plugin (None: a type the app does not know) and its context."""

    plugin: BoxPlugin[Any] | None
    context: BoxContext


@dataclass(frozen=True, slots=True)
class BoxReport:
    id: int
    type: str
    title: str
    sortorder: int
    shown: bool
    reason: str  # why it is hidden; "" when shown
    content: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class PageContent:
    kind: Kind
    object_id: int
    boxes: tuple[BoxReport, ...]

    def as_json(self) -> dict[str, Any]:
        return plain(self)


def page_boxes(
    session: Session, kind: Kind, object_id: int, now: datetime, *, registry: BoxRegistry
) -> tuple[PageBox, ...] | None:
    """The boxes of the object's main page in sortorder; None when there is no such object."""
    found = session.object(kind, object_id)
    if found is None:
        return None
    return tuple(
        PageBox(registry.plugin_for(box.box), BoxContext(kind, object_id, found, box, session, now))
        for box in session.setup.main_page(kind)  # in sortorder
    )


def page_of(
    session: Session, kind: Kind, object_id: int, now: datetime, *, registry: BoxRegistry
) -> PageContent | None:
    """The page as plain data; unknown box types are listed as hidden, never built."""
    boxes = page_boxes(session, kind, object_id, now, registry=registry)
    if boxes is None:
        return None
    return PageContent(kind, object_id, tuple(_report(box) for box in boxes))


def _report(page_box: PageBox) -> BoxReport:
    plugin, context = page_box.plugin, page_box.context
    box = context.box
    title = box.title if plugin is None else plugin.title(context)
    unknown = Hidden(translate("BoxPage", UNKNOWN_TYPE))
    match unknown if plugin is None else decide(plugin, context):
        case Shown(content):
            return BoxReport(box.id, box.box, title, box.sortorder, True, "", content.as_json())
        case Hidden(reason):
            return BoxReport(box.id, box.box, title, box.sortorder, False, reason, None)
