"""ChangeSet: what one store write changed, so views refresh only that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.kinds import Kind


@dataclass(frozen=True, slots=True)
class KindChanges:
    added: frozenset[int] = frozenset()
    changed: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def merged(self, other: KindChanges) -> KindChanges:
        removed = self.removed | other.removed
        added = (self.added | other.added) - removed
        changed = (self.changed | other.changed) - added - removed
        return KindChanges(frozenset(added), frozenset(changed), frozenset(removed))


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Per kind, the ids a write added, changed or removed; `settings`, the setup keys it
    rewrote (main pages, states, calendar days, …); `initiator` says who wrote.

    Initiators are short strings such as "sync" or "user" so a view can, for example,
    avoid flashing a row the technician just edited.
    """

    kinds: dict[Kind, KindChanges] = field(default_factory=dict)
    initiator: str = "sync"
    settings: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.settings) or any(self.kinds.values())

    def of(self, kind: Kind) -> KindChanges:
        return self.kinds.get(kind, KindChanges())

    def touches(self, kind: Kind, object_id: int | None = None) -> bool:
        changes = self.of(kind)
        if object_id is None:
            return bool(changes)
        return object_id in changes.added or object_id in changes.changed or (
            object_id in changes.removed
        )

    @classmethod
    def single(
        cls,
        kind: Kind,
        *,
        added: Iterable[int] = (),
        changed: Iterable[int] = (),
        removed: Iterable[int] = (),
        initiator: str = "sync",
    ) -> ChangeSet:
        entry = KindChanges(frozenset(added), frozenset(changed), frozenset(removed))
        return cls({kind: entry} if entry else {}, initiator)

    def merged(self, other: ChangeSet) -> ChangeSet:
        kinds = dict(self.kinds)
        for kind, changes in other.kinds.items():
            kinds[kind] = kinds[kind].merged(changes) if kind in kinds else changes
        return ChangeSet(kinds, other.initiator, self.settings | other.settings)
