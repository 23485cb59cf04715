"""The command line as testers' scripts use it, in separate processes, over loopback."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.api import Credentials
from app.composition import build_core, memory_connection
from app.core.kinds import Kind
from app.sandbox import SandboxServer
from tests.admin import fault

FIELDCLIENT = [sys.executable, "-m", "app"]


def queue_note(server: SandboxServer, data_dir: Path, text: str) -> None:
    """A technician's note saved on this device and not sent yet."""
    creds = server.credentials
    credentials = Credentials(creds.contract, creds.apikey, creds.username, creds.password)

    async def save() -> None:
        core = build_core(data_dir, memory_connection(data_dir, server.url, credentials))
        customer = min(core.store.objects.ids(Kind.CUSTOMER))
        await core.actions.post_note(Kind.CUSTOMER, customer, text)
        await core.aclose()

    asyncio.run(save())


def sync_named_server(
    server: SandboxServer, data_dir: Path, *extra: str, password: str | None = None
):
    """`fieldclient sync --server …` with the secrets in the environment, as testers run it."""
    creds = server.credentials
    return run_cli(
        "sync", "--server", server.url, "--contract", creds.contract, "--username",
        creds.username, "--data-dir", str(data_dir), *extra,
        env={"FIELDCLIENT_PASSWORD": password or creds.password,
             "FIELDCLIENT_APIKEY": creds.apikey},
    )


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [*FIELDCLIENT, *args], capture_output=True, text=True, timeout=timeout, env=environment
    )


def test_headless_sync_then_status_against_the_embedded_sandbox(tmp_path: Path) -> None:
    synced = run_cli("sync", "--sandbox", "--data-dir", str(tmp_path), "--json",
                     "--sandbox-scale", "0.2")
    assert synced.returncode == 0, synced.stderr
    summary = json.loads(synced.stdout)
    assert summary["ok"] is True
    counts = summary["counts"]
    assert all(counts[kind] > 0 for kind in ("todo", "customer", "person", "tool"))

    status = run_cli("status", "--data-dir", str(tmp_path), "--json")
    assert status.returncode == 0, status.stderr
    state = json.loads(status.stdout)
    assert state["counts"] == counts
    assert state["last_success"] == summary["finished"]
    assert {c["step"] for c in state["cursors"]} >= {"GetTodosByLastChange",
                                                     "GetToolsByLastChange"}
    assert all(c["phase"] == "normal" and c["resumekey"] is None for c in state["cursors"])


def test_sync_against_a_named_server_takes_secrets_from_the_environment(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    creds = sandbox.credentials
    result = sync_named_server(sandbox, tmp_path, "--log-level", "DEBUG")
    assert result.returncode == 0, result.stderr
    assert "Tasks" in result.stdout
    for secret in (creds.password, creds.apikey):
        assert secret not in result.stdout + result.stderr
        assert secret.encode() not in b"".join(p.read_bytes() for p in tmp_path.rglob("*")
                                              if p.is_file())


def test_sync_with_a_wrong_password_says_so_in_one_line(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    result = sync_named_server(sandbox, tmp_path, password="not-the-password")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Sync failed: The server refused the request: Invalid login: wrong contract, API key, "
        "username or password"
    ]
    assert result.stdout == ""
    assert "not-the-password" not in result.stdout + result.stderr


def test_a_server_error_is_one_line_without_the_requests_commands(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    fault(sandbox, "http_500", times=50)
    result = sync_named_server(sandbox, tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["Sync failed: The server answered HTTP 500"]


def test_sync_and_status_summaries_line_up(sandbox: SandboxServer, tmp_path: Path) -> None:
    synced = sync_named_server(sandbox, tmp_path)
    status = run_cli("status", "--data-dir", str(tmp_path))
    for result in (synced, status):
        assert result.returncode == 0, result.stderr
        rows = [line for line in result.stdout.splitlines()
                if line.startswith("  ") and ":" not in line]
        assert {row.split()[0] for row in rows} >= {"Tasks", "Registrations", "Product"}
        assert len({len(row.rstrip()) for row in rows}) == 1, result.stdout


def test_server_without_secrets_in_the_environment_is_refused_clearly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDCLIENT_")}
    result = subprocess.run(
        [*FIELDCLIENT, "sync", "--server", "http://127.0.0.1:9/api/endpoint.php",
         "--contract", "1", "--username", "u", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert result.returncode != 0
    assert "FIELDCLIENT_PASSWORD" in result.stderr


@pytest.mark.timeout(180)
def test_screenshot_after_sync_shows_the_filled_window(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    picture = tmp_path / "out.png"
    result = run_cli("--sandbox", "--quit-after-sync", "--screenshot", str(picture),
                     "--sandbox-scale", "0.2")
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 23)}
    assert len(colours) > 5  # rows of text, not an empty window


def test_reset_logs_out_and_deletes_the_local_data_when_all_is_sent(tmp_path: Path) -> None:
    synced = run_cli("sync", "--sandbox", "--data-dir", str(tmp_path), "--sandbox-scale", "0.05")
    assert synced.returncode == 0, synced.stderr
    reset = run_cli("reset", "--data-dir", str(tmp_path))
    assert reset.returncode == 0, reset.stderr
    assert not list(tmp_path.glob("fieldclient.sqlite3*"))
    assert not (tmp_path / "account.json").exists()


def test_reset_is_refused_while_changes_are_unsent_and_says_which(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    synced = sync_named_server(sandbox, tmp_path)
    assert synced.returncode == 0, synced.stderr
    queue_note(sandbox, tmp_path, "Ring før ankomst")

    refused = run_cli("reset", "--data-dir", str(tmp_path))
    assert refused.returncode == 1
    assert "Cannot reset the data: 1 change is not sent yet: Note on" in refused.stderr
    assert (tmp_path / "fieldclient.sqlite3").exists()


def test_a_new_store_is_announced_once(sandbox: SandboxServer, tmp_path: Path) -> None:
    first = sync_named_server(sandbox, tmp_path, "--log-level", "INFO")
    again = sync_named_server(sandbox, tmp_path, "--log-level", "INFO")
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert first.stderr.count("local store") == 1, first.stderr
    assert "Setting up the local store" in first.stderr
    assert "local store" not in again.stderr
