"""The task's checklist box: its checkpoints, tickable while the technician is checked in on it.

The guide: "display the checkpoints for the task … taken from the global list of checkpoints
(GetCheckpoints), each task may include a subset … in the field checkpoints. If the user is
checked in on the task then it should be possible to select/deselect each checkpoint. …
When the user checks out from the task, the list of selected checkpoints should be sent."

Ticks are local (`actions.tick_checkpoint`) until the check-out carries them (DoCheckOut's
`checkpoints`). Outside a check-in the box shows what is already done: the task's
`checkpointsdone` as the server has it, plus the ticks of a check-out still in the outbox (so
the technician's ticks do not vanish the moment they check out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.core.values import as_int_list
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
    from app.mainpage_boxes.checklist_widget import ChecklistWidget

NO_CHECKPOINTS = QT_TRANSLATE_NOOP("ChecklistBox", "no checkpoints on this task")
CHECK_IN_FIRST = QT_TRANSLATE_NOOP("ChecklistBox", "Check in to tick the checklist")
CHECKOUT_WAITING = QT_TRANSLATE_NOOP("ChecklistBox",
                                     "Ticks waiting to be sent with the check-out")


@dataclass(frozen=True, slots=True)
class CheckpointLine(BoxContent):
    id: int
    title: str
    description: str
    ticked: bool


@dataclass(frozen=True, slots=True)
class ChecklistContent(BoxContent):
    checkpoints: tuple[CheckpointLine, ...]  # in the task's order
    tickable: bool  # checked in on this task
    note: str  # why it cannot be ticked, or that the ticks wait in the outbox; "" otherwise


class ChecklistBox(BoxPlugin[ChecklistContent]):
    box_type = "checklist"
    kinds = frozenset({Kind.TODO})
    fixed_title = QT_TRANSLATE_NOOP("BoxTitle", "Checklist")

    def build(self, context: BoxContext) -> Shown[ChecklistContent] | Hidden:
        setup = context.session.setup
        known = setup.checkpoints()
        wanted = [i for i in dict.fromkeys(as_int_list(context.object.get("checkpoints")))
                  if i in known]
        if not wanted:
            return Hidden(translate("ChecklistBox", NO_CHECKPOINTS))
        checkin = setup.checkin()
        here = checkin is not None and (checkin.kind, checkin.object_id) == (
            Kind.TODO, context.object_id)
        queued = waiting(context.session, Kind.TODO, context.object_id, {"DoCheckOut"})
        if checkin is not None and here:
            ticked, note = set(checkin.ticked), ""
        else:
            ticked = set(as_int_list(context.object.get("checkpointsdone")))
            for entry in queued:
                ticked |= set(as_int_list(entry.params.get("checkpoints")))
            note = translate("ChecklistBox", CHECKOUT_WAITING if queued else CHECK_IN_FIRST)
        lines = tuple(
            CheckpointLine(i, known[i].title, known[i].description, i in ticked) for i in wanted)
        return Shown(ChecklistContent(lines, here, note))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns(
            {Kind.TODO: frozenset({context.object_id})},
            settings=frozenset({keys.CHECKPOINTS_KEY, keys.CHECKIN_KEY, keys.TICKED_KEY}),
        )

    def widget(self) -> type[ChecklistWidget]:
        from app.mainpage_boxes.checklist_widget import ChecklistWidget

        return ChecklistWidget
