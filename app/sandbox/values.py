"""Microbizz values read as leniently as its PHP back end reads them (Basic types).

Objects a dispatcher posts and parameters a client sends may carry numbers as strings and
booleans as words; every part of the sandbox reads them through these two functions.
"""

from __future__ import annotations

from typing import Any

_TRUE_WORDS = frozenset({"1", "true", "yes"})


def truthy(value: Any) -> bool:
    """A Microbizz boolean: true/1/yes (any case, also as strings) is true, the rest false."""
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return bool(value)


def whole(value: Any) -> int:
    """A Microbizz number: 12, "12" and 12.0 are 12; anything else is 0 (no id)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return 0
