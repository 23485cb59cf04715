"""The one place that builds the services and wires them together.

Everything else receives what it needs as arguments: no module reaches for a global.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.api import Client, Credentials
from app.core.callbacks import ignore
from app.core.changes import ChangeSet
from app.core.clock import Clock, ServerTime, SystemClock
from app.core.data_folder import data_folder as data_folder  # where the app finds them
from app.core.data_folder import default_data_dir as default_data_dir
from app.core.values import as_int
from app.core.window_turn import WindowTurn
from app.db import Store
from app.db.outbox import OutboxRepo
from app.sync.account import Account, AccountStore, MemoryKeyring
from app.sync.actions import Actions
from app.sync.controls import SyncControls
from app.sync.engine import SyncEngine
from app.sync.keys import INTERVAL_KEY, LOG_LEVEL_KEY, METERED_PHOTOS_KEY, SERVER_OFFSET_KEY
from app.sync.loader import Loader
from app.sync.monitor import StatusMonitor
from app.sync.notices import TaskNotice, TaskWatcher
from app.sync.outbox import OutboxSender, OutboxStatus, needs_the_technician
from app.sync.preferences import Preferences, apply_log_level
from app.sync.progress import SyncProgress
from app.sync.scheduler import SyncScheduler
from app.sync.session import ChangeStream, Session
from app.sync.status import SyncStatus

if TYPE_CHECKING:  # the sandbox (uvicorn, starlette, Faker) loads only when it is started
    import httpx  # and httpx with the first request (app/api/client.py)

    from app.sandbox import SandboxServer

log = logging.getLogger(__name__)

# How long closing waits for the outbox's send under way to be answered. Cut off, the send
# is read back at the next start; answered, it is simply done.
SEND_GRACE_SECONDS = 5.0
# The background work, as the banner names it when it stops.
SYNC_WORK = "Sync"
SENDING_WORK = "Sending changes"


@dataclass(frozen=True, slots=True)
class Connection:
    """Where to sync and as whom; `sandbox` is set when an embedded sandbox serves it."""

    account: Account
    accounts: AccountStore
    sandbox: SandboxServer | None = None

    def credentials(self) -> Credentials:
        return self.accounts.credentials(self.account)


def sandbox_connection(server: SandboxServer, data_dir: Path) -> Connection:
    """An account for a running sandbox; its demo secrets stay in memory."""
    creds = server.credentials
    return memory_connection(
        data_dir,
        server.url,
        Credentials(creds.contract, creds.apikey, creds.username, creds.password),
        sandbox=server,
    )


def memory_connection(
    data_dir: Path, endpoint: str, credentials: Credentials, *, sandbox: SandboxServer | None = None
) -> Connection:
    accounts = AccountStore(data_dir, backend=MemoryKeyring())
    account = Account(endpoint, credentials.contract, credentials.username)
    accounts.save(account, password=credentials.password, apikey=credentials.apikey)
    return Connection(account, accounts, sandbox)


@contextlib.contextmanager
def embedded_sandbox(data_dir: Path, *, scale: float = 1.0) -> Iterator[Connection]:
    """Start a sandbox on a free loopback port and point an in-memory account at it.

    The sandbox is imported here, not at the top: it brings uvicorn, starlette and Faker
    (a third of a cold start), which the app against a real server never needs.
    """
    from app.sandbox import SandboxServer

    with SandboxServer(seed=1, scale=scale) as server:
        yield sandbox_connection(server, data_dir)


@dataclass
class Core:
    """The Qt-free services: store, wire client, lazy loader and sync engine.

    `parser` is the thread that decodes responses. It is not the store's writer thread: orjson
    holds the GIL while SQLite releases it during its writes, so decoding the next page while
    the writer stores this one overlaps the two (see bench/README.md for what it bought).
    """

    store: Store
    client: Client
    loader: Loader
    engine: SyncEngine
    parser: ThreadPoolExecutor
    monitor: StatusMonitor
    preferences: Preferences
    outbox: OutboxRepo
    sender: OutboxSender
    actions: Actions
    scheduler: SyncScheduler
    server_time: ServerTime
    session: Session  # what views and boxes get
    saving: set[asyncio.Task[None]] = field(default_factory=set)  # writes aclose waits for

    async def aclose(self, *, grace: float = SEND_GRACE_SECONDS) -> None:
        """Stop the loops (a sync pass at once: it resumes from its cursor; a send after up to
        `grace` seconds), then close the wire client and the store."""
        await self.scheduler.stop()
        await self.sender.stop(grace)
        await self.client.aclose()
        await asyncio.gather(*self.saving)
        self.parser.shutdown(wait=True)
        self.store.close()


def build_core(
    data_dir: Path,
    connection: Connection,
    *,
    clock: Clock | None = None,
    on_changes: Callable[[ChangeSet], None] | None = None,
    on_progress: Callable[[SyncProgress], None] | None = None,
    on_status: Callable[[SyncStatus], None] | None = None,
    on_notice: Callable[[TaskNotice], None] | None = None,
    timeout: float = 30.0,
    http: httpx.AsyncClient | None = None,
    turn: WindowTurn | None = None,
) -> Core:
    """`http`: an instrumented client for benchmarks; by default the wire client makes one.
    `turn`: the window's, which the store's writes and the decoding of answers wait for."""
    clock = clock or SystemClock()
    store = Store.in_dir(data_dir, turn=turn)
    preferences = Preferences(store)
    notify = on_notice or ignore

    def noticed(notice: TaskNotice) -> None:
        """Task notices, unless the technician turned them off in Settings."""
        if preferences.task_notices:
            notify(notice)

    watcher = TaskWatcher(store, noticed)
    stream = ChangeStream()
    if on_changes is not None:
        stream.subscribe(on_changes)
    shown = stream.publish

    def changed(changes: ChangeSet) -> None:
        """A sync's or a lazy read's write: shown, and watched for tasks new to the technician."""
        shown(changes)
        watcher.changes(changes)

    outbox = OutboxRepo.of(store)
    monitor = StatusMonitor(
        store, clock, preferences,
        failed_calls=lambda: needs_the_technician(outbox),
        unsent=outbox.unsent_count,
        on_status=on_status,
    )
    parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="response-parser")
    server_time = ServerTime(clock, as_int(store.settings.get(SERVER_OFFSET_KEY)))
    client = Client(
        connection.account.endpoint,
        connection.credentials(),
        http=http,
        timeout=timeout,
        parse_executor=parser,
        on_calls=monitor.calls_changed,
        on_answer=lambda response, seconds: server_time.observe(response.received, seconds),
        turn=turn,
    )
    loader = Loader(client, store, clock, changed)
    reported = on_progress or ignore
    saving: set[asyncio.Task[None]] = set()

    def keep_server_offset() -> None:
        """Store the server clock's offset when it changed, for a start without a network."""
        offset = server_time.offset
        if as_int(store.settings.get(SERVER_OFFSET_KEY)) != offset:
            task = asyncio.ensure_future(store.write(store.settings.put, SERVER_OFFSET_KEY, offset))
            saving.add(task)
            task.add_done_callback(saving.discard)

    def progressed(progress: SyncProgress) -> None:
        reported(progress)
        if not progress.running:  # a pass ended, however it was started: facts changed
            monitor.login_refused(SYNC_WORK, progress.login_refused)
            monitor.refresh()
            keep_server_offset()

    engine = SyncEngine(
        client, store, clock, loader=loader, on_changes=changed, on_progress=progressed
    )

    def sender_reported(status: OutboxStatus) -> None:
        """A send run ended or an entry changed state: counts, and whether it halted on a
        refused login."""
        monitor.login_refused(SENDING_WORK, status.halted)
        monitor.refresh()

    sender = OutboxSender(
        client, store, clock,
        attachments_allowed=lambda: not (monitor.metered and preferences.photos_wait_on_metered),
        on_status=sender_reported,
        on_changes=shown,
        on_error=functools.partial(monitor.loop_failed, SENDING_WORK),
    )
    scheduler = SyncScheduler(
        engine,
        interval_minutes=preferences.sync_interval_minutes,
        on_pass=lambda result: watcher.pass_finished(result.ok),
        on_error=functools.partial(monitor.loop_failed, SYNC_WORK),
        held=lambda: monitor.refused_login,
    )

    def outbox_changed() -> None:
        """An action was saved, retried or discarded: send now, sync shortly after (Planado's
        rule), and let the indicator count again."""
        sender.wake()
        scheduler.request_soon()
        monitor.refresh()

    # What a changed setting does at once (the others are read where they are used).
    effects: dict[str, Callable[[], None]] = {
        INTERVAL_KEY: lambda: scheduler.set_interval(preferences.sync_interval_minutes),
        METERED_PHOTOS_KEY: sender.wake,  # photos held back may go now
        LOG_LEVEL_KEY: lambda: apply_log_level(preferences.log_level or "INFO"),
    }
    preferences.watch(lambda key: effects.get(key, ignore)())

    actions = Actions(store, clock, server_time=server_time, on_outbox_changed=outbox_changed,
                      on_changes=shown)
    controls = SyncControls(engine, monitor, preferences, scheduler.request, outbox, actions,
                            sender, connection.account, connection.accounts, client)
    session = Session(store, actions=actions, loader=loader, controls=controls, changes=stream)
    return Core(store, client, loader, engine, parser, monitor, preferences, outbox, sender,
                actions, scheduler, server_time, session, saving)


