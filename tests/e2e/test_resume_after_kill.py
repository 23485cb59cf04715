"""A sync process killed during the initial configuration resumes from the stored resumekey
after a restart and ends with exactly the server's objects: none missing, none twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.kinds import Kind
from app.db import Store
from app.db.store import DATABASE_FILE
from app.sandbox import SandboxServer
from tests.admin import commands_sent, fault

OBJECT_KINDS = [kind for kind in Kind if kind not in (Kind.REGISTRATION,)]


def sync_process(server: SandboxServer, data_dir: Path) -> subprocess.Popen[str]:
    creds = server.credentials
    env = {**os.environ, "FIELDCLIENT_PASSWORD": creds.password,
           "FIELDCLIENT_APIKEY": creds.apikey}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "sync", "--server", server.url, "--contract",
         creds.contract, "--username", creds.username, "--data-dir", str(data_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def loops_under_way(data_dir: Path) -> dict[str, tuple[str, int]]:
    """Cursor key → (resumekey, pages) for loops with a committed page and more to come."""
    path = data_dir / DATABASE_FILE
    if not path.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            rows = db.execute(
                "SELECT key, resumekey, pages FROM sync_cursor WHERE resumekey IS NOT NULL"
            ).fetchall()
    except sqlite3.OperationalError:  # tables not created yet
        return {}
    return {key: (resumekey, pages) for key, resumekey, pages in rows}


def contents(data_dir: Path) -> dict[Kind, set[int]]:
    store = Store.in_dir(data_dir)
    try:
        return {kind: store.objects.ids(kind) for kind in OBJECT_KINDS}
    finally:
        store.close()


def test_killed_initial_configuration_resumes_and_ends_exact(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    killed_dir, reference_dir = tmp_path / "killed", tmp_path / "reference"
    # Slow every page down so the kill lands in the middle of the loops.
    fault(sandbox, "delay", delay=0.25, times=10_000, command="GetTodosByLastChange")
    process = sync_process(sandbox, killed_dir)
    deadline = time.monotonic() + 60
    under_way: dict[str, tuple[str, int]] = {}
    while time.monotonic() < deadline and not under_way.get("GetTodosByLastChange"):
        time.sleep(0.05)
        under_way = loops_under_way(killed_dir)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)  # reaps it and closes its pipes
    assert "GetTodosByLastChange" in under_way, "the kill did not land during the task loop"
    stored_resumekey, _ = loops_under_way(killed_dir)["GetTodosByLastChange"]

    httpx.delete(f"{sandbox.base_url}/_sandbox/faults").raise_for_status()
    sent_before = len(commands_sent(sandbox, "GetTodosByLastChange"))
    resumed = sync_process(sandbox, killed_dir)
    _, errors = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, errors
    first_after_restart = commands_sent(sandbox, "GetTodosByLastChange")[sent_before]
    assert first_after_restart["resumekey"] == stored_resumekey

    reference = sync_process(sandbox, reference_dir)
    _, errors = reference.communicate(timeout=120)
    assert reference.returncode == 0, errors
    assert contents(killed_dir) == contents(reference_dir)
