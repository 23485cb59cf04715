"""The sync indicator: a pure function from what is going on to what the user is shown.

From the Microbizz indicator guide (seeds/000):
- in flight: calls under way, with their count (shows for about a second after an action);
- failed: calls the server refused, with their count;
- out of date: more than 20 minutes since the last successful GetCheckIn or full sync;
- permission declined: background sync was declined (the guide's Android permission; here,
  staying in the tray and starting with Windows).
Several show at once, but some overrule others: permission declined overrules out of date
("the reason it has been more than 20 minutes is most likely that permission was declined").
The tray shows one icon: the one that most needs the user, failed calls first.

Background work that stopped on an unexpected error (a locked store, a full disk) and is
retrying also raises "failed": nothing the technician does is sent meanwhile, so it needs them
as much as a refused call. Its message (`problems`) is what the window's banner says. So does
a login the server refused (the office changed the password): nothing is sent or synchronised
until the technician enters the new one (`login_refused`, the sentence the window shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.sync.wakeloop import RoundFailed

OUT_OF_DATE_AFTER = timedelta(minutes=20)


class Indicator(StrEnum):
    FAILED = "failed"
    PERMISSION_DECLINED = "permission_declined"
    OUT_OF_DATE = "out_of_date"
    IN_FLIGHT = "in_flight"


# What the tray shows when several are active: what most needs the user first.
TRAY_ORDER: tuple[Indicator, ...] = (
    Indicator.FAILED,
    Indicator.PERMISSION_DECLINED,
    Indicator.OUT_OF_DATE,
    Indicator.IN_FLIGHT,
)

# indicator → the indicators it hides while it is active.
OVERRULES: dict[Indicator, frozenset[Indicator]] = {
    Indicator.PERMISSION_DECLINED: frozenset({Indicator.OUT_OF_DATE}),
}


@dataclass(frozen=True, slots=True)
class SyncFacts:
    calls_in_flight: int
    failed_calls: int
    last_synced: datetime | None  # last successful GetCheckIn or full sync
    background_allowed: bool
    online: bool
    now: datetime
    unsent: int = 0  # changes not sent yet: not an indicator, but shown with them
    problems: tuple[str, ...] = ()  # background work that stopped and retries (stopped_message)
    login_refused: str | None = None  # the server's message when it refused the login


@dataclass(frozen=True, slots=True)
class SyncStatus:
    active: tuple[Indicator, ...]  # everything the window's status bar shows, tray order
    tray: Indicator | None  # the one the tray shows; None: all is well
    in_flight: int
    failed: int
    online: bool
    unsent: int = 0
    problems: tuple[str, ...] = ()
    login_refused: str | None = None  # what to tell the technician (login_refused_message)

    def badge(self, indicator: Indicator) -> str:
        """The text on an indicator: its count, or "!" (failed with no failed call: work that
        stopped)."""
        if indicator is Indicator.IN_FLIGHT:
            return str(self.in_flight)
        if indicator is Indicator.FAILED and self.failed:
            return str(self.failed)
        return "!"


def sync_status(facts: SyncFacts) -> SyncStatus:
    raised: set[Indicator] = set()
    if facts.calls_in_flight > 0:
        raised.add(Indicator.IN_FLIGHT)
    if facts.failed_calls > 0 or facts.problems or facts.login_refused is not None:
        raised.add(Indicator.FAILED)
    if facts.last_synced is None or facts.now - facts.last_synced > OUT_OF_DATE_AFTER:
        raised.add(Indicator.OUT_OF_DATE)
    if not facts.background_allowed:
        raised.add(Indicator.PERMISSION_DECLINED)
    hidden = {hid for indicator in raised for hid in OVERRULES.get(indicator, ())}
    active = tuple(indicator for indicator in TRAY_ORDER if indicator in raised - hidden)
    return SyncStatus(
        active=active,
        tray=active[0] if active else None,
        in_flight=facts.calls_in_flight,
        failed=facts.failed_calls,
        online=facts.online,
        unsent=facts.unsent,
        problems=facts.problems,
        login_refused=(None if facts.login_refused is None
                       else login_refused_message(facts.login_refused)),
    )


def stopped_message(work: str, failure: RoundFailed) -> str:
    """One sentence: what stopped, why, and when it tries again by itself."""
    seconds = round(failure.retry_in)
    later = f"{seconds} s" if seconds < 90 else f"{round(seconds / 60)} min"
    return f"{work} stopped: {failure.reason}. Retrying in {later}."


def login_refused_message(server_message: str) -> str:
    """What a refused login means for the technician and what to do about it."""
    return (f"The server no longer accepts your password ({server_message.rstrip('.')}). "
            "Nothing is sent or synchronised until you enter the new password.")
