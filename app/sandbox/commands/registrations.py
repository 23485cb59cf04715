"""Hour registrations by day (GetRegistrationByDate) and the recent ones (GetPastRegistrations).

A day's `state` follows how a back office closes weeks: older than a week is closed and
accepted (3), the past week closed (2), today and later open (1). The work plan makes
weekdays working days (regtypeid 1, atwork 1) and weekends free.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, id_param
from app.sandbox.state import SandboxState

_OPEN, _CLOSED, _ACCEPTED = 1, 2, 3
_ACCEPTED_AFTER_DAYS = 7
_PAST_COUNT = 60
_WORKDAY = {"regtypeid": 1, "atwork": 1, "color": "#4caf50"}
_DAY_OFF = {"regtypeid": 0, "atwork": 0, "color": "#bdbdbd"}


def by_date(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    day = date_param(params, "date")
    user_id = id_param(params, "userid", ctx.user_id)
    entries = [r for r in state.where("registrationentry", userid=user_id) if r["date"] == day]
    today, asked = ctx.received.date(), date.fromisoformat(day)
    if asked >= today:
        day_state = _OPEN
    elif asked >= today - timedelta(days=_ACCEPTED_AFTER_DAYS):
        day_state = _CLOSED
    else:
        day_state = _ACCEPTED
    return {
        "registrationentries": sorted(entries, key=lambda r: r["starttime"]),
        "state": day_state,
        "isopen": int(day_state == _OPEN),
        **(_WORKDAY if asked.weekday() < 5 else _DAY_OFF),
    }


def past(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """The user's 60 most recent registrations, newest first."""
    mine = state.where("registrationentry", userid=ctx.user_id)
    mine.sort(key=lambda r: (r["date"], r["starttime"]), reverse=True)
    return {"registrations": mine[:_PAST_COUNT]}


HANDLERS: dict[str, Handler] = {"GetRegistrationByDate": by_date, "GetPastRegistrations": past}
