"""An action survives the app being killed at each step of sending: after a restart it
reaches the server exactly once and the local state matches the server's."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from app.core.kinds import Kind
from app.db import Store
from app.db.outbox import OutboxRepo, State
from app.sandbox import SandboxServer
from tests.admin import commands_sent, fault


def driver(server: SandboxServer, data_dir: Path, *args: str) -> subprocess.Popen[str]:
    creds = server.credentials
    env = {**os.environ, "FIELDCLIENT_PASSWORD": creds.password,
           "FIELDCLIENT_APIKEY": creds.apikey}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.outbox_driver", str(data_dir), server.url,
         creds.contract, creds.username, *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    """Its exit status (negative: killed by that signal) and what it said on stderr."""
    _, errors = process.communicate(timeout=60)
    return process.returncode, errors


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def free_tool(server: SandboxServer) -> int:
    return next(
        tool["id"] for tool in server.state.store("tool").objects()
        if not tool.get("carrier_userid") and not tool.get("isdeleted")
        and tool.get("isactive", 1) and not tool.get("placeofhome")
    )


def carrier_on_server(server: SandboxServer, tool: int) -> int:
    return int(server.state.store("tool").get(tool)["carrier_userid"] or 0)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("step", ["before_request", "server_applied", "after_response"])
def test_a_killed_send_reaches_the_server_exactly_once(
    sandbox: SandboxServer, tmp_path: Path, step: str
) -> None:
    code, errors = finish(driver(sandbox, tmp_path, "--sync"))
    assert code == 0, errors
    tool, user = free_tool(sandbox), sandbox.state.demo_user_id

    if step == "server_applied":
        # The server applies the call, then the app dies before the answer comes.
        fault(sandbox, "delay", delay=2.0, command="PickupTool")
        process = driver(sandbox, tmp_path, "--pick-up", str(tool))
        wait_for(lambda: carrier_on_server(sandbox, tool) == user
                 or bool(commands_sent(sandbox, "PickupTool")))
        process.kill()
        assert finish(process)[0] < 0
        wait_for(lambda: carrier_on_server(sandbox, tool) == user)
        httpx.delete(f"{sandbox.base_url}/_sandbox/faults").raise_for_status()
    else:
        code, errors = finish(driver(sandbox, tmp_path, "--pick-up", str(tool), "--die", step))
        assert code < 0, errors

    sent_before_restart = len(commands_sent(sandbox, "PickupTool"))
    assert sent_before_restart == (0 if step == "before_request" else 1)
    code, errors = finish(driver(sandbox, tmp_path))  # the restarted app settles and sends
    assert code == 0, errors

    assert len(commands_sent(sandbox, "PickupTool")) == 1
    assert carrier_on_server(sandbox, tool) == user
    store = Store.in_dir(tmp_path)
    try:
        assert store.objects.get(Kind.TOOL, tool)["carrier_userid"] == user
        entries = OutboxRepo.of(store).entries()
        assert [entry.state for entry in entries] == [State.DONE]
    finally:
        store.close()
