"""What a sync pass reports while it runs and when it ends (plain data for any view)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StepProgress:
    key: str
    label: str
    pages: int = 0
    objects: int = 0
    done: bool = False
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """A snapshot: is a pass running, how far each step is, how the last pass ended."""

    running: bool = False
    activity: str = ""
    steps: tuple[StepProgress, ...] = ()
    last_success: str | None = None
    last_error: str | None = None

    @property
    def objects(self) -> int:
        return sum(step.objects for step in self.steps)


@dataclass(frozen=True, slots=True)
class PassResult:
    ok: bool
    started: str
    finished: str
    received: Mapping[str, int] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        if self.ok:
            return f"Synchronised {sum(self.received.values()):,} objects"
        first = next(iter(self.errors.values()), "unknown error")
        return f"Sync failed: {first}"
