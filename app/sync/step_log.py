"""When each step of the sync plan last ran, how long it took and how it ended.

The sync status page lists every step of the plan (app/sync/plan.py) with this record, so a
technician (or support on the phone) sees which part of the sync is slow or failing without
reading a log. The engine writes one record per step it ran, at the end of each pass, into
the store's settings; a step a pass skipped (not due, not used with this account's functions)
keeps its last record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from app.core.texts import QT_TRANSLATE_NOOP
from app.db import Store
from app.sync.keys import STEP_LOG_KEY
from app.sync.plan import COMPANY_TOOLS_STEP, DATED_STEPS, LOOPS, LoopStep

FIRST_CALLS_STEP = "first-calls"
SETUP_CALLS_STEP = "setup-calls"

@dataclass(frozen=True, slots=True)
class PlanStep:
    """A step as the status page names it: `name` is a sentence that may hold the step's
    `label` ("{label} changed since the last sync"); the window translates both (context
    SyncSteps), the command line reads `english`."""

    key: str
    name: str
    label: str = ""

    @property
    def english(self) -> str:
        return self.name.format(label=self.label)


_CHANGED = QT_TRANSLATE_NOOP("SyncSteps", "{label} changed since the last sync")
_AT_CUSTOMERS = QT_TRANSLATE_NOOP(
    "SyncSteps", "{label} placed at customers (limited number of objects)")

# The dated steps' names say which days they read and how often.
_DATED_NAMES = {
    "registrations-60-days": QT_TRANSLATE_NOOP(
        "SyncSteps", "Registrations of the last 60 days (first sync)"),
    "calendar-month-around": QT_TRANSLATE_NOOP(
        "SyncSteps", "Calendar, a month either side of today (first sync)"),
    "calendar-day-30-ahead": QT_TRANSLATE_NOOP(
        "SyncSteps", "Calendar, the day 30 days ahead (daily)"),
}


def _loop_step(step: LoopStep) -> PlanStep:
    return PlanStep(step.key, _AT_CUSTOMERS if step.reads_companies else _CHANGED, step.label)


# Every step of a pass, in the order a pass runs them, with the name the status page shows.
PLAN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(FIRST_CALLS_STEP, QT_TRANSLATE_NOOP(
        "SyncSteps", "Settings, custom fields and check-in (every sync)")),
    PlanStep(SETUP_CALLS_STEP, QT_TRANSLATE_NOOP(
        "SyncSteps", "Setup data: states, users, templates … (hourly)")),
    *(_loop_step(step) for step in LOOPS),
    PlanStep(COMPANY_TOOLS_STEP, QT_TRANSLATE_NOOP(
        "SyncSteps", "Equipment of the customers listed (limited number of objects)")),
    *(PlanStep(step.key, _DATED_NAMES.get(step.key, "{label}"), step.label)
      for step in DATED_STEPS),
)


@dataclass(frozen=True, slots=True)
class StepRun:
    """One run of a step: when it ended (local time, as the cursors' times), how many
    seconds it took, and its error (None: it completed)."""

    key: str
    finished: str
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class StepLog:
    """The last run of each step, kept in the store's settings."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def last_runs(self) -> dict[str, StepRun]:
        kept = self._store.settings.get(STEP_LOG_KEY) or {}
        return {key: _run(key, value) for key, value in kept.items() if isinstance(value, dict)}

    def record(self, runs: Iterable[StepRun]) -> None:
        """Writer thread only: these runs replace their steps' earlier ones."""
        kept = dict(self._store.settings.get(STEP_LOG_KEY) or {})
        for run in runs:
            kept[run.key] = {k: v for k, v in asdict(run).items() if k != "key"}
        self._store.settings.put(STEP_LOG_KEY, kept)


def _run(key: str, value: dict[str, Any]) -> StepRun:
    error = value.get("error")
    return StepRun(key, str(value.get("finished", "")), float(value.get("seconds", 0.0)),
                   str(error) if error is not None else None)
