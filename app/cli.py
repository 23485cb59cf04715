"""The headless commands: `fieldclient login`, `sync`, `status`, `outbox`, `page`, `preview`
and `reset` / `logout` (no Qt)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from app.api import Credentials
from app.composition import NoAccount, build_core, open_connection, reader_session
from app.core.kinds import LISTED_KINDS, Kind
from app.db import Store
from app.db.folder import (
    FolderLock,
    StoreDamaged,
    StoreUnavailable,
    require_folder,
    unavailable_as_words,
)
from app.db.outbox import OutboxRepo, State, UnsentChanges
from app.db.recovery import recover
from app.mainpage_boxes.layout_check import (
    Problem,
    check_layout,
    errors_in,
    layout_report,
    unreadable,
)
from app.mainpage_boxes.page import PageContent, page_of
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.account import Account, BadEndpoint, SecretsUnavailable, check_endpoint
from app.sync.keys import LAST_SUCCESS_KEY
from app.sync.layout_file import BadLayoutFile, read_layout_file
from app.sync.outbox import doubt_advice, shown_params
from app.sync.session import Session
from app.sync.signin import SignInRefused, sign_in, sign_out


async def run_sync(
    data_dir: Path,
    *,
    sandbox: bool,
    server: str | None,
    credentials: Credentials | None,
    as_json: bool,
    sandbox_scale: float = 1.0,
) -> int:
    """One pass; prints a summary. Exit status 0 when the pass succeeded.

    The data folder is held from the first step (app/db/folder.py): beside a running app or
    another sync it is refused before the sandbox starts or the account is written. A folder
    that cannot be used is one sentence (`StoreUnavailable`), never a traceback.
    """
    try:
        with FolderLock(data_dir), open_connection(
            data_dir, sandbox=sandbox, server=server, credentials=credentials,
            sandbox_scale=sandbox_scale,
        ) as connection:
            core = build_core(data_dir, connection)
            try:
                result = await core.engine.run_pass()
                counts = core.store.objects.counts()
            finally:
                await core.aclose()
    except StoreDamaged as error:
        print(f"{error} To keep your unsent changes and download the rest again, run: "
              f'fieldclient recover --data-dir "{data_dir}"', file=sys.stderr)
        return 2
    except (NoAccount, SecretsUnavailable, StoreUnavailable) as error:
        print(error, file=sys.stderr)
        return 2
    summary = {
        "ok": result.ok,
        "message": result.message,
        "counts": {kind.value: counts[kind] for kind in Kind},
        "received": dict(result.received),
        "errors": dict(result.errors),
        "started": result.started,
        "finished": result.finished,
    }
    if as_json:
        _print_json(summary)
    elif result.ok:
        print(result.message)
        _print_counts(counts)
    else:
        # each distinct failure once, on stderr; which steps it stopped is in the log (INFO),
        # what the device holds in `fieldclient status`
        for message in dict.fromkeys(result.errors.values()):
            print(f"Sync failed: {message}", file=sys.stderr)
    return 0 if result.ok else 1


async def run_login(data_dir: Path, account: Account, *, password: str, apikey: str) -> int:
    """Sign in for later runs (app/sync/signin.py): the address checked before anything is
    sent, the login by one request before anything is kept; then the secrets go to the OS
    keyring and the rest to the data folder, which a plain `fieldclient sync --data-dir` uses.

    Exit 1 with one sentence when refused; nothing is kept then.
    """
    try:
        check_endpoint(account.endpoint)
        with FolderLock(data_dir):
            await sign_in(data_dir, account, password=password, apikey=apikey)
    except (BadEndpoint, SignInRefused, StoreUnavailable) as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Signed in as {account.username} on {account.contract}; the account is kept for "
          f"{data_dir}.")
    return 0


def _print_counts(counts: Mapping[Kind, int]) -> None:
    """One line per kind, the counts in one column however long the longest label is."""
    width = max(len(kind.label) for kind in Kind)
    for kind in Kind:
        print(f"  {kind.label:<{width}} {counts[kind]:>8,}")


def _status(data_dir: Path) -> dict[str, Any]:
    store = Store.reader(data_dir)
    try:
        with unavailable_as_words(data_dir):
            counts = store.objects.counts()
            return {
                "counts": {kind.value: counts[kind] for kind in Kind},
                "last_success": store.settings.get(LAST_SUCCESS_KEY),
                "cursors": [
                    {
                        "step": cursor.key,
                        "phase": cursor.phase,
                        "changedate": cursor.changedate,
                        "changetime": cursor.changetime,
                        "resumekey": cursor.resumekey,
                        "pages_in_loop": cursor.pages,
                        "last_success": cursor.last_success,
                        "last_error": cursor.last_error,
                    }
                    for cursor in store.cursors.all()
                ],
            }
    finally:
        store.close()


def run_status(data_dir: Path, *, as_json: bool) -> int:
    """What the store holds; reads only, so it also works while the app runs."""
    try:
        status = _status(data_dir)
    except StoreUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    if as_json:
        _print_json(status)
    else:
        print(f"Last successful sync: {status['last_success'] or 'never'}")
        _print_counts({kind: status["counts"][kind.value] for kind in Kind})
        for cursor in status["cursors"]:
            print(f"  {cursor['step']}: {cursor['phase']} from {cursor['changedate']} "
                  f"{cursor['changetime']}" + (" (resuming)" if cursor["resumekey"] else ""))
    return 0


def run_outbox(data_dir: Path, *, as_json: bool) -> int:
    """The technician's actions on this device, oldest first: what support asks for. Nothing
    secret and no picture is shown. A folder without a store is an error (exit 2), not a new
    empty store."""
    try:
        store = Store.reader(data_dir)  # no lock: support can run it while the app is open
    except StoreUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    try:
        entries = [
            {
                "id": entry.id,
                "state": entry.state.value,
                "command": entry.command,
                "object": f"{entry.object_kind}:{entry.object_id}",
                "summary": entry.summary,
                "attempts": entry.attempts,
                "server_message": entry.server_message,
                "advice": doubt_advice(entry) if entry.state is State.IN_DOUBT else None,
                "last_error": entry.last_error,
                "created": entry.created,
                "created_server": entry.created_server,
                "sent_at": entry.sent_at,
                "depends_on": entry.depends_on,
                "params": shown_params(entry),
            }
            for entry in OutboxRepo.of(store).entries()
        ]
    finally:
        store.close()
    if as_json:
        _print_json({"entries": entries})
        return 0
    unsent = sum(1 for e in entries if e["state"] != State.DONE.value)
    print(f"{len(entries)} change(s) on this device, {unsent} not sent yet")
    for e in entries:
        why = e["server_message"] or e["advice"] or e["last_error"] or ""
        print(f"  {e['id']:>5}  {e['state']:<8}  {e['command']:<18} {e['object']:<16} "
              f"tried {e['attempts']}  {e['summary']}" + (f" — {why}" if why else ""))
    return 0


class BadAddress(ValueError):
    """A KIND:ID that names no page: the message says what would."""


def parse_address(text: str) -> tuple[Kind, int]:
    """"todo:42" as (Kind.TODO, 42): the kinds that have main pages, a positive id."""
    kind_name, _, number = text.strip().partition(":")
    kinds = ", ".join(kind.value for kind in LISTED_KINDS)
    try:
        kind = Kind(kind_name.lower())
    except ValueError:
        kind = None
    if kind not in LISTED_KINDS:
        raise BadAddress(f"{text!r} is not a page: write KIND:ID with KIND one of {kinds}")
    if not number.isdigit() or int(number) <= 0:
        raise BadAddress(f"{text!r} is not a page: the ID after {kind_name}: must be a number")
    return kind, int(number)


def run_page(data_dir: Path, address: str, *, as_json: bool) -> int:
    """An object's main page as data: each box in order, shown or hidden and why, and what it
    shows. Reads only (no lock), so it also works while the app runs. Exit 2 for a bad
    address, an object not on this device, or a folder without local data."""
    try:
        kind, object_id = parse_address(address)
        store = Store.reader(data_dir)
    except (BadAddress, StoreUnavailable) as error:
        print(error, file=sys.stderr)
        return 2
    try:
        with unavailable_as_words(data_dir):
            page = page_of(reader_session(store), kind, object_id, datetime.now(),
                           registry=BoxRegistry.installed())
    except StoreUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        store.close()
    if page is None:
        print(f"There is no {kind.value} {object_id} on this device.", file=sys.stderr)
        return 2
    if as_json:
        _print_json(page.as_json())
    else:
        _print_page(page)
    return 0


def _print_page(page: PageContent) -> None:
    shown = sum(box.shown for box in page.boxes)
    print(f"{page.kind.value}:{page.object_id}: {len(page.boxes)} box(es), {shown} shown")
    for box in page.boxes:
        state = "shown " if box.shown else "hidden"
        why = f" — {box.reason}" if box.reason else ""
        print(f"  {box.sortorder:>3}  {state}  {box.type:<16} {box.title}{why}")
        for key, value in (box.content or {}).items():
            text = " ".join(str(value).split())
            print(f"         {key}: {text[:100]}{'…' if len(text) > 100 else ''}")


# Writes a PNG of each main page of the previewed layout into a folder; the paths written.
# Given by app/__main__.py: drawing pages needs Qt, which these commands never load.
Exporter = Callable[[Session, BoxRegistry, Path], Sequence[Path]]


def run_preview(
    path: Path,
    *,
    data_dir: Path,
    sandbox: bool,
    sandbox_scale: float = 1.0,
    check: bool,
    report: Path | None,
    export: Path | None,
    exporter: Exporter,
) -> int:
    """`fieldclient preview FILE`: check a layout file, write its report, export its pages.

    The objects, functions and custom fields it is checked and shown with are the local data
    of `data_dir` (read only, beside a running app), or a synced sandbox's. Without local data
    only the layout itself is checked. Exit 1 when the check finds errors (warnings alone: 0),
    2 when the report or the pictures cannot be made.
    """
    registry = BoxRegistry.installed()
    try:
        read = read_layout_file(path)
    except BadLayoutFile as error:
        _print_problems(path, [unreadable(error)])
        return 1  # nothing else can be done with it
    with _preview_session(data_dir, sandbox=sandbox, scale=sandbox_scale) as found:
        session, why_not = found
        problems = check_layout(read.layout, registry, session, read.left_out)
        if check or not (report or export):
            _print_problems(path, problems)
            if session is None:
                print(f"{why_not.rstrip('.')}: functions and fields were not checked "
                      "(--sandbox checks them against the demo data).", file=sys.stderr)
        if (report or export) and session is None:
            print(f"{why_not.rstrip('.')}: there are no objects to show pages on (use --sandbox "
                  "for the demo data, or --data-dir of a signed-in account).", file=sys.stderr)
            return 2
        if session is not None:
            previewing = session.previewing(read.layout)
            if report is not None:
                content = layout_report(previewing, registry, datetime.now(), problems)
                try:
                    report.write_bytes(orjson.dumps(content, option=orjson.OPT_INDENT_2))
                except OSError as error:
                    print(f"Cannot write the report to {report}: {error.strerror or error}",
                          file=sys.stderr)
                    return 2
                print(f"Report written to {report}")
            if export is not None:
                try:
                    export.mkdir(parents=True, exist_ok=True)
                    written = exporter(previewing, registry, export)
                except OSError as error:
                    print(f"Cannot write the pictures to {export}: {error.strerror or error}",
                          file=sys.stderr)
                    return 2
                for picture in written:
                    print(f"Page written to {picture}")
    return 1 if errors_in(problems) else 0


def _print_problems(path: Path, problems: Sequence[Problem]) -> None:
    """One line per problem, as a compiler says it (`FILE:LINE:COLUMN: error: …`), so an
    editor or a CI log links to the place; a summary line last."""
    for problem in problems:
        place = f"{path}:{problem.line}:{problem.column}" if problem.line else str(path)
        where = "" if problem.line or not problem.where() else f"{problem.where()}: "
        print(f"{place}: {problem.severity.value}: {where}{problem.message}")
    errors = errors_in(problems)
    print(f"{path}: {errors} error(s), {len(problems) - errors} warning(s)")


@contextlib.contextmanager
def _preview_session(data_dir: Path, *, sandbox: bool, scale: float
                     ) -> Iterator[tuple[Session | None, str]]:
    """A read-only session over the objects to preview on, or None and why there is none."""
    if sandbox:
        with tempfile.TemporaryDirectory(prefix="fieldclient-preview-") as temp:
            synced = Path(temp)
            asyncio.run(_sync_sandbox(synced, scale))
            store = Store.reader(synced)
            try:
                yield reader_session(store), ""
            finally:
                store.close()
        return
    try:
        store = Store.reader(data_dir)
    except StoreUnavailable as error:
        yield None, str(error)
        return
    try:
        yield reader_session(store), ""
    finally:
        store.close()


async def _sync_sandbox(data_dir: Path, scale: float) -> None:
    with open_connection(data_dir, sandbox=True, server=None, credentials=None,
                         sandbox_scale=scale) as connection:
        core = build_core(data_dir, connection)
        try:
            await core.engine.run_pass()
        finally:
            await core.aclose()


def run_reset(data_dir: Path, *, doing: str = "reset the data") -> int:
    """Log out and delete the local copy, unless changes are still waiting to be sent (then
    the refusal lists them, saying what was asked: `doing`).

    The folder is held throughout, so no app starts on it between the check and the deletion.
    """
    try:
        require_folder(data_dir)
        with FolderLock(data_dir):
            sign_out(data_dir, doing=doing)
    except (UnsentChanges, StoreUnavailable) as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Logged out; the local data in {data_dir} is deleted.")
    return 0


def run_recover(data_dir: Path) -> int:
    """Rebuild a damaged store keeping every unsent change; the sync that follows (the same
    command goes on with it) downloads the rest again. 0 when the store can be synced.

    A store that opens cleanly is left as it is: rebuilding it would only download it again.
    """
    try:
        require_folder(data_dir)
        try:
            Store.reader(data_dir).close()
        except StoreDamaged:
            print(recover(data_dir).message, file=sys.stderr)
        else:
            print(f"The local data in {data_dir} is not damaged: nothing to recover.",
                  file=sys.stderr)
    except StoreUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def _print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value).decode() + "\n")
