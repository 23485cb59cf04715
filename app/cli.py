"""The headless commands: `fieldclient sync`, `status`, `outbox` and `reset` (no Qt)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson

from app.api import Credentials
from app.composition import NoAccount, build_core, open_connection
from app.core.kinds import Kind
from app.db import Store
from app.db.outbox import OutboxRepo, State, UnsentChanges, ensure_nothing_unsent
from app.db.store import DATABASE_FILE
from app.sync.account import AccountStore, SecretsUnavailable
from app.sync.keys import LAST_SUCCESS_KEY
from app.sync.outbox import doubt_advice, shown_params


async def run_sync(
    data_dir: Path,
    *,
    sandbox: bool,
    server: str | None,
    credentials: Credentials | None,
    as_json: bool,
    sandbox_scale: float = 1.0,
) -> int:
    """One pass; prints a summary. Exit status 0 when the pass succeeded."""
    try:
        with open_connection(
            data_dir, sandbox=sandbox, server=server, credentials=credentials,
            sandbox_scale=sandbox_scale,
        ) as connection:
            core = build_core(data_dir, connection)
            try:
                result = await core.engine.run_pass()
                counts = core.store.objects.counts()
            finally:
                await core.aclose()
    except (NoAccount, SecretsUnavailable) as error:
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
    else:
        print(result.message)
        for kind in Kind:
            print(f"  {kind.label:<10} {counts[kind]:>8,}")
        for step, message in result.errors.items():
            print(f"  {step}: {message}")
    return 0 if result.ok else 1


def run_status(data_dir: Path, *, as_json: bool) -> int:
    store = Store.in_dir(data_dir)
    try:
        counts = store.objects.counts()
        cursors = store.cursors.all()
        status = {
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
                for cursor in cursors
            ],
        }
    finally:
        store.close()
    if as_json:
        _print_json(status)
    else:
        print(f"Last successful sync: {status['last_success'] or 'never'}")
        for kind in Kind:
            print(f"  {kind.label:<10} {counts[kind]:>8,}")
        for cursor in status["cursors"]:
            print(f"  {cursor['step']}: {cursor['phase']} from {cursor['changedate']} "
                  f"{cursor['changetime']}" + (" (resuming)" if cursor["resumekey"] else ""))
    return 0


def run_outbox(data_dir: Path, *, as_json: bool) -> int:
    """The technician's actions on this device, oldest first: what support asks for. Nothing
    secret and no picture is shown. A folder without a store is an error (exit 2), not a new
    empty store."""
    if not (data_dir / DATABASE_FILE).is_file():
        print(f"There is no Field Client data in {data_dir}.", file=sys.stderr)
        return 2
    store = Store.in_dir(data_dir)
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


def run_reset(data_dir: Path) -> int:
    """Log out and delete the local copy, unless changes are still waiting to be sent."""
    store = Store.in_dir(data_dir)
    try:
        ensure_nothing_unsent(store, "reset the data")
    except UnsentChanges as refused:
        print(refused, file=sys.stderr)
        return 1
    finally:
        store.close()
    accounts = AccountStore(data_dir)
    account = accounts.load()
    if account is not None:
        accounts.forget(account)
    for path in data_dir.glob(f"{DATABASE_FILE}*"):  # the database, its WAL and shared memory
        path.unlink()
    print(f"Logged out; the local data in {data_dir} is deleted.")
    return 0


def _print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value).decode() + "\n")
