"""The Microbizz envelope: parse a request's `json` field, run its commands, build the answer.

Free of HTTP so the rules (login, malformed requests, haltonerror, per-command status) sit
in one place. Every answer carries the server date and time the request was received.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from app.sandbox.clock import date_and_time
from app.sandbox.commands import Context, run_command
from app.sandbox.commands.resumekeys import INVALID_RESUMEKEY
from app.sandbox.state import SandboxState
from app.sandbox.values import truthy

INVALID_LOGIN = "Invalid login: wrong contract, API key, username or password"


@dataclass(frozen=True, slots=True)
class Envelope:
    """A request as far as it could be read; `problem` says why it is malformed."""

    fields: dict[str, Any] = field(default_factory=dict)
    commands: list[Any] = field(default_factory=list)
    haltonerror: bool = False
    problem: str | None = None

    @classmethod
    def parse(cls, raw: str | None) -> Envelope:
        if raw is None:
            return cls(problem="no json field")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return cls(problem="the json field is not valid JSON")
        if not isinstance(data, dict):
            return cls(problem="the json field is not an object")
        commands = data.get("commands")
        if not isinstance(commands, list):
            return cls(data, problem="commands is missing or not a list")
        return cls(data, commands, truthy(data.get("haltonerror")))


def answer(
    state: SandboxState,
    envelope: Envelope,
    received: datetime,
    refused: Callable[[Any], bool] | None = None,
) -> bytes:
    """The response body: the results of every command, or why the request was refused.

    `refused` picks commands whose resumekey the server pretends not to know (a fault).
    """
    day, time = date_and_time(received)
    if envelope.problem is not None:
        return _refusal(f"Malformed request: {envelope.problem}", day, time)
    if not state.credentials.accept(envelope.fields):
        return _refusal(INVALID_LOGIN, day, time)
    ctx = Context(received=received, user_id=state.setup.current_user_id)
    results = []
    for params in envelope.commands:
        if refused is not None and refused(params):
            result = {"status": 0, "msg": INVALID_RESUMEKEY}
        else:
            result = run_command(state, params, ctx)
        results.append(result)
        if envelope.haltonerror and result["status"] != 1:
            break
    return orjson.dumps({"status": 1, "msg": "OK", "date": day, "time": time, "results": results})


def _refusal(message: str, day: str, time: str) -> bytes:
    return orjson.dumps({"status": 0, "msg": message, "date": day, "time": time, "results": []})
