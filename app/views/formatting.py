"""How times read in the window."""

from __future__ import annotations

from datetime import datetime


def friendly_time(moment: datetime | str | None) -> str:
    """"today 14:05" for today, "21-11-2026 14:05" otherwise; "" for none."""
    if isinstance(moment, str):
        try:
            when = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    elif moment is None:
        return ""
    else:
        when = moment
    if when.date() == datetime.now().date():
        return when.strftime("today %H:%M")
    return when.strftime("%d-%m-%Y %H:%M")
