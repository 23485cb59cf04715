"""Resumekeys: where a paged …ByLastChange pass continues. Opaque to the client, checked here.

Two forms, so a key from one kind of pass cannot continue the other:

- `<kind>.<seq>` continues the change order after a sequence number. An object changed
  while the client pages gets a new, higher number and still arrives.
- `<kind>.top.<sent>.<priority>.<enddate>.<id>` continues the importance order of
  `limitnumobjects` after the last task sent, counting the tasks sent so far against the cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.sandbox.commands.base import CommandFailed

INVALID_RESUMEKEY = "Invalid resumekey"
_CHANGES = re.compile(r"([a-z]+)\.(\d{1,18})")
_RANKED = re.compile(r"([a-z]+)\.top\.(\d{1,9})\.(\d{1,3})\.(\d{8})\.(\d{1,18})")

Rank = tuple[int, str, int]
"""(priority, enddate as YYYYMMDD, id): smaller is more important."""


def _given(resumekey: object) -> bool:
    return resumekey not in (None, "", False)


def _invalid() -> CommandFailed:
    return CommandFailed(INVALID_RESUMEKEY)


def change_position(resumekey: object, kind: str, last_seq: int) -> int:
    """The sequence number to continue after; 0 when the call starts from its date and time."""
    if not _given(resumekey):
        return 0
    match = _CHANGES.fullmatch(str(resumekey))
    if match is None or match[1] != kind or int(match[2]) > last_seq:
        raise _invalid()
    return int(match[2])


def change_key(kind: str, seq: int) -> str:
    return f"{kind}.{seq}"


@dataclass(frozen=True, slots=True)
class RankPosition:
    sent: int
    after: Rank | None


def rank_position(resumekey: object, kind: str) -> RankPosition:
    """How many tasks the pass has sent and the rank of the last; nothing for a new pass."""
    if not _given(resumekey):
        return RankPosition(0, None)
    match = _RANKED.fullmatch(str(resumekey))
    if match is None or match[1] != kind:
        raise _invalid()
    return RankPosition(int(match[2]), (int(match[3]), match[4], int(match[5])))


def rank_key(kind: str, sent: int, last: Rank) -> str:
    priority, enddate, object_id = last
    return f"{kind}.top.{sent}.{priority}.{enddate}.{object_id}"
