"""The configuration code: how a technician may type it, and its exchange for the account
against the sandbox's configuration service, over loopback, and against a service that answers
something else (a tiny local HTTP server)."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.sandbox import SandboxServer
from app.sync.provisioning import (
    CODE_SERVICE_ENV,
    BadCode,
    CodeRefused,
    HttpCodeExchange,
    Provisioned,
    code_exchange_from,
    normalise_code,
)
from tests.admin import commands_sent
from tests.local_service import answering, closed_port


@pytest.mark.parametrize(("typed", "code"), [
    ("ABCD-123", "ABCD-123"),
    (" abcd-123 ", "ABCD-123"),
    ("abcd 123", "ABCD-123"),
    ("abcd123", "ABCD-123"),
    ("demo-471\n", "DEMO-471"),
])
def test_a_code_is_read_however_it_is_typed(typed: str, code: str) -> None:
    assert normalise_code(typed) == code


@pytest.mark.parametrize("typed", ["", "ABC-123", "ABCD-1234", "ABCD--123", "AB CD 123",
                                   "ABCD_123", "ÆBCD-123", "https://x"])
def test_what_is_not_a_code_is_one_sentence_saying_what_one_looks_like(typed: str) -> None:
    with pytest.raises(BadCode) as refused:
        normalise_code(typed)
    assert str(refused.value).endswith("is not a configuration code: it is 4 and 3 letters or "
                                       "digits, like ABCD-123.")


def exchange(url: str, code: str) -> Provisioned:
    return asyncio.run(HttpCodeExchange(url, timeout=5).exchange(code))


def test_the_sandbox_code_brings_the_demo_account(sandbox: SandboxServer) -> None:
    creds = sandbox.credentials
    account = exchange(sandbox.code_service_url, sandbox.configuration_code.lower())
    assert account == Provisioned(sandbox.url, creds.contract, creds.apikey, creds.username,
                                  creds.password)
    assert creds.apikey not in repr(account) and creds.password not in repr(account)
    assert commands_sent(sandbox) == []  # the exchange is not a Microbizz request


def test_an_unknown_code_is_refused_in_one_sentence(sandbox: SandboxServer) -> None:
    with pytest.raises(CodeRefused) as refused:
        exchange(sandbox.code_service_url, "ABCD-123")
    assert str(refused.value) == ("The configuration code ABCD-123 is not known: check it with "
                                  "your office.")


def test_an_unreachable_service_is_one_sentence() -> None:
    with closed_port() as port, pytest.raises(CodeRefused) as refused:
        exchange(f"http://127.0.0.1:{port}/code", "ABCD-123")
    assert str(refused.value) == (f"Could not reach the configuration service: nothing answers "
                                  f"at 127.0.0.1:{port}.")


@pytest.mark.parametrize("url", ["http://codes.example/exchange", "codes.example", ""])
def test_a_service_address_that_would_carry_the_key_in_clear_is_refused(url: str) -> None:
    with pytest.raises(CodeRefused) as refused:
        exchange(url, "ABCD-123")
    assert str(refused.value).startswith("The configuration service cannot be used: ")


@pytest.mark.parametrize(("status", "body", "says"), [
    (200, b"<html>welcome</html>", "did not answer with an account"),
    (200, b'{"endpoint": "https://m.example/api", "contract": "4711"}',
     "did not answer with an account"),
    (200, b'{"endpoint": "https://m.example/api", "contract": 4711, "apikey": "k", '
          b'"username": "u"}', "did not answer with an account"),
    (200, b'["https://m.example/api", "4711", "k", "u"]', "did not answer with an account"),
    (200, b'{"endpoint": "http://m.example/api", "contract": "4711", "apikey": "k", '
          b'"username": "u"}', "gave a server address that cannot be used: http://m.example/api "
                               "is not encrypted"),
    (500, b"Internal Server Error", "answered HTTP 500: try again later."),
    (404, b"Not Found", "The configuration code ABCD-123 is not known"),
    (200, b'{"error": "expired"}', "The configuration code ABCD-123 is not known"),
])
def test_an_answer_that_is_not_an_account_is_one_sentence(
    status: int, body: bytes, says: str
) -> None:
    with answering(status, body) as url, pytest.raises(CodeRefused) as refused:
        exchange(url, "ABCD-123")
    message = str(refused.value)
    assert says in message and message.endswith(".") and "\n" not in message


def test_an_answer_without_password_leaves_it_to_the_user() -> None:
    account = {"endpoint": "https://m.example/api", "contract": "4711", "apikey": "k",
               "username": "tech@example.com"}
    with answering(200, json.dumps(account).encode()) as url:
        assert exchange(url, "ABCD-123") == Provisioned(**account)  # password None


def test_the_service_comes_from_the_option_else_the_environment() -> None:
    assert code_exchange_from({}) is None
    assert code_exchange_from({CODE_SERVICE_ENV: "  "}) is None
    assert isinstance(code_exchange_from({CODE_SERVICE_ENV: "https://a.example/code"}),
                      HttpCodeExchange)
    assert isinstance(code_exchange_from({}, "https://b.example/code"), HttpCodeExchange)


def test_the_option_wins_over_the_environment(sandbox: SandboxServer) -> None:
    chosen = code_exchange_from({CODE_SERVICE_ENV: "http://127.0.0.1:9/nothing"},
                                sandbox.code_service_url)
    assert chosen is not None
    assert asyncio.run(chosen.exchange(sandbox.configuration_code)).endpoint == sandbox.url
