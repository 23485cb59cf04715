"""The request and response envelopes of the Microbizz JSON API.

Request: {contract, apikey, username, password, remoteagent, haltonerror, commands[]}, each
command a set {"command": name, ...parameters}. Response: {status, msg, date, time, results[]},
one result per command in order; a result is {status, msg?, ...outputs}.

An answer that breaks these rules is MalformedData, never an IndexError or a refusal with an
empty reason: fewer results than commands (unless haltonerror stopped the batch at a refused
one), or a result with no status (the command may have run: a write is then read back).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from app.core.errors import CommandRefused, EnvelopeRefused, MalformedData, TransportError, redact
from app.core.values import as_int, as_moment, as_str


@dataclass(frozen=True, slots=True)
class Credentials:
    """What identifies the user to Microbizz. `repr` never shows the secrets."""

    contract: str
    apikey: str = field(repr=False)
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any]:
        return {"command": self.name, **self.params}

    def describe(self) -> str:
        """The call as a person reads it in the log or the failed-calls view, secrets redacted."""
        shown = orjson.dumps(redact(self.params), option=orjson.OPT_SORT_KEYS).decode()
        return f"{self.name} {shown}"


NO_REASON = "the server gave no reason"


@dataclass(frozen=True, slots=True)
class CommandResult:
    """One command's result. `status` is None when the result had none (or was not a set):
    then nobody knows whether the command ran, and `message` says what was wrong."""

    command: Command
    status: int | None
    message: str
    data: Mapping[str, Any]

    @property
    def ok(self) -> bool:
        return self.status == 1

    def raise_for_status(self) -> CommandResult:
        """CommandRefused when the server said no; MalformedData when it did not say."""
        if self.status is None:
            raise MalformedData(self.message)
        if not self.ok:
            raise CommandRefused(self.command.name, self.command.params, self.message)
        return self


@dataclass(frozen=True, slots=True)
class Response:
    """A parsed response envelope.

    `date`/`time` are when the server received the request: the only valid next sync cursor.
    `not_run` lists the commands that got no result because `haltonerror` stopped the batch.
    """

    date: str
    time: str
    results: Sequence[CommandResult]
    not_run: Sequence[Command] = ()

    @property
    def received(self) -> datetime | None:
        """The server's date/time as one moment; None when either is missing or garbled."""
        return as_moment(self.date, self.time)


def build_envelope(
    credentials: Credentials,
    commands: Sequence[Command],
    *,
    haltonerror: bool,
    remoteagent: str,
) -> bytes:
    envelope = {
        "contract": _contract(credentials.contract),
        "apikey": credentials.apikey,
        "username": credentials.username,
        "password": credentials.password,
        "remoteagent": remoteagent,
        "haltonerror": 1 if haltonerror else 0,
        "commands": [command.to_wire() for command in commands],
    }
    return orjson.dumps(envelope)


def _contract(contract: str) -> int | str:
    """The contract number as the documented examples send it: a JSON number when it is one.

    Kept a string when a number would change it: a leading zero, or more digits than a PHP
    float holds exactly (PHP decodes big integers as floats).
    """
    if contract.isascii() and contract.isdigit() and contract[0] != "0" and len(contract) <= 15:
        return int(contract)
    return contract


def parse_response(
    body: bytes, commands: Sequence[Command], *, haltonerror: bool = False
) -> Response:
    """Parse a response body; raise the error class a caller can act on.

    Runs on the store's writer thread for large bodies (see `Client.send`), so it is a pure
    function of its inputs.
    """
    try:
        envelope = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        preview = body[:120].decode("utf-8", "replace").strip()
        raise TransportError(f"The server's answer is not JSON ({error}): {preview!r}") from None
    if not isinstance(envelope, dict):
        raise TransportError("The server's answer is JSON but not a response envelope")
    if as_int(envelope.get("status")) != 1:
        raise EnvelopeRefused(as_str(envelope.get("msg")).strip() or NO_REASON)
    raw_results = envelope.get("results")
    if not isinstance(raw_results, list):
        raise MalformedData("The response envelope has no list of results")
    results = [
        _parse_result(command, raw) for command, raw in zip(commands, raw_results, strict=False)
    ]
    # haltonerror: the server stops at the first refused command and answers up to it.
    halted = bool(haltonerror and results and results[-1].status not in (None, 1))
    if len(raw_results) > len(commands) or (len(results) < len(commands) and not halted):
        names = ", ".join(command.name for command in commands)
        raise MalformedData(
            f"The server sent {len(raw_results)} results for {len(commands)} commands ({names})"
        )
    return Response(
        date=as_str(envelope.get("date")),
        time=as_str(envelope.get("time")),
        results=results,
        not_run=tuple(commands[len(results) :]),
    )


def _parse_result(command: Command, raw: Any) -> CommandResult:
    if not isinstance(raw, dict):
        message = f"The server's answer to {command.name} is not in the form the app expects"
        return CommandResult(command, None, message, {})
    if raw.get("status") in (None, ""):
        return CommandResult(
            command, None, f"The server's answer to {command.name} has no status", raw
        )
    status = as_int(raw.get("status"))
    message = as_str(raw.get("msg")).strip()
    return CommandResult(command, status, message or ("" if status == 1 else NO_REASON), raw)
