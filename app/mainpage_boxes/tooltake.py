"""The take box: whether the equipment is taken and by whom, and a button to take it or set it
down.

The guide: `carrier_userid` is who has taken it (0: nobody); PickupTool takes it, SetDownTool
sets it down; the box is only there with the `ToolTake` function. When the technician took it
the API does not say: the pick-up action notes the moment in a local setting (the sync
replaces the whole tool object, so a field on it would not last), read through
`session.setup.taken_since`. A tool taken on another device has no such moment: no "since".

Both writes carry a position. This PySide6 has no Qt Positioning, so it is where the technician
checked in, else 0,0; the box says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.core.values import as_id
from app.mainpage_boxes.address import PositionSource, last_checkin
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    local_day,
    translate,
)
from app.mainpage_boxes.pending import waiting
from app.sync import keys

if TYPE_CHECKING:
    from app.mainpage_boxes.tooltake_widget import ToolTakeWidget

TOOL_TAKE = "ToolTake"
FUNCTION_OFF = QT_TRANSLATE_NOOP("ToolTakeBox", "function ToolTake is off")
NOT_HERE = QT_TRANSLATE_NOOP("ToolTakeBox", "this equipment is not on this device")
_CARRIER_COMMANDS = {
    "PickupTool": QT_TRANSLATE_NOOP("ToolTakeBox", "Taking it is waiting to be sent"),
    "SetDownTool": QT_TRANSLATE_NOOP("ToolTakeBox", "Setting it down is waiting to be sent"),
}


@dataclass(frozen=True, slots=True)
class ToolTakeContent(BoxContent):
    taken: bool
    mine: bool  # taken by the technician: the button sets it down
    holder: str  # "Not taken", "You have it", "Taken by Jens Hansen"
    since: str  # "since 10:42" ("since 1 Dec 10:42" before today); "" when not known
    pending: str  # "Taking it is waiting to be sent"; "" when nothing waits
    button: str  # "Take" or "Set down"
    latitude: float  # the position the button sends
    longitude: float
    position: str  # which position that is, in words


def since_text(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    clock = f"{moment:%H:%M}"
    if moment.date() == now.date():
        return translate("ToolTakeBox", "since {time}").format(time=clock)
    # the day's pattern is QLocale's: "1 Dec" in English, "1. dec." in Danish
    day = local_day(moment.date(), translate("ToolTakeBox", "d MMM"),
                    f"{moment.day} {moment:%b}")
    return translate("ToolTakeBox", "since {day} {time}").format(day=day, time=clock)


class ToolTakeBox(BoxPlugin[ToolTakeContent]):
    box_type = "tooltake"
    kinds = frozenset({Kind.TOOL})

    def __init__(self, position: PositionSource = last_checkin) -> None:
        """`position`: where the technician is now (a test gives a fixed one)."""
        self._position = position

    def functions(self, kind: Kind) -> frozenset[str]:
        return frozenset({TOOL_TAKE})

    def build(self, context: BoxContext) -> Shown[ToolTakeContent] | Hidden:
        session = context.session
        if not session.setup.enabled(TOOL_TAKE):
            return Hidden(translate("ToolTakeBox", FUNCTION_OFF))
        if session.object(Kind.TOOL, context.object_id) is None:
            # nothing to take: the actions need the stored tool
            return Hidden(translate("ToolTakeBox", NOT_HERE))
        carrier = as_id(context.object.get("carrier_userid"))
        mine = bool(carrier) and carrier == session.setup.current_user_id()
        if not carrier:
            holder = translate("ToolTakeBox", "Not taken")
        elif mine:
            holder = translate("ToolTakeBox", "You have it")
        else:
            user = session.setup.user(carrier)
            name = user.name if user and user.name else translate(
                "ToolTakeBox", "user {id}").format(id=carrier)
            holder = translate("ToolTakeBox", "Taken by {name}").format(name=name)
        since = since_text(session.setup.taken_since(context.object_id), context.now) if (
            mine) else ""
        queued = waiting(session, Kind.TOOL, context.object_id, _CARRIER_COMMANDS)
        pending = translate("ToolTakeBox", _CARRIER_COMMANDS[queued[-1].command]) if (
            queued) else ""
        here = self._position(session)
        position = (translate("ToolTakeBox", "Sends the position of {place}").format(
                        place=here.source) if here
                    else translate("ToolTakeBox", "No position known: sends 0,0"))
        return Shown(ToolTakeContent(
            taken=bool(carrier), mine=mine, holder=holder, since=since, pending=pending,
            button=translate("ToolTakeBox", "Set down") if mine
            else translate("ToolTakeBox", "Take"),
            latitude=here.latitude if here else 0.0, longitude=here.longitude if here else 0.0,
            position=position,
        ))

    def concerns(self, context: BoxContext) -> Concerns:
        """The tool (its carrier; a queued pick-up changes it too); the functions, the users
        (names), the current user, the check-in (the position) and the noted moments."""
        return Concerns(
            {Kind.TOOL: frozenset({context.object_id})},
            settings=frozenset({keys.MOBILE_APP_SETTINGS_KEY, keys.USERS_KEY, keys.USER_KEY,
                                keys.CHECKIN_KEY, keys.TAKEN_SINCE_KEY}),
        )

    def widget(self) -> type[ToolTakeWidget]:
        from app.mainpage_boxes.tooltake_widget import ToolTakeWidget

        return ToolTakeWidget
