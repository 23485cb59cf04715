"""One object kind's store: the current version of each object and the order of changes.

Every save gives the object the next sequence number. The change log is three parallel
lists sorted by sequence (and so by change stamp, the clock never runs backwards); a page
starts by bisecting them, never by scanning from the start. A changed object leaves a
stale entry at its old position, skipped while paging and dropped by an occasional compaction.

A page is filtered through a `Select`: it returns the object, another version of it to send
instead (a tombstone, a copy for the requesting user), or None to leave it out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

Record = dict[str, Any]
Select = Callable[[Record], Record | None]

_COMPACT_AFTER = 1024


@dataclass(frozen=True, slots=True)
class Page:
    objects: list[Record]
    resume_after: int | None
    """Sequence number to continue after, or None when this page is the last."""


def change_stamp(obj: Record) -> str:
    """The stamp as "YYYY-MM-DD HH:MM:SS", which sorts as text in time order."""
    return f"{obj['changedate']} {obj['changetime']}"


class KindStore:
    def __init__(self, objects: Iterable[Record] = ()) -> None:
        """Load `objects` in change order; objects changed in the same second keep theirs."""
        self._current: dict[int, tuple[int, Record]] = {}
        self._seqs: list[int] = []
        self._ids: list[int] = []
        self._stamps: list[str] = []
        self._last_seq = 0
        for obj in sorted(objects, key=change_stamp):
            self.save(obj)

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def max_id(self) -> int:
        return max(self._current, default=0)

    def __len__(self) -> int:
        return len(self._current)

    def objects(self) -> Iterator[Record]:
        """The current version of every object, in no particular order."""
        return (obj for _, obj in self._current.values())

    def get(self, object_id: int) -> Record | None:
        entry = self._current.get(object_id)
        return entry[1] if entry else None

    def save(self, obj: Record) -> int:
        """Store `obj` (a new dict per version) as its newest version; returns its sequence."""
        stamp = change_stamp(obj)
        if self._stamps and stamp < self._stamps[-1]:
            raise ValueError(f"change stamp {stamp} is older than {self._stamps[-1]}")
        self._last_seq += 1
        self._current[obj["id"]] = (self._last_seq, obj)
        self._seqs.append(self._last_seq)
        self._ids.append(obj["id"])
        self._stamps.append(stamp)
        if len(self._seqs) - len(self._current) > max(_COMPACT_AFTER, len(self._current)):
            self._compact()
        return self._last_seq

    def changes(self, since: str, after_seq: int, limit: int, select: Select | None) -> Page:
        """Up to `limit` objects changed at or after `since` with a sequence above `after_seq`,
        as `select` sends them."""
        start = max(bisect_left(self._stamps, since), bisect_right(self._seqs, after_seq))
        seqs, ids, current = self._seqs, self._ids, self._current
        found: list[Record] = []
        last = after_seq
        for index in range(start, len(seqs)):
            seq, obj = current[ids[index]]
            if seq != seqs[index]:
                continue
            sent = obj if select is None else select(obj)
            if sent is None:
                continue
            if len(found) == limit:
                return Page(found, last)
            found.append(sent)
            last = seq
        return Page(found, None)

    def _compact(self) -> None:
        live = sorted((seq, object_id) for object_id, (seq, _) in self._current.items())
        self._seqs = [seq for seq, _ in live]
        self._ids = [object_id for _, object_id in live]
        self._stamps = [change_stamp(self._current[object_id][1]) for object_id in self._ids]
