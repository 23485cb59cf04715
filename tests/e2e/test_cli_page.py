"""Main pages from the command line: `fieldclient page KIND:ID` prints one as data, and
`--open KIND:ID` renders one in the window, as testers' scripts use them."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.kinds import Kind
from app.db import Store
from app.db.folder import FolderLock
from app.sandbox import SandboxServer
from tests.e2e.test_cli import run_cli, sync_named_server


def _task_with_description(data_dir: Path) -> dict:
    store = Store.reader(data_dir)
    try:
        return next(t for t in store.objects.find(Kind.TODO) if t.get("description"))
    finally:
        store.close()


def test_page_prints_each_box_in_order_shown_or_hidden_and_why(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    assert sync_named_server(sandbox, tmp_path).returncode == 0
    task = _task_with_description(tmp_path)
    with FolderLock(tmp_path):  # beside a running app: it only reads
        as_json = run_cli("page", f"todo:{task['id']}", "--data-dir", str(tmp_path), "--json")
        readable = run_cli("page", f"todo:{task['id']}", "--data-dir", str(tmp_path))
    assert as_json.returncode == 0, as_json.stderr
    page = json.loads(as_json.stdout)
    assert (page["kind"], page["object_id"]) == ("todo", task["id"])
    boxes = page["boxes"]
    assert [b["sortorder"] for b in boxes] == sorted(b["sortorder"] for b in boxes)
    description = next(b for b in boxes if b["type"] == "description")
    assert description["shown"] and description["reason"] == ""
    assert description["content"]["text"] == task["description"].strip()
    assert all(b["reason"] for b in boxes if not b["shown"])  # every hidden box says why

    assert readable.returncode == 0, readable.stderr
    lines = readable.stdout.splitlines()
    assert lines[0] == f"todo:{task['id']}: {len(boxes)} box(es), " \
                       f"{sum(b['shown'] for b in boxes)} shown"
    assert any("shown" in line and "description" in line for line in lines)


def test_a_bad_page_address_or_an_object_not_here_is_one_line_and_exit_2(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    assert sync_named_server(sandbox, tmp_path).returncode == 0
    for address, says in (
        ("boat:1", "is not a page: write KIND:ID with KIND one of todo, customer, person, tool"),
        ("todo:abc", "is not a page: the ID after todo: must be a number"),
        ("todo:987654321", "There is no todo 987654321 on this device."),
    ):
        result = run_cli("page", address, "--data-dir", str(tmp_path))
        assert result.returncode == 2
        assert result.stdout == ""
        assert says in result.stderr.strip().splitlines()[-1]


def test_open_renders_the_objects_page_after_a_sync_with_a_named_server(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    assert sync_named_server(sandbox, tmp_path).returncode == 0
    task = _task_with_description(tmp_path)
    creds = sandbox.credentials
    server = ("--server", sandbox.url, "--contract", creds.contract, "--username",
              creds.username, "--data-dir", str(tmp_path))
    secrets = {"FIELDCLIENT_PASSWORD": creds.password, "FIELDCLIENT_APIKEY": creds.apikey}
    picture = tmp_path / "page.png"
    shown = run_cli(*server, "--open", f"todo:{task['id']}", "--quit-after-sync",
                    "--screenshot", str(picture), env=secrets)
    assert shown.returncode == 0, shown.stderr
    assert picture.stat().st_size > 10_000

    missing = run_cli(*server, "--open", "tool:987654321", "--quit-after-sync", env=secrets)
    assert missing.returncode == 2
    assert "There is no tool 987654321 on this device." in missing.stderr
    refused = run_cli("--open", "task:1", "--quit-after-sync")
    assert refused.returncode == 2
    assert "is not a page" in refused.stderr
