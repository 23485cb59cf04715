"""`fieldclient login --code`: the office's configuration code instead of four fields, as IT
staff script it, in separate processes against the sandbox's configuration service."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.sync.provisioning import CODE_SERVICE_ENV
from tests.admin import commands_sent
from tests.e2e.test_cli import run_cli
from tests.e2e.test_cli_login import assert_no_secret, keyring_env
from tests.local_service import answering


def without(*names: str) -> dict[str, str]:
    """This process's environment without `names`: what a clean shell would not have set."""
    return {name: value for name, value in os.environ.items() if name not in names}


def login_code(tmp_path: Path, code: str, *options: str, env: dict[str, str] | None = None):
    return run_cli("login", "--code", code, "--data-dir", str(tmp_path / "data"), *options,
                   env={**keyring_env(tmp_path), **(env or {})})


def test_a_code_signs_in_and_a_plain_sync_uses_the_kept_account(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    signed = login_code(tmp_path, " demo 471 ", "--code-service", sandbox.code_service_url)
    assert signed.returncode == 0, signed.stderr
    assert signed.stdout.startswith(f"Signed in as {sandbox.credentials.username} on "
                                    f"{sandbox.credentials.contract}")
    account = json.loads((tmp_path / "data" / "account.json").read_text())
    assert account["endpoint"] == sandbox.url

    synced = run_cli("sync", "--data-dir", str(tmp_path / "data"), "--json",
                     env=keyring_env(tmp_path))
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["ok"] is True
    assert_no_secret(sandbox, tmp_path / "data", signed.stdout, signed.stderr, synced.stdout,
                     synced.stderr)


def test_the_service_may_come_from_the_environment(sandbox: SandboxServer, tmp_path: Path
                                                   ) -> None:
    signed = login_code(tmp_path, "DEMO-471",
                        env={CODE_SERVICE_ENV: sandbox.code_service_url})
    assert signed.returncode == 0, signed.stderr
    assert (tmp_path / "data" / "account.json").exists()


def test_an_unknown_code_is_one_line_and_nothing_is_kept(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    refused = login_code(tmp_path, "ABCD-123", "--code-service", sandbox.code_service_url)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "The configuration code ABCD-123 is not known: check it with your office."]
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "keyring.json").exists()
    assert commands_sent(sandbox) == []


def test_without_a_code_service_login_says_what_would_do(tmp_path: Path) -> None:
    refused = run_cli("login", "--code", "ABCD-123", "--data-dir", str(tmp_path / "data"),
                      env={**without(CODE_SERVICE_ENV), **keyring_env(tmp_path)})
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "No configuration code service is set up: give its address with --code-service URL or "
        "FIELDCLIENT_CODE_SERVICE, or sign in with --server URL --contract C --username U."]
    assert not (tmp_path / "data").exists()


def test_a_mistyped_code_is_one_line(sandbox: SandboxServer, tmp_path: Path) -> None:
    refused = login_code(tmp_path, "ABC-123", "--code-service", sandbox.code_service_url)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "'ABC-123' is not a configuration code: it is 4 and 3 letters or digits, like ABCD-123."]


def test_a_code_and_a_server_together_are_refused(sandbox: SandboxServer, tmp_path: Path
                                                  ) -> None:
    refused = login_code(tmp_path, "DEMO-471", "--code-service", sandbox.code_service_url,
                         "--server", sandbox.url)
    assert refused.returncode != 0
    assert refused.stderr.strip().splitlines() == [
        "login takes --code or --server, not both: the code brings the server"]
    assert not (tmp_path / "data").exists()


def test_an_account_without_password_takes_the_one_given(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """A service that leaves the password to the technician: it is asked for (here from
    FIELDCLIENT_PASSWORD, as a script gives it) and checked with the server before anything
    is kept."""
    creds = sandbox.credentials
    answer = {"endpoint": sandbox.url, "contract": creds.contract, "apikey": creds.apikey,
              "username": creds.username}
    with answering(200, json.dumps(answer).encode()) as service:
        wrong = login_code(tmp_path, "ABCD-123", "--code-service", service,
                           env={"FIELDCLIENT_PASSWORD": "not-the-password"})
        signed = login_code(tmp_path, "ABCD-123", "--code-service", service,
                            env={"FIELDCLIENT_PASSWORD": creds.password})
    assert wrong.returncode == 1
    assert wrong.stderr.strip().splitlines() == [
        "The server did not accept the login: Invalid login: wrong contract, API key, "
        "username or password."]
    assert signed.returncode == 0, signed.stderr
    assert (tmp_path / "data" / "account.json").exists()


@pytest.mark.parametrize("command", [("sync",), ()], ids=["sync", "app"])
def test_a_server_in_clear_text_is_refused_before_any_request(
    sandbox: SandboxServer, tmp_path: Path, command: tuple[str, ...]
) -> None:
    creds = sandbox.credentials
    refused = run_cli(*command, "--server", "http://example.com/api", "--contract",
                      creds.contract, "--username", creds.username, "--data-dir",
                      str(tmp_path / "data"),
                      env={"FIELDCLIENT_PASSWORD": creds.password,
                           "FIELDCLIENT_APIKEY": creds.apikey})
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "http://example.com/api is not encrypted: use its https:// address, so the password is "
        "not sent in clear text."]
    assert not (tmp_path / "data").exists()
