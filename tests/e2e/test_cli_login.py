"""`fieldclient login` and `logout` as IT staff script them, in separate processes, against the
sandbox over loopback; the keyring is a file-backed test backend chosen as keyring documents."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from tests.admin import commands_sent
from tests.e2e.test_cli import FIELDCLIENT, queue_note, run_cli
from tests.file_keyring import PATH_ENV
from tests.local_service import closed_port


def keyring_env(tmp_path: Path, backend: str = "tests.file_keyring.FileKeyring") -> dict:
    return {"PYTHON_KEYRING_BACKEND": backend, PATH_ENV: str(tmp_path / "keyring.json")}


def login(server: SandboxServer, data_dir: Path, tmp_path: Path, *, url: str | None = None,
          password: str | None = None, backend: str = "tests.file_keyring.FileKeyring"):
    creds = server.credentials
    return run_cli(
        "login", "--server", url or server.url, "--contract", creds.contract,
        "--username", creds.username, "--data-dir", str(data_dir),
        env={**keyring_env(tmp_path, backend),
             "FIELDCLIENT_PASSWORD": password or creds.password,
             "FIELDCLIENT_APIKEY": creds.apikey},
    )


def assert_no_secret(server: SandboxServer, data_dir: Path, *outputs: str) -> None:
    secrets = (server.credentials.password, server.credentials.apikey)
    files = [p.read_bytes().decode(errors="replace") for p in data_dir.rglob("*") if p.is_file()]
    for text in (*outputs, *files):
        assert not any(secret in text for secret in secrets)


def test_login_then_a_sync_without_server_uses_the_kept_account(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    signed = login(sandbox, data_dir, tmp_path)
    assert signed.returncode == 0, signed.stderr
    assert "Signed in as" in signed.stdout

    synced = run_cli("sync", "--data-dir", str(data_dir), "--json", env=keyring_env(tmp_path))
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["ok"] is True
    assert_no_secret(sandbox, data_dir, signed.stdout, signed.stderr, synced.stdout,
                     synced.stderr)

    out = run_cli("logout", "--data-dir", str(data_dir), env=keyring_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert not (data_dir / "account.json").exists()
    assert json.loads((tmp_path / "keyring.json").read_text()) == {}
    again = run_cli("sync", "--data-dir", str(data_dir), env=keyring_env(tmp_path))
    assert again.returncode == 2 and "No account is set up" in again.stderr


def test_a_wrong_password_is_one_line_and_nothing_is_kept(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    refused = login(sandbox, data_dir, tmp_path, password="not-the-password")
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "The server did not accept the login: Invalid login: wrong contract, API key, "
        "username or password."
    ]
    assert not (data_dir / "account.json").exists()
    assert not (tmp_path / "keyring.json").exists()
    assert_no_secret(sandbox, data_dir, refused.stdout, refused.stderr)
    assert "not-the-password" not in refused.stderr + refused.stdout


def test_an_unreachable_server_is_one_line(sandbox: SandboxServer, tmp_path: Path) -> None:
    with closed_port() as port:
        refused = login(sandbox, tmp_path / "data", tmp_path, url=f"http://127.0.0.1:{port}/api")
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"Could not reach the server: nothing answers at 127.0.0.1:{port}; nothing was saved."]
    assert not (tmp_path / "data" / "account.json").exists()


@pytest.mark.expected_warnings("uvicorn.error")  # the sandbox hears a TLS hello as bad HTTP
def test_https_to_a_plain_http_server_says_to_check_the_address(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    refused = login(sandbox, tmp_path / "data", tmp_path,
                    url=sandbox.url.replace("http://", "https://"))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"127.0.0.1:{sandbox.port} does not answer over HTTPS: check the address; nothing was "
        "saved."]
    assert not (tmp_path / "data" / "account.json").exists()
    assert not (tmp_path / "keyring.json").exists()


@pytest.mark.parametrize(("url", "says"), [
    ("not a url", "is not a server address"),
    ("ftp://x", "is not a server address"),
    ("http://example.com", "is not encrypted"),
])
def test_an_unusable_address_is_refused_before_any_request(
    sandbox: SandboxServer, tmp_path: Path, url: str, says: str
) -> None:
    refused = login(sandbox, tmp_path / "data", tmp_path, url=url)
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], lines
    assert not (tmp_path / "data").exists()
    assert commands_sent(sandbox) == []


def test_without_a_keyring_login_says_so_and_keeps_nothing(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    refused = login(sandbox, data_dir, tmp_path, backend="keyring.backends.fail.Keyring")
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "keyring is not available" in lines[0], lines
    assert not (data_dir / "account.json").exists()
    assert_no_secret(sandbox, data_dir, refused.stdout, refused.stderr)


def test_logout_is_refused_while_an_action_waits(sandbox: SandboxServer, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert login(sandbox, data_dir, tmp_path).returncode == 0
    assert run_cli("sync", "--data-dir", str(data_dir), env=keyring_env(tmp_path)).returncode == 0
    queue_note(sandbox, data_dir, "Pump replaced")

    refused = run_cli("logout", "--data-dir", str(data_dir), env=keyring_env(tmp_path))
    assert refused.returncode == 1
    assert refused.stderr.startswith("Cannot sign out: 1 change is not sent yet: Note on customer")
    assert (data_dir / "account.json").exists()
    assert json.loads((tmp_path / "keyring.json").read_text()) != {}


def test_without_a_terminal_or_the_secrets_login_says_which_to_set(tmp_path: Path) -> None:
    """A script without FIELDCLIENT_PASSWORD / FIELDCLIENT_APIKEY gets one line, not a prompt
    nobody answers (nor the traceback of one that reads end of input)."""
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("FIELDCLIENT_PASSWORD", "FIELDCLIENT_APIKEY")}
    refused = subprocess.run(
        [*FIELDCLIENT, "login", "--server", "https://microbizz.example/api", "--contract", "1",
         "--username", "tech", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**environment, **keyring_env(tmp_path)},
    )
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "No terminal to ask for the password and API key on: set FIELDCLIENT_PASSWORD and "
        "FIELDCLIENT_APIKEY."]
    assert not (tmp_path / "data").exists()
