"""The sync plan as data, step by step from the Microbizz app sync guide (seeds/004).

Read it next to the guide and the table of the sync-protocol issue; tests assert it against
the sandbox's request log. One pass:

1. FIRST_CALLS (+ SETUP_CALLS when due) combined in one request; GetMobileAppSettings first,
   GetCustomFields before any …ByLastChange call.
2. LOOPS: the …ByLastChange loops, never combined, up to MAX_CONCURRENT_LOOPS at once, paged
   with resumekey. A loop's cursor is kept under its `key`, so a loop that starts in the
   initial configuration carries its cursor on into the normal sync.
3. With LimitNumObjects: GetToolsByField for each company GetToolsByLastChange listed.
4. DATED_STEPS: reads by date, in the initial configuration or once a day.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from app.api.setup_shapes import MobileAppSettings
from app.api.shapes import BY_LAST_CHANGE, ByLastChange
from app.core.kinds import Kind
from app.core.texts import QT_TRANSLATE_NOOP
from app.sync.keys import setup_key

Params = Mapping[str, Any]
LIMIT_NUM_OBJECTS = "LimitNumObjects"


def _always(_settings: MobileAppSettings) -> bool:
    return True


def _limited(settings: MobileAppSettings) -> bool:
    return settings.enabled(LIMIT_NUM_OBJECTS)


def _unlimited(settings: MobileAppSettings) -> bool:
    return not settings.enabled(LIMIT_NUM_OBJECTS)


@dataclass(frozen=True, slots=True)
class LoopStep:
    """One …ByLastChange loop.

    `restart_after_initial`: when the initial loop completes, reset the cursor to 1970 and run
    the normal loop in full (the guide's rule for tasks: the most important ones first).
    `reads_companies`: its pages list companies whose equipment GetToolsByField must read.
    """

    key: str
    kind: Kind
    label: str  # what the window calls it (translated there, context SyncSteps)
    initial: Params
    normal: Params
    applies: Callable[[MobileAppSettings], bool] = _always
    restart_after_initial: bool = False
    reads_companies: bool = False

    @property
    def command(self) -> ByLastChange:
        return BY_LAST_CHANGE[self.kind]

    def params(self, phase: str) -> Params:
        return self.initial if phase == "initial" else self.normal


LOOPS: tuple[LoopStep, ...] = (
    LoopStep("GetTodosByLastChange", Kind.TODO,
             QT_TRANSLATE_NOOP("SyncSteps", "Tasks"),
             initial={"limitnumobjects": 1, "ignoreclosed": 1},
             normal={"ignoreclosed": 1},
             restart_after_initial=True),
    LoopStep("GetCustomersByLastChange", Kind.CUSTOMER,
             QT_TRANSLATE_NOOP("SyncSteps", "Customers"),
             initial={"ignoreclosed": 1},
             normal={"ignoreclosed": 1}),
    LoopStep("GetPersonsByLastChange", Kind.PERSON,
             QT_TRANSLATE_NOOP("SyncSteps", "Persons"),
             initial={},
             normal={}),
    LoopStep("GetToolsByLastChange", Kind.TOOL,
             QT_TRANSLATE_NOOP("SyncSteps", "Equipment"),
             initial={"ignoreclosed": 1},
             normal={"ignoreclosed": 0},
             applies=_unlimited),
    LoopStep("GetToolsByLastChange placeofhome=2", Kind.TOOL,
             QT_TRANSLATE_NOOP("SyncSteps", "Equipment"),
             initial={"ignoreclosed": 1, "placeofhome": 2},
             normal={"ignoreclosed": 1, "placeofhome": 2},
             applies=_limited,
             reads_companies=True),
    LoopStep("GetProductsByLastChange", Kind.PRODUCT,
             QT_TRANSLATE_NOOP("SyncSteps", "Products"),
             initial={"onlyfavorites": 1, "ignoreclosed": 1},
             normal={}),
    LoopStep("GetThreadsByLastChange", Kind.THREAD,
             QT_TRANSLATE_NOOP("SyncSteps", "Notes"),
             initial={"onlysubscriber": 1, "ignoreclosed": 1},
             normal={"onlysubscriber": 1, "ignoreclosed": 1}),
    # Other objects the main pages need: ignoreclosed in the initial configuration only, so
    # the normal sync hears of deletions.
    LoopStep("GetProceduresByLastChange", Kind.PROCEDURE,
             QT_TRANSLATE_NOOP("SyncSteps", "Procedures"),
             initial={"ignoreclosed": 1},
             normal={}),
    LoopStep("GetRelationsByLastChange", Kind.RELATION,
             QT_TRANSLATE_NOOP("SyncSteps", "Relations"),
             initial={"ignoreclosed": 1},
             normal={}),
)

MAX_CONCURRENT_LOOPS = 4

# Step 3: the equipment of the companies a LimitNumObjects loop listed.
COMPANY_TOOLS_STEP = "GetToolsByField"


@dataclass(frozen=True, slots=True)
class SetupCall:
    """A call of the combined setup request. With `kind`, its list replaces that table."""

    command: str
    kind: Kind | None = None
    result_key: str = ""

    @property
    def key(self) -> str:
        return setup_key(self.command)


# Every pass. GetCheckIn is here, not in the slower setup tier: the out-of-date indicator
# counts from the last successful GetCheckIn, so it must be read as often as we sync.
FIRST_CALLS: tuple[SetupCall, ...] = (
    SetupCall("GetMobileAppSettings"),
    SetupCall("GetCustomFields"),
    SetupCall("GetCheckIn"),
)

SETUP_CALLS: tuple[SetupCall, ...] = (
    SetupCall("GetCurrentUserID"),
    SetupCall("GetMyPendingCalls", Kind.CALL, "calls"),
    SetupCall("GetMyTools"),
    SetupCall("GetPendingQuestionRequests"),
    SetupCall("GetCustomAppLinks"),
    SetupCall("GetTodoTemplates"),
    SetupCall("GetPersonalDocuments"),
    SetupCall("GetToolTypes"),
    SetupCall("GetWorkareas"),
    SetupCall("GetGPSConfig"),
    SetupCall("GetTodoStates"),
    SetupCall("GetToolStates"),
    SetupCall("GetProductStates"),
    SetupCall("GetCheckpoints"),
    SetupCall("GetInternalRegistrations"),
    SetupCall("GetPastRegistrations"),
    SetupCall("GetCustomerTypes"),
    SetupCall("GetEventTypes"),
    SetupCall("GetStocks"),
    SetupCall("GetTeams"),
    SetupCall("GetUsers"),  # names and numbers of the users a page shows (the users box)
    SetupCall("GetToolServiceProtocols"),
    SetupCall("GetPlannedTodos"),
    SetupCall("GISGetCustomBaselayers"),
    SetupCall("GetQuestionForms"),
    SetupCall("GetPlanDestinations"),
    SetupCall("GetIcons"),
    SetupCall("GetColumnGroups"),
    SetupCall("GetProductUnits"),
    SetupCall("GetMainPages"),
    SetupCall("GetMyStodos", Kind.STODO, "stodos"),
)

SETUP_EVERY_SECONDS = 60 * 60  # "perhaps these should be read slightly less often"


@dataclass(frozen=True, slots=True)
class DatedStep:
    """Reads by date: `first`…`last` days from today, in the initial configuration or daily."""

    key: str
    label: str  # what the window calls it (translated there, context SyncSteps)
    reads: Literal["registrations", "calendar"]
    first: int
    last: int
    when: Literal["initial", "daily"]


CALENDAR_DAYS = 30  # the calendar is kept this many days back and ahead of today

DATED_STEPS: tuple[DatedStep, ...] = (
    DatedStep("registrations-60-days", QT_TRANSLATE_NOOP("SyncSteps", "Registrations"),
              "registrations", -59, 0, "initial"),
    DatedStep("calendar-month-around", QT_TRANSLATE_NOOP("SyncSteps", "Calendar"),
              "calendar", -CALENDAR_DAYS, CALENDAR_DAYS, "initial"),
    DatedStep("calendar-day-30-ahead", QT_TRANSLATE_NOOP("SyncSteps", "Calendar"),
              "calendar", CALENDAR_DAYS, CALENDAR_DAYS, "daily"),
)
