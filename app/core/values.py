"""Lenient decoding of Microbizz's basic types.

The server is a PHP back end: numbers may arrive as strings, booleans as 1/0/"1"/true/"yes",
dates in several spellings. Every reader of server data goes through these functions, so a
field that arrives in an unexpected spelling degrades to a default instead of failing a sync.
No integer they return lies outside SQLite's 64-bit range: one such number in an indexed
column would make every later write of its page fail.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any

_TRUE = frozenset({"1", "true", "yes", "y", "on"})
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
_TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%H.%M")
INT64_MAX = 2**63 - 1  # the largest INTEGER SQLite stores


def as_int(value: Any, default: int = 0) -> int:
    """A number as an integer (fractions cut); `default` when it is none or beyond 64 bits."""
    number = _integer(value)
    return number if number is not None and -INT64_MAX - 1 <= number <= INT64_MAX else default


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            return _integer(as_float(text, math.nan))
    return None


def as_id(value: Any) -> int:
    """A Microbizz ID (a positive integer that fits 64 bits), or 0 when the value is none.

    Stricter than `as_int`: `true` is not object 1 and 7.5 is not object 7, so a garbled
    reference never lands on another object. PHP's numeric strings ("7") are accepted.
    """
    if isinstance(value, bool):
        return 0
    if isinstance(value, float):
        value = int(value) if value.is_integer() else 0
    elif isinstance(value, str):
        text = value.strip()
        value = int(text) if text.isascii() and text.isdigit() else 0
    return value if isinstance(value, int) and 0 < value <= INT64_MAX else 0


def as_float(value: Any, default: float = 0.0) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return default
    return default


def as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE
    return bool(value) if isinstance(value, int | float | bool) else False


def as_str(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(value)
    return default


def as_date(value: Any) -> date | None:
    """A date in any documented spelling; None for empty, "0000-00-00" or garbage."""
    if isinstance(value, date):
        return value
    text = as_str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # The format the server always answers in: the fast path for bulk ingest.
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    # Single-digit day and month ("5-8-2011") are documented; strptime accepts them.
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def as_time(value: Any) -> time | None:
    if isinstance(value, time):
        return value
    text = as_str(value).strip()
    if len(text) == 8 and text[2] == ":" and text[5] == ":":
        try:
            return time.fromisoformat(text)
        except ValueError:
            return None
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    return None


def as_moment(day: Any, moment: Any) -> datetime | None:
    """A date field and a time field as one moment (the envelope's date/time, an object's
    changedate/changetime); None when either is missing or garbled."""
    parsed_day, parsed_time = as_date(day), as_time(moment)
    if parsed_day is None or parsed_time is None:
        return None
    return datetime.combine(parsed_day, parsed_time)


def as_int_list(value: Any) -> list[int]:
    """A collection of ids (see `as_id`); a comma-separated string is accepted as well."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        return []
    return [number for number in (as_id(item) for item in value) if number]
