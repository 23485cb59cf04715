"""Every way out of `fieldclient sync` and of the desktop app that a user or the OS takes: a
clear exit status, no traceback, nothing lost and nothing left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app.db import Store
from app.db.outbox import OutboxRepo, State
from app.sandbox import SandboxServer
from tests.admin import commands_sent, fault
from tests.e2e.test_cli import FIELDCLIENT, queue_note, run_cli, sync_named_server
from tests.e2e.test_resume_after_kill import loops_under_way, sync_process
from tests.unit.test_outbox_stop import notes_on_server

STOPPED = "Stopped; the next sync resumes where this one stopped."
STOP_SIGNALS = [pytest.param(signal.SIGINT, id="ctrl-c"), pytest.param(signal.SIGTERM, id="term")]
# A stop cancels a sync request under way; cut off before its body was read, the request
# makes the sandbox's uvicorn log an error.
REQUEST_CUT_OFF = pytest.mark.expected_warnings("uvicorn.error")


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


class App:
    """`fieldclient` (the desktop app, offscreen) in its own process; stderr goes to a file so
    the test can wait for a line while the app runs."""

    def __init__(self, folder: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.stderr = folder / "stderr.txt"
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
        with self.stderr.open("w") as errors:
            self.process = subprocess.Popen(
                [*FIELDCLIENT, "--log-level", "INFO", *args],
                stdout=subprocess.DEVNULL, stderr=errors, env=environment,
            )

    def said(self, text: str) -> bool:
        return text in self.stderr.read_text()

    def stop(self, signum: int) -> int:
        """Send the signal; the exit status (the test fails if the app does not end)."""
        self.process.send_signal(signum)
        return self.process.wait(timeout=20)


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[Callable[..., App]]:
    started: list[App] = []

    def start(*args: str, env: dict[str, str] | None = None) -> App:
        started.append(App(tmp_path, *args, env=env))
        return started[-1]

    yield start
    for app in started:  # one that did not stop must not outlive the test
        if app.process.poll() is None:
            app.process.kill()
            app.process.wait()


@REQUEST_CUT_OFF
@pytest.mark.parametrize("signum", STOP_SIGNALS)
def test_a_sync_stopped_by_a_signal_says_so_in_one_line_and_the_next_one_resumes(
    sandbox: SandboxServer, tmp_path: Path, signum: int
) -> None:
    fault(sandbox, "delay", delay=0.25, times=10_000, command="GetTodosByLastChange")
    process = sync_process(sandbox, tmp_path)
    wait_for(lambda: "GetTodosByLastChange" in loops_under_way(tmp_path))
    process.send_signal(signum)
    _, errors = process.communicate(timeout=30)
    assert process.returncode == 128 + signum
    assert "Traceback" not in errors
    assert errors.rstrip().splitlines()[-1] == STOPPED
    stored_resumekey, _ = loops_under_way(tmp_path)["GetTodosByLastChange"]

    httpx.delete(f"{sandbox.base_url}/_sandbox/faults").raise_for_status()
    sent_before = len(commands_sent(sandbox, "GetTodosByLastChange"))
    resumed = sync_process(sandbox, tmp_path)
    _, errors = resumed.communicate(timeout=60)
    assert resumed.returncode == 0, errors
    assert commands_sent(sandbox, "GetTodosByLastChange")[sent_before]["resumekey"] == (
        stored_resumekey)


@pytest.mark.parametrize("signum", STOP_SIGNALS)
def test_the_app_stopped_by_a_signal_removes_its_throwaway_sandbox_folder(
    start_app: Callable[..., App], tmp_path: Path, signum: int
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    app = start_app("--sandbox", "--sandbox-scale", "0.05", env={"TMPDIR": str(temp)})
    wait_for(lambda: app.said("Synchronised"))
    assert list(temp.glob("fieldclient-sandbox-*"))
    assert app.stop(signum) == 128 + signum
    assert not app.said("Traceback")
    assert not list(temp.iterdir())


@REQUEST_CUT_OFF  # the sync pass the app starts with
def test_the_app_stopped_while_a_note_is_sent_lets_the_answer_arrive(
    start_app: Callable[..., App], sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    assert sync_named_server(sandbox, data_dir).returncode == 0
    queue_note(sandbox, data_dir, "Måler aflæst")
    fault(sandbox, "delay", delay=1.0, command="PostMessage")
    args, env = named_server(sandbox, data_dir)
    app = start_app(*args, env=env)
    wait_for(lambda: bool(commands_sent(sandbox, "PostMessage")))
    assert app.stop(signal.SIGTERM) == 128 + signal.SIGTERM
    assert not app.said("Traceback")
    store = Store.in_dir(data_dir)
    try:
        assert [entry.state for entry in OutboxRepo.of(store).entries()] == [State.DONE]
    finally:
        store.close()
    assert notes_on_server(sandbox, "Måler aflæst") == 1


def named_server(sandbox: SandboxServer, data_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The arguments and environment that point the app at `sandbox`."""
    creds = sandbox.credentials
    return (["--server", sandbox.url, "--contract", creds.contract, "--username",
             creds.username, "--data-dir", str(data_dir)],
            {"FIELDCLIENT_PASSWORD": creds.password, "FIELDCLIENT_APIKEY": creds.apikey})


@REQUEST_CUT_OFF
def test_a_scripted_sync_and_screenshot_stopped_by_a_signal_ends_without_a_picture(
    start_app: Callable[..., App], sandbox: SandboxServer, tmp_path: Path
) -> None:
    fault(sandbox, "delay", delay=0.25, times=10_000, command="GetTodosByLastChange")
    data_dir, picture = tmp_path / "data", tmp_path / "out.png"
    args, env = named_server(sandbox, data_dir)
    app = start_app(*args, "--quit-after-sync", "--screenshot", str(picture), env=env)
    wait_for(lambda: "GetTodosByLastChange" in loops_under_way(data_dir))
    assert app.stop(signal.SIGTERM) == 128 + signal.SIGTERM
    assert not app.said("Traceback")
    assert not picture.exists()


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (["--screenshot", "{tmp}/out.png"], "--screenshot needs --quit-after-sync"),
        (["--quit-after-sync", "--screenshot", "{tmp}/missing/out.png"], "does not exist"),
        (["--quit-after-sync", "--screenshot", "{tmp}"], "is a folder"),
    ],
    ids=["without-quit-after-sync", "missing-folder", "a-folder"],
)
def test_a_screenshot_that_cannot_be_made_is_refused_before_the_app_starts(
    tmp_path: Path, args: list[str], refusal: str
) -> None:
    result = run_cli("--sandbox", "--sandbox-scale", "0.05",
                     *(arg.format(tmp=tmp_path) for arg in args),
                     env={"TMPDIR": str(tmp_path)}, timeout=30)
    assert result.returncode == 2
    assert refusal in result.stderr
    assert "Traceback" not in result.stderr


def test_a_screenshot_that_cannot_be_saved_fails_and_says_so(tmp_path: Path) -> None:
    picture = tmp_path / "out.not-an-image-format"
    result = run_cli("--sandbox", "--sandbox-scale", "0.05", "--quit-after-sync",
                     "--screenshot", str(picture))
    assert result.returncode == 1
    assert f"Could not save the screenshot to {picture}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not picture.exists()
