"""What the window may do about sync, in one place: the views' only way to act on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.api import Client
from app.db.outbox import Entry, OutboxRepo, State
from app.sync.account import Account, AccountStore
from app.sync.actions import Actions
from app.sync.engine import SyncEngine
from app.sync.monitor import StatusMonitor
from app.sync.outbox import OutboxSender
from app.sync.preferences import Preferences
from app.sync.progress import SyncProgress
from app.sync.signin import renew_password
from app.sync.status import SyncStatus


@dataclass(frozen=True, slots=True)
class SyncControls:
    engine: SyncEngine
    monitor: StatusMonitor
    preferences: Preferences
    request_sync: Callable[[], None]
    outbox: OutboxRepo
    actions: Actions
    sender: OutboxSender
    account: Account  # who the app syncs as (the password prompt names them)
    accounts: AccountStore  # where the password is kept
    client: Client  # the wire client every sync and send goes through

    @property
    def unsent_count(self) -> int:
        return self.outbox.unsent_count()

    def problems(self) -> list[Entry]:
        """The calls the technician must decide on: refused, or in doubt; oldest first."""
        return self.outbox.entries(State.FAILED, State.IN_DOUBT)

    def waiting_behind(self, entry: Entry) -> list[Entry]:
        """What cannot be sent until this entry is sent or discarded."""
        return self.outbox.blocked_by(entry.id)

    @property
    def attachments_waiting(self) -> int:
        return self.sender.status().attachments_waiting

    def send_attachments_anyway(self) -> None:
        self.sender.send_attachments_anyway()

    @property
    def progress(self) -> SyncProgress:
        return self.engine.progress

    @property
    def status(self) -> SyncStatus:
        return self.monitor.status()

    @property
    def calls_in_flight(self) -> tuple[str, ...]:
        return self.monitor.calls_in_flight

    @property
    def background_sync(self) -> bool | None:
        return self.preferences.background_sync

    async def allow_background_sync(self, allowed: bool) -> None:
        await self.preferences.set_background_sync(allowed)
        self.monitor.refresh()

    async def change_password(self, password: str) -> None:
        """The office changed the password and the technician entered the new one: checked
        with the server first, then kept in the keyring and used by every request; what waits
        in the outbox goes at once, and a sync follows.

        SignInRefused, with the sentence to show, when the server (or the keyring) says no:
        then nothing changed and sending stays stopped.
        """
        self.client.use_credentials(await renew_password(self.account, self.accounts, password))
        self.monitor.login_accepted()
        self.sender.resume()
        self.request_sync()
