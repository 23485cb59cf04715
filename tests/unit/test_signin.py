"""The sentences `check_login` gives the command line and the set-up wizard alike, against the
sandbox over loopback."""

from __future__ import annotations

import asyncio

import pytest

from app.api import Credentials
from app.sandbox import SandboxServer
from app.sync.account import Account
from app.sync.signin import SignInRefused, check_login
from tests.local_service import closed_port


def refusal(endpoint: str, server: SandboxServer, *, password: str | None = None) -> str:
    creds = server.credentials
    account = Account(endpoint, creds.contract, creds.username)
    with pytest.raises(SignInRefused) as refused:
        asyncio.run(check_login(account, Credentials(
            creds.contract, creds.apikey, creds.username, password or creds.password)))
    return str(refused.value)


@pytest.mark.expected_warnings("uvicorn.error")  # the sandbox hears a TLS hello as bad HTTP
def test_https_to_a_plain_http_server_says_to_check_the_address(sandbox: SandboxServer) -> None:
    assert refusal(sandbox.url.replace("http://", "https://"), sandbox) == (
        f"127.0.0.1:{sandbox.port} does not answer over HTTPS: check the address; nothing was "
        "saved.")


def test_a_server_nobody_answers_at_is_said_so(sandbox: SandboxServer) -> None:
    with closed_port() as port:
        assert refusal(f"http://127.0.0.1:{port}/api", sandbox) == (
            f"Could not reach the server: nothing answers at 127.0.0.1:{port}; nothing was saved.")


def test_a_wrong_password_is_the_servers_sentence(sandbox: SandboxServer) -> None:
    assert refusal(sandbox.url, sandbox, password="not-the-password") == (
        "The server did not accept the login: Invalid login: wrong contract, API key, username "
        "or password.")
