"""Which tasks a user's app receives: the guide's "Limit which objects are available in the
app" rules, which the new app assumes are on.

A task is sent when it concerns the user — it belongs to one of the user's teams (a pool
task of the team or any other task of it), the user is responsible, an additional user or
the value of a user custom field, or it is planned to the user within a month of today —
and it is current: changed within the last year, and its next action (if any) at most a
month away, before or after today. Months and years are calendar ones, counted in days:
a task changed on this date last year is still current, one changed the day before is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.sandbox.clock import shift_months
from app.sandbox.store import change_stamp
from app.sandbox.values import truthy, whole

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Window:
    """The dates the rules measure against, from the server's now."""

    first_day: str  # a month before today
    last_day: str  # a month after today
    oldest_change: str  # the start of this date a year ago, as a change stamp

    @classmethod
    def around(cls, now: datetime) -> Window:
        today = now.date()
        return cls(
            first_day=shift_months(today, -1).isoformat(),
            last_day=shift_months(today, 1).isoformat(),
            oldest_change=f"{shift_months(today, -12).isoformat()} 00:00:00",
        )

    def holds(self, day: str) -> bool:
        return self.first_day <= day <= self.last_day

    def is_current(self, task: Record) -> bool:
        """Changed within the year, and its next action (if any) within a month of today."""
        next_action = str(task.get("nextaction") or "")
        return change_stamp(task) >= self.oldest_change and (
            not next_action or self.holds(next_action)
        )


@dataclass(frozen=True, slots=True)
class Audience:
    """One user as the task rules see them."""

    user_id: int
    teams: frozenset[int]
    user_fields: tuple[str, ...]
    """The `custom<id>` keys of the tasks' user-type custom fields."""
    planned: frozenset[int]
    """Tasks planned to the user within the window."""
    window: Window

    @classmethod
    def of(
        cls,
        user: Record,
        user_fields: tuple[str, ...],
        plans: Iterable[Record],
        now: datetime,
    ) -> Audience:
        """`plans` are prodplanentries of any user; deleted ones do not count."""
        window = Window.around(now)
        planned = frozenset(
            whole(plan.get("todoid"))
            for plan in plans
            if whole(plan.get("userid")) == user["id"]
            and not truthy(plan.get("isdeleted"))
            and window.holds(str(plan.get("date", "")))
        )
        teams = frozenset(whole(team) for team in user.get("teams", ()))
        return cls(user["id"], teams, user_fields, planned, window)

    def sees(self, task: Record) -> bool:
        return self.concerns(task) and self.is_current(task)

    def concerns(self, task: Record) -> bool:
        me = self.user_id
        return (
            whole(task.get("team")) in self.teams
            or whole(task.get("userid")) == me
            or me in {whole(other) for other in task.get("additionaluserids") or ()}
            or any(whole(task.get(key)) == me for key in self.user_fields)
            or whole(task.get("id")) in self.planned
        )

    def is_current(self, task: Record) -> bool:
        return self.window.is_current(task)
