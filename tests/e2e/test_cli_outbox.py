"""`fieldclient outbox`: what support asks a technician to run, in a separate process."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

from app.composition import build_core, sandbox_connection
from app.core.kinds import Kind
from app.sandbox import SandboxServer
from tests.e2e.test_cli import run_cli

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40


def a_day_of_work(server: SandboxServer, data_dir: Path) -> None:
    """A note that arrived, a state change the server refused and a photo not sent yet."""

    async def work() -> None:
        core = build_core(data_dir, sandbox_connection(server, data_dir))
        try:
            assert (await core.engine.run_pass()).ok
            task = min(core.store.objects.ids(Kind.TODO))
            await core.actions.post_note(Kind.TODO, task, "Kedlen er skiftet")
            await core.actions.change_task_state(task, 9999)
            await core.sender.run_once()
            await core.actions.attach_photo(Kind.TODO, task, "Måler", JPEG)
        finally:
            await core.aclose()

    asyncio.run(work())


def test_outbox_lists_each_change_with_its_state_and_the_servers_message(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    a_day_of_work(sandbox, tmp_path)
    listed = run_cli("outbox", "--data-dir", str(tmp_path), "--json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)["entries"]
    assert [(e["command"], e["state"]) for e in entries] == [
        ("PostMessage", "done"), ("CreateUpdateTodo", "failed"), ("AddPhotoToTodo", "pending")]
    refused = entries[1]
    assert refused["server_message"] == "Invalid stateid: 9999"
    assert refused["attempts"] == 1 and refused["object"].startswith("todo:")
    assert entries[2]["params"]["imagedata"] == f"<{len(JPEG):,} bytes>"

    text = run_cli("outbox", "--data-dir", str(tmp_path))
    assert text.returncode == 0, text.stderr
    assert "3 change(s) on this device, 2 not sent yet" in text.stdout
    assert "failed" in text.stdout and "Invalid stateid: 9999" in text.stdout
    for output in (listed.stdout, text.stdout):
        assert base64.b64encode(JPEG).decode()[:40] not in output
        assert sandbox.credentials.password not in output
        assert sandbox.credentials.apikey not in output


def test_outbox_on_a_folder_without_data_says_so_and_creates_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "never-used"
    empty.mkdir()
    result = run_cli("outbox", "--data-dir", str(empty))
    assert result.returncode == 2
    assert "no local data in" in result.stderr and "Traceback" not in result.stderr
    assert list(empty.iterdir()) == []
