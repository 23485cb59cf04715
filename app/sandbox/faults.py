"""Fault injection: the next N requests (optionally only those with a given command) fail,
optionally after letting `after` such requests through first.

Modes: "http_500" (an HTML error page), "malformed" (HTTP 200, a body that is not JSON),
"drop" (the response head promises a body, then the connection closes), "delay" (answered
normally after `delay` seconds), "bandwidth" (answered normally, the body streamed at
`bytes_per_second`), "refuse_resumekey" (a request counts only if one of its commands — the
named one, or any — carries a resumekey; each such command fails with status 0 "Invalid
resumekey", as when the server has forgotten the pass, while the others run), "bad_objects"
(answered normally, but every list of objects in the answer also holds malformed ones: no id,
an id that is not a number, something that is not an object), "lose_answer" (the commands
run, then the connection closes as with "drop": a write applied whose answer never arrives).
With "http_500", "malformed" and "drop" the request is logged but its commands do not run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import orjson
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

MODES = ("http_500", "malformed", "drop", "delay", "bandwidth", "refuse_resumekey",
         "bad_objects", "lose_answer")
BROKEN_ANSWERS = frozenset({"http_500", "malformed", "drop"})
_OPTIONS = frozenset({"mode", "times", "delay", "command", "after", "bytes_per_second"})
_TICK = 0.05  # seconds between the chunks of a throttled body

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


# What "bad_objects" mixes into every list of objects.
BAD_OBJECTS: tuple[Any, ...] = (
    {"title": "Opgave uden id"},
    {"id": "ikke-et-tal", "title": "Forkert id"},
    "ikke et objekt",
    {"id": [7], "title": "Id som liste"},
)


def spoil_objects(body: bytes) -> bytes:
    """The answer with BAD_OBJECTS put in front of each list of objects (lists of sets)."""
    envelope = orjson.loads(body)
    for result in envelope.get("results", []):
        for key, value in result.items():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                result[key] = [*BAD_OBJECTS, *value]
    return orjson.dumps(envelope)


@dataclass(slots=True)
class Fault:
    mode: str
    times: int = 1
    delay: float = 0.0
    command: str | None = None
    after: int = 0
    bytes_per_second: float = 0.0

    @classmethod
    def from_json(cls, spec: Any) -> Fault:
        """Validate an admin request body; ValueError says what is wrong with it."""
        if not isinstance(spec, Mapping) or spec.get("mode") not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if unknown := set(spec) - _OPTIONS:
            raise ValueError(f"unknown fault options: {', '.join(sorted(unknown))}")
        times, after = spec.get("times", 1), spec.get("after", 0)
        delay, command = spec.get("delay", 1.0), spec.get("command")
        rate = spec.get("bytes_per_second", 0.0)
        if not _whole(times) or times < 1:
            raise ValueError("times must be a whole number of requests, at least 1")
        if not _whole(after) or after < 0:
            raise ValueError("after must be a whole number of requests")
        if not _number(delay) or delay < 0:
            raise ValueError("delay must be a number of seconds")
        if command is not None and not isinstance(command, str):
            raise ValueError("command must be a command name")
        if not _number(rate) or rate < 0 or (spec["mode"] == "bandwidth") != (rate > 0):
            raise ValueError("bytes_per_second (a positive number) goes with mode bandwidth")
        return cls(spec["mode"], times, float(delay), command, after, float(rate))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def refuses(self, params: Any) -> bool:
        """Whether this refuse_resumekey fault refuses one command of the request."""
        return (
            isinstance(params, Mapping)
            and params.get("resumekey") not in (None, "", False)
            and self.command in (None, params.get("command"))
        )

    def matches(self, commands: list[Any]) -> bool:
        """Whether a request with these commands counts for this fault."""
        if self.mode == "refuse_resumekey":
            return any(self.refuses(params) for params in commands)
        names = [params.get("command") for params in commands if isinstance(params, Mapping)]
        return self.command is None or self.command in names


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

    def take(self, commands: list[Any]) -> Fault | None:
        """The first fault this request (its list of commands) triggers; it is used up after
        `times` requests.

        Every fault the request matches counts it; one still letting requests through
        (`after`) passes it on to the next fault.
        """
        for fault in self._faults:
            if not fault.matches(commands):
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
        """Sit out a "delay" fault, or less if the server stops meanwhile."""
        await self._pause(fault.delay)

    def throttled(self, body: bytes, fault: Fault) -> Response:
        """The body of a "bandwidth" fault, streamed in chunks at its rate (all at once when
        the server stops meanwhile)."""
        size = max(1, int(fault.bytes_per_second * _TICK))

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(body), size):
                chunk = body[start : start + size]
                yield chunk
                await self._pause(len(chunk) / fault.bytes_per_second)

        return StreamingResponse(
            chunks(),
            media_type="application/json",
            headers={"content-length": str(len(body))},
        )

    async def _pause(self, seconds: float) -> None:
        """Wait, or less if the server stops meanwhile: without the early end uvicorn would
        cancel held requests at shutdown and log errors."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    def release_held(self) -> None:
        """End every delay now; call on the server's loop when it is about to stop."""
        self._stopping.set()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


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
    """The broken answer for a fault in BROKEN_ANSWERS, or for "lose_answer" (a drop)."""
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
