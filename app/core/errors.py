"""Errors a caller can act on, one class per thing the user or the code can do about it.

- TransportError: the server was not reached or did not answer in the protocol (retry later).
- EnvelopeRefused: the server refused the whole request, e.g. bad credentials (ask the user).
- CommandRefused: the server ran a command and said no (show its message; the call is kept).
- MalformedData: an answer was JSON but not the shape we rely on (log, skip what we can).

Messages never contain the password or the API key: parameters pass through
`redact()` before they are formatted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SECRET_KEYS = frozenset({"password", "apikey", "accesstoken"})


def redact(params: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `params` with every secret value replaced, at any depth."""
    return {
        key: "***" if key.lower() in SECRET_KEYS else _redact_value(value)
        for key, value in params.items()
    }


def _redact_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        return redact(value)
    if isinstance(value, list):
        return [_redact_value(item) for item in value]
    return value


class FieldClientError(Exception):
    """Base of every error this package raises on purpose."""


class TransportError(FieldClientError):
    """The request did not complete as HTTP + JSON: connect, timeout, HTTP status, not JSON.

    `may_have_arrived` is False only when the request certainly never left (the connection
    was not made): then a write can be sent again; otherwise its fate must be read back.
    """

    def __init__(
        self, message: str, *, status_code: int | None = None, may_have_arrived: bool = True
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.may_have_arrived = may_have_arrived


class EnvelopeRefused(FieldClientError):
    """The response envelope had status != 1: the server refused the whole request."""

    def __init__(self, server_message: str) -> None:
        super().__init__(f"The server refused the request: {server_message}")
        self.server_message = server_message


class CommandRefused(FieldClientError):
    """A command's result had status != 1."""

    def __init__(self, command: str, params: Mapping[str, Any], server_message: str) -> None:
        self.command = command
        self.params = redact(params)
        self.server_message = server_message
        super().__init__(f"{command} was refused: {server_message}")


class MalformedData(FieldClientError):
    """JSON arrived, but not in a shape the app can use."""
