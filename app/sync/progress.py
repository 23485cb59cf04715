"""What a sync pass reports while it runs and when it ends (plain data for any view)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StepProgress:
    """One step of the plan. `fraction` is how far through the server's changes a loop has
    read, judged from the change stamps of what it received (None when it cannot tell)."""

    key: str
    label: str
    pages: int = 0
    objects: int = 0
    done: bool = False
    error: str | None = None
    fraction: float | None = None


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """A snapshot: is a pass running, how far each step is, how the last pass ended."""

    running: bool = False
    activity: str = ""  # English, marked for the window's translation (context SyncActivity)
    steps: tuple[StepProgress, ...] = ()
    last_success: str | None = None
    last_error: str | None = None
    seconds_left: float | None = None
    login_refused: str | None = None  # the server's message: the last pass's login was refused

    @property
    def objects(self) -> int:
        return sum(step.objects for step in self.steps)

    @property
    def fraction(self) -> float | None:
        """The whole pass, as the least advanced step that can tell (None: cannot tell)."""
        known = [1.0 if s.done else s.fraction for s in self.steps]
        if not known or any(f is None for f in known):
            return None
        return min(f for f in known if f is not None)


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
