"""Reading command parameters as leniently as the Microbizz back end does (Basic types)."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from app.sandbox.commands.base import CommandFailed, Params
from app.sandbox.values import truthy, whole

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DANISH_DATE = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


def flag(params: Params, key: str) -> bool:
    return truthy(params.get(key))


def _given(params: Params, key: str) -> bool:
    return params.get(key) not in (None, "")


def required(params: Params, key: str) -> Any:
    """The parameter's value; a command cannot run without it (unknown ones are ignored)."""
    if not _given(params, key):
        raise CommandFailed(f"Missing parameter: {key}")
    return params[key]


def id_param(params: Params, key: str, default: int | None = None) -> int:
    """An object id; required unless a default is given (e.g. the current user)."""
    if default is not None and not _given(params, key):
        return default
    value = required(params, key)
    number = whole(value)
    if number <= 0:
        raise CommandFailed(f"Invalid {key}: {value}")
    return number


def date_param(params: Params, key: str, default: str | None = None) -> str:
    """YYYY-MM-DD from "2011-08-05", "05-08-2011", "5-8-2011" or "05/08/2011".

    Without a default the date is required.
    """
    if default is not None and not _given(params, key):
        return default
    value = required(params, key)
    text = str(value).strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := _DANISH_DATE.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise CommandFailed(f"Invalid {key}: {value}")
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise CommandFailed(f"Invalid {key}: {value}") from None


def time_param(params: Params, key: str, default: str) -> str:
    """HH:MM:SS from "18:45:00", "18:45" or "18.45"."""
    value = params.get(key)
    if value is None or value == "":
        return default
    match = _TIME.fullmatch(str(value).strip())
    if match is None:
        raise CommandFailed(f"Invalid {key}: {value}")
    hour, minute, second = match.groups(default="0")
    try:
        return time(int(hour), int(minute), int(second)).isoformat()
    except ValueError:
        raise CommandFailed(f"Invalid {key}: {value}") from None


def number_param(params: Params, key: str) -> float:
    """A decimal such as a GPS coordinate ("55.67" or 55.67); 0.0 when not given."""
    value = params.get(key)
    if value is None or value == "":
        return 0.0
    try:
        return float(str(value).strip())
    except ValueError:
        raise CommandFailed(f"Invalid {key}: {value}") from None
