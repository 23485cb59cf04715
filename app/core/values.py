"""Lenient decoding of Microbizz's basic types.

The server is a PHP back end: numbers may arrive as strings, booleans as 1/0/"1"/true/"yes",
dates in several spellings. Every reader of server data goes through these functions, so a
field that arrives in an unexpected spelling degrades to a default instead of failing a sync.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from typing import Any

_TRUE = frozenset({"1", "true", "yes", "y", "on"})
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
_TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%H.%M")


def as_int(value: Any, default: int = 0) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else default
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            return as_int(as_float(text, math.nan), default)
    return default


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


def as_int_list(value: Any) -> list[int]:
    """A collection of ids; a comma-separated string is accepted as well."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        return []
    return [number for number in (as_int(item) for item in value) if number]
