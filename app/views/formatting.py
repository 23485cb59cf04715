"""How times and kinds read in the window: in its language, with its locale's date format
(QLocale)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from app.core.kinds import Kind
from app.core.locale_text import local_date

if TYPE_CHECKING:  # the window's shell names kinds before the session is imported
    from app.sync.actions import ActionRefused


def kind_title(kind: Kind) -> str:
    """A kind's plural as the window names it: "Tasks", "Opgaver" (the list tabs, the View
    menu, the search results' groups)."""
    return QCoreApplication.translate("Kinds", kind.label)


def clock_text(moment: datetime) -> str:
    """"14:05": the hour and minute, as a technician reads a clock in either language."""
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def date_text(day: date) -> str:
    """The day in the locale's short format: "21/11/2026" in English, "21.11.2026" in Danish
    (as the lists, the boxes and the page's header show dates)."""
    return local_date(day)


def friendly_time(moment: datetime | str | None) -> str:
    """"today 14:05" for today, "21/11/2026 14:05" otherwise (the locale's date); "" for
    none. Text that is not a time is given back as it is."""
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
        return QCoreApplication.translate("Formatting", "today {time}").format(
            time=clock_text(when))
    return f"{date_text(when.date())} {clock_text(when)}"


def refusal_text(refused: ActionRefused) -> str:
    """Why an action was refused, in the window's language (a kind by its plural)."""
    values = {key: kind_title(value).lower() if isinstance(value, Kind) else value
              for key, value in refused.values.items()}
    return QCoreApplication.translate("ActionRefused", refused.text).format(**values)
