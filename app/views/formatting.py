"""How times read in the window."""

from __future__ import annotations

from datetime import datetime


def friendly_time(moment: datetime | str | None) -> str:
    """"today 14:05" for today, "21-11-2026 14:05" otherwise; "" for none."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    if moment is None:
        return ""
    if moment.date() == datetime.now().date():
        return moment.strftime("today %H:%M")
    return moment.strftime("%d-%m-%Y %H:%M")
