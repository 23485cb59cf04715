"""The sync plan as data, step by step from the Microbizz app sync guide (seeds/004).

Read it next to the guide: each …ByLastChange loop names its parameters in the initial
configuration and in the normal sync. A step's cursor is kept under its `key`, so a loop that
starts in the initial configuration carries its cursor on into the normal sync.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.api.shapes import BY_LAST_CHANGE, ByLastChange, MobileAppSettings
from app.core.kinds import Kind

Params = Mapping[str, Any]


def _always(_settings: MobileAppSettings) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class LoopStep:
    """One …ByLastChange loop, paged with resumekey until the server sends none.

    `restart_after_initial`: when the initial loop completes, reset the cursor to 1970 and run
    the normal loop in full (the guide's rule for tasks: most important ones first).
    """

    key: str
    kind: Kind
    initial: Params
    normal: Params
    applies: Callable[[MobileAppSettings], bool] = _always
    restart_after_initial: bool = False
    label: str = field(default="")

    @property
    def command(self) -> ByLastChange:
        return BY_LAST_CHANGE[self.kind]

    def params(self, phase: str) -> Params:
        return self.initial if phase == "initial" else self.normal


LOOPS: tuple[LoopStep, ...] = (
    LoopStep(
        key="GetTodosByLastChange",
        kind=Kind.TODO,
        initial={"limitnumobjects": 1, "ignoreclosed": 1},
        normal={"ignoreclosed": 1},
        restart_after_initial=True,
        label="Tasks",
    ),
    LoopStep(
        key="GetCustomersByLastChange",
        kind=Kind.CUSTOMER,
        initial={"ignoreclosed": 1},
        normal={"ignoreclosed": 1},
        label="Customers",
    ),
    LoopStep(
        key="GetPersonsByLastChange",
        kind=Kind.PERSON,
        initial={"ignoreclosed": 1},
        normal={},
        label="Persons",
    ),
    LoopStep(
        key="GetToolsByLastChange",
        kind=Kind.TOOL,
        initial={"ignoreclosed": 1},
        normal={"ignoreclosed": 0},
        label="Equipment",
    ),
)

MAX_CONCURRENT_LOOPS = 4