class ReadOnlyRefusal(RuntimeError):
    """A headless reader (`fieldclient page`) was asked to load or sync: it only reads."""


class _NotWhileReading:
    """Stands in for the loader and the sync controls in a read-only session: a box's `build`
    reads through the session only, so any use of these there is a bug, said so plainly."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        raise ReadOnlyRefusal(f"session.{self._name}.{attribute} is not available when the "
                              "local data is only read (fieldclient page)")


def reader_session(store: Store) -> Session:
    """A Session over a store opened with `Store.reader`: reads and setup data only, no sync, no
    loader and no folder lock, so it works beside a running app. Its actions exist but are
    refused by the read-only store if ever called."""
    return Session(
        store,
        actions=Actions(store, SystemClock()),
        loader=cast(Loader, _NotWhileReading("loader")),
        controls=cast(SyncControls, _NotWhileReading("controls")),
        changes=ChangeStream(),
    )


class NoAccount(RuntimeError):
    """No server chosen and none saved in the data folder."""


@contextlib.contextmanager
def open_connection(
    data_dir: Path,
    *,
    sandbox: bool,
    server: str | None,
    credentials: Credentials | None,
    sandbox_scale: float = 1.0,
) -> Iterator[Connection]:
    """The embedded sandbox, a server named on the command line, or the saved account.

    Secrets given on the command line's environment are kept in memory for this run only.
    """
    if sandbox:
        with embedded_sandbox(data_dir, scale=sandbox_scale) as connection:
            yield connection
        return
    if server and credentials:
        yield memory_connection(data_dir, server, credentials)
        return
    accounts = AccountStore(data_dir)
    account = accounts.load()
    if account is None:
        raise NoAccount(
            f"No account is set up in {data_dir}. Start with --sandbox to try the app, or with "
            "--server URL --contract C --username U (password and API key in "
            "FIELDCLIENT_PASSWORD / FIELDCLIENT_APIKEY)."
        )
    yield Connection(account, accounts)
