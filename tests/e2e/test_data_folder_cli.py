"""The data folder from the command line, in separate processes: a folder in use, missing, a
file, full or damaged is one clear sentence, never a traceback, and no unsent action is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from app.db import Store
from app.db.outbox import OutboxRepo
from app.db.store import DATABASE_FILE
from app.sandbox import SandboxServer
from tests.admin import commands_sent, fault
from tests.e2e.test_cli import queue_note, run_cli, sync_named_server
from tests.e2e.test_outbox_kill import driver, finish, free_tool, wait_for
from tests.folder_faults import fill, garble_table, small_disk


def on_server(server: SandboxServer, command: str, data_dir: Path):
    """`fieldclient COMMAND --server …` with the secrets in the environment."""
    creds = server.credentials
    return run_cli(
        command, "--server", server.url, "--contract", creds.contract, "--username",
        creds.username, "--data-dir", str(data_dir),
        env={"FIELDCLIENT_PASSWORD": creds.password, "FIELDCLIENT_APIKEY": creds.apikey},
    )


def outbox_states(data_dir: Path) -> list[str]:
    with sqlite3.connect(f"{(data_dir / DATABASE_FILE).as_uri()}?mode=ro", uri=True) as db:
        return [state for (state,) in db.execute("SELECT state FROM outbox ORDER BY id")]


def unsent_summaries(data_dir: Path) -> list[str]:
    store = Store.in_dir(data_dir)
    try:
        return [entry.summary for entry in OutboxRepo.of(store).unsent()]
    finally:
        store.close()


def test_a_second_command_on_a_folder_in_use_is_refused_and_the_send_goes_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    code, errors = finish(driver(sandbox, tmp_path, "--sync"))
    assert code == 0, errors
    tool = free_tool(sandbox)
    fault(sandbox, "delay", delay=3.0, command="PickupTool")
    first = driver(sandbox, tmp_path, "--pick-up", str(tool))
    try:
        wait_for(lambda: outbox_states(tmp_path) == ["sending"])

        second = sync_named_server(sandbox, tmp_path)
        assert second.returncode == 2
        assert "Field Client is already running on the data folder" in second.stderr
        assert "Traceback" not in second.stderr
        status = run_cli("status", "--data-dir", str(tmp_path), "--json")
        assert status.returncode == 0, status.stderr  # reading works beside a running app
    finally:
        code, errors = finish(first)
        httpx.delete(f"{sandbox.base_url}/_sandbox/faults").raise_for_status()
    assert code == 0, errors
    assert len(commands_sent(sandbox, "PickupTool")) == 1
    assert outbox_states(tmp_path) == ["done"]


def test_status_and_reset_on_a_missing_folder_say_so_and_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    status = run_cli("status", "--data-dir", str(missing))
    assert status.returncode == 2
    assert f"There is no data folder {missing}." in status.stderr
    reset = run_cli("reset", "--data-dir", str(missing))
    assert reset.returncode == 1
    assert f"There is no data folder {missing}." in reset.stderr
    assert "deleted" not in reset.stdout
    assert not missing.exists()


def test_a_folder_that_is_a_file_is_one_sentence_not_a_traceback(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("notes")
    for args in (["sync", "--sandbox", "--sandbox-scale", "0.05"], ["status"], ["reset"]):
        result = run_cli(*args, "--data-dir", str(not_a_folder))
        assert result.returncode != 0
        assert f"{not_a_folder} is a file, not a data folder" in result.stderr, args
        assert "Traceback" not in result.stderr
    assert not_a_folder.read_text() == "notes"


def test_a_full_disk_is_one_sentence_and_the_unsent_action_waits(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        assert sync_named_server(sandbox, data_dir).returncode == 0
        queue_note(sandbox, data_dir, "Ring før ankomst")
        filler = fill(disk)

        full = sync_named_server(sandbox, data_dir)
        assert full.returncode == 2
        assert "is full: free some space, then try again" in full.stderr
        assert "Traceback" not in full.stderr

        filler.unlink()
        [note] = unsent_summaries(data_dir)
        assert note.startswith("Note on")
        assert sync_named_server(sandbox, data_dir).returncode == 0


def test_sync_on_a_damaged_store_says_how_to_recover_and_recover_keeps_the_unsent_change(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    assert sync_named_server(sandbox, tmp_path).returncode == 0
    queue_note(sandbox, tmp_path, "Ring før ankomst")
    garble_table(tmp_path, "todo")

    refused = sync_named_server(sandbox, tmp_path)
    assert refused.returncode == 2
    assert f"The local data in {tmp_path} is damaged." in refused.stderr
    assert f'fieldclient recover --data-dir "{tmp_path}"' in refused.stderr
    assert "Traceback" not in refused.stderr

    recovered = on_server(sandbox, "recover", tmp_path)
    assert recovered.returncode == 0, recovered.stderr
    assert "The local data was rebuilt: 1 unsent change kept" in recovered.stderr
    assert [p.name for p in tmp_path.glob("fieldclient-damaged-*.sqlite3")]
    [note] = unsent_summaries(tmp_path)
    assert note.startswith("Note on")
    status = run_cli("status", "--data-dir", str(tmp_path), "--json")
    assert status.returncode == 0 and '"todo":0' not in status.stdout  # downloaded again

    again = on_server(sandbox, "recover", tmp_path)  # a sound store is left as it is
    assert again.returncode == 0
    assert f"The local data in {tmp_path} is not damaged: nothing to recover." in again.stderr
    assert len(list(tmp_path.glob("fieldclient-damaged-*.sqlite3"))) == 1
