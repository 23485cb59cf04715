"""Fault injection: the next N requests (optionally only those with a given command) fail,
optionally after letting `after` such requests through first.

Modes: "http_500" (an HTML error page), "malformed" (HTTP 200, a body that is not JSON),
"drop" (the response head promises a body, then the connection closes), "delay" (answered
normally after `delay` seconds). A faulted request is logged but its commands do not run,
except with "delay".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send

MODES = ("http_500", "malformed", "drop", "delay")

_ERROR_PAGE = (
    "<html><head><title>500 Internal Server Error</title></head><body>"
    "<h1>Internal Server Error</h1><p>The server encountered an internal error.</p>"
    "</body></html>"
)
# What a PHP back end sends when a warning leaks into the output and the script dies.
_BROKEN_JSON = (
    b'<br />\n<b>Warning</b>:  Undefined array key "userid" in '
    b"<b>/var/www/api/endpoint.php</b> on line <b>212</b><br />\n"
    b'{"status":1,"msg":"OK","date":"2024-01-01","results":[{"status":1,"todos":[{"id":1'
)


@dataclass(slots=True)
class Fault:
    mode: str
    times: int = 1
    delay: float = 0.0
    command: str | None = None
    after: int = 0

    @classmethod
    def from_json(cls, spec: Any) -> Fault:
        """Validate an admin request body; ValueError says what is wrong with it."""
        if not isinstance(spec, Mapping) or spec.get("mode") not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if unknown := set(spec) - {"mode", "times", "delay", "command", "after"}:
            raise ValueError(f"unknown fault options: {', '.join(sorted(unknown))}")
        times, after = spec.get("times", 1), spec.get("after", 0)
        delay, command = spec.get("delay", 1.0), spec.get("command")
        if not _whole(times) or times < 1:
            raise ValueError("times must be a whole number of requests, at least 1")
        if not _whole(after) or after < 0:
            raise ValueError("after must be a whole number of requests")
        if isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0:
            raise ValueError("delay must be a number of seconds")
        if command is not None and not isinstance(command, str):
            raise ValueError("command must be a command name")
        return cls(spec["mode"], times, float(delay), command, after)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class FaultPlan:
    """Faults waiting for requests, first added first used."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._stopping = asyncio.Event()

    def add(self, fault: Fault) -> None:
        self._faults.append(fault)

    def clear(self) -> None:
        self._faults.clear()

    def listing(self) -> list[dict[str, Any]]:
        return [fault.to_json() for fault in self._faults]

    def take(self, command_names: list[str]) -> Fault | None:
        """The first fault this request triggers; it is used up after `times` requests.

        Every fault the request matches counts it; one still letting requests through
        (`after`) passes it on to the next fault.
        """
        for fault in self._faults:
            if fault.command is not None and fault.command not in command_names:
                continue
            if fault.after:
                fault.after -= 1
                continue
            fault.times -= 1
            if fault.times == 0:
                self._faults.remove(fault)
            return fault
        return None

    async def hold(self, fault: Fault) -> None:
        """Sit out a "delay" fault, or less if the server stops meanwhile.

        Without the early end uvicorn would cancel the request at shutdown and log errors.
        """
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), fault.delay)

    def release_held(self) -> None:
        """End every delay now; call on the server's loop when it is about to stop."""
        self._stopping.set()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ConnectionDropped(Exception):
    """Raised once the response head is sent: uvicorn then closes the connection."""


class _DroppedResponse(Response):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", b"4096"),
                ],
            }
        )
        raise ConnectionDropped


def failure_response(fault: Fault) -> Response:
    """The broken answer for a fault other than "delay"."""
    if fault.mode == "http_500":
        return HTMLResponse(_ERROR_PAGE, status_code=500)
    if fault.mode == "malformed":
        return Response(_BROKEN_JSON, media_type="application/json")
    return _DroppedResponse()


class _HideDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


_HIDE_DROPS = _HideDrops()


def hide_dropped_connections() -> None:
    """Keep uvicorn from logging a deliberate drop as an application error (idempotent)."""
    logging.getLogger("uvicorn.error").addFilter(_HIDE_DROPS)
