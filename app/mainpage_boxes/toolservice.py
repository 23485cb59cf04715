"""The service box: the equipment type's service interval, the last and the next service
(overdue said in words, not only in colour), and *Start service*.

The guide: the interval is the type's (tool `groupid` → GetToolTypes `periodtype`, `period`);
`lastservice` and `nextservice` are the tool's. Start service is the action
`start_service` (StartToolService, [INF] in app/api/writes.py): the dates move at once and
the box says it waits to be sent until the server has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.core.setup import ToolType
from app.core.values import as_date, as_id
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    translate,
)
from app.mainpage_boxes.pending import waiting
from app.sync import keys

if TYPE_CHECKING:
    from app.mainpage_boxes.toolservice_widget import ToolServiceWidget

NO_SERVICE = QT_TRANSLATE_NOOP("ToolServiceBox", "no service interval or service dates")
# An interval as a person says it, by the type's `periodtype`: (once, every `period`).
EVERY = {
    "day": (QT_TRANSLATE_NOOP("ToolServiceBox", "every day"),
            QT_TRANSLATE_NOOP("ToolServiceBox", "every {count} days")),
    "week": (QT_TRANSLATE_NOOP("ToolServiceBox", "every week"),
             QT_TRANSLATE_NOOP("ToolServiceBox", "every {count} weeks")),
    "month": (QT_TRANSLATE_NOOP("ToolServiceBox", "every month"),
              QT_TRANSLATE_NOOP("ToolServiceBox", "every {count} months")),
    "year": (QT_TRANSLATE_NOOP("ToolServiceBox", "every year"),
             QT_TRANSLATE_NOOP("ToolServiceBox", "every {count} years")),
}
START = "StartToolService"


@dataclass(frozen=True, slots=True)
class ToolServiceContent(BoxContent):
    type_title: str  # the equipment type, "" when the tool has none
    period: str  # "every 6 months"; "" when the type has no interval
    last: date | None
    next: date | None
    overdue: bool
    due: str  # "overdue by 20 days", "due today", "due in 12 days"; "" without a next date
    pending: bool  # a started service waits to be sent
    can_start: bool  # not while one waits to be sent


def every_text(tool_type: ToolType) -> str:
    """"every 6 months", "every year" in the window's language; "" without an interval."""
    if not tool_type.serviced or tool_type.periodtype not in EVERY:
        return ""
    once, every = EVERY[tool_type.periodtype]
    if tool_type.period == 1:
        return translate("ToolServiceBox", once)
    return translate("ToolServiceBox", every).format(count=tool_type.period)


def due_text(next_service: date | None, today: date) -> str:
    if next_service is None:
        return ""
    days = (next_service - today).days
    if days == -1:
        return translate("ToolServiceBox", "overdue by 1 day")
    if days < 0:
        return translate("ToolServiceBox", "overdue by {days} days").format(days=-days)
    if days == 0:
        return translate("ToolServiceBox", "due today")
    if days == 1:
        return translate("ToolServiceBox", "due in 1 day")
    return translate("ToolServiceBox", "due in {days} days").format(days=days)


class ToolServiceBox(BoxPlugin[ToolServiceContent]):
    box_type = "toolservice"
    kinds = frozenset({Kind.TOOL})

    def build(self, context: BoxContext) -> Shown[ToolServiceContent] | Hidden:
        tool, session = context.object, context.session
        kind = session.setup.tool_types().get(as_id(tool.get("groupid")))
        period = every_text(kind) if kind else ""
        last, upcoming = as_date(tool.get("lastservice")), as_date(tool.get("nextservice"))
        if not (period or last or upcoming):
            return Hidden(translate("ToolServiceBox", NO_SERVICE))
        today = context.now.date()
        pending = bool(waiting(session, Kind.TOOL, context.object_id, {START}))
        return Shown(ToolServiceContent(
            type_title=kind.title if kind else "", period=period, last=last, next=upcoming,
            overdue=upcoming is not None and upcoming < today, due=due_text(upcoming, today),
            pending=pending, can_start=not pending,
        ))

    def concerns(self, context: BoxContext) -> Concerns:
        """The tool (its dates; a queued start changes it too) and the tool types."""
        return Concerns({Kind.TOOL: frozenset({context.object_id})},
                        settings=frozenset({keys.TOOL_TYPES_KEY}))

    def widget(self) -> type[ToolServiceWidget]:
        from app.mainpage_boxes.toolservice_widget import ToolServiceWidget

        return ToolServiceWidget
