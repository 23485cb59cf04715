"""The command line as testers' scripts use it, in separate processes, over loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sandbox import SandboxServer

FIELDCLIENT = [sys.executable, "-m", "app"]


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
    result = run_cli(
        "sync", "--server", sandbox.url, "--contract", creds.contract,
        "--username", creds.username, "--data-dir", str(tmp_path), "--log-level", "DEBUG",
        env={"FIELDCLIENT_PASSWORD": creds.password, "FIELDCLIENT_APIKEY": creds.apikey},
    )
    assert result.returncode == 0, result.stderr
    assert "Tasks" in result.stdout
    for secret in (creds.password, creds.apikey):
        assert secret not in result.stdout + result.stderr
        assert secret.encode() not in b"".join(p.read_bytes() for p in tmp_path.rglob("*")
                                              if p.is_file())


def test_sync_with_a_wrong_password_fails_with_the_servers_message(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    creds = sandbox.credentials
    result = run_cli(
        "sync", "--server", sandbox.url, "--contract", creds.contract,
        "--username", creds.username, "--data-dir", str(tmp_path),
        env={"FIELDCLIENT_PASSWORD": "not-the-password", "FIELDCLIENT_APIKEY": creds.apikey},
    )
    assert result.returncode == 1
    assert "Invalid login" in result.stdout
    assert "not-the-password" not in result.stdout + result.stderr


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
