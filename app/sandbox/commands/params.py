"""Reading command parameters as leniently as the Microbizz back end does (Basic types)."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from app.sandbox.commands.base import CommandFailed, Params

_TRUE_WORDS = frozenset({"1", "true", "yes"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DANISH_DATE = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


def truthy(value: Any) -> bool:
    """A Microbizz boolean: true/1/yes (any case, also as strings) is true, the rest false."""
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return bool(value)


def flag(params: Params, key: str) -> bool:
    return truthy(params.get(key))


def date_param(params: Params, key: str, default: str) -> str:
    """YYYY-MM-DD from "2011-08-05", "05-08-2011", "5-8-2011" or "05/08/2011"."""
    value = params.get(key)
    if value is None or value == "":
        return default
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
