"""`limitnumobjects`: the initial configuration reads the most important tasks first.

Most important is the highest priority (1) and then the earliest end date; the pass sends at
most max(50, 10% of the tasks it selects), still a page at a time. The app then resets its
cursor to the epoch and reads every task in the normal sync.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from app.sandbox.commands.resumekeys import Rank, rank_key, rank_position
from app.sandbox.values import whole

Record = dict[str, Any]

_MIN_CAP = 50
_SHARE = 10  # one in ten
_LAST_PRIORITY = 999
_NO_END = "99999999"


def rank(task: Record) -> Rank:
    """Priority 1 first (no priority last), then the earliest end date (none last), then id."""
    priority = whole(task.get("priority"))
    end = str(task.get("enddate") or "").replace("-", "")
    return (
        priority if 0 < priority < _LAST_PRIORITY else _LAST_PRIORITY,
        end if len(end) == 8 and end.isdigit() else _NO_END,
        whole(task.get("id")),
    )


def cap(selected: int) -> int:
    return max(_MIN_CAP, selected // _SHARE)


def _rank_of(pair: tuple[Rank, Record]) -> Rank:
    return pair[0]


def ranked(selected: list[Record]) -> list[tuple[Rank, Record]]:
    """The selected tasks, most important first, each with its rank."""
    return sorted(((rank(task), task) for task in selected), key=_rank_of)


def ranked_page(
    kind: str, ordered: list[tuple[Rank, Record]], resumekey: object, page_size: int
) -> tuple[list[Record], str | None]:
    """One page of the most important of the `ranked` tasks, and the resumekey for the next."""
    position = rank_position(resumekey, kind)
    limit = cap(len(ordered))
    start = 0 if position.after is None else bisect_right(ordered, position.after, key=_rank_of)
    room = max(0, min(page_size, limit - position.sent))
    page = ordered[start : start + room]
    sent = position.sent + len(page)
    more = bool(page) and start + len(page) < len(ordered) and sent < limit
    return [task for _, task in page], rank_key(kind, sent, page[-1][0]) if more else None
