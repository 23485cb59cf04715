"""Posts command envelopes to a Microbizz endpoint with httpx."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app import __version__
from app.api.envelope import (
    Command,
    CommandResult,
    Credentials,
    Response,
    build_envelope,
    parse_response,
)
from app.api.wire_loop import WireLoop
from app.core.callbacks import ignore
from app.core.errors import TransportError
from app.core.window_turn import WindowTurn

if TYPE_CHECKING:  # imported with the first request: a start paints its window sooner
    import httpx

log = logging.getLogger(__name__)

REMOTE_AGENT = f"FieldClient/{__version__} (desktop)"
# Seconds to wait for each read, and for the connection, unless a timeout is given.
DEFAULT_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
# httpx's timeouts are per read: a line that trickles a few bytes a second never trips them. So
# each request also has an overall deadline, body included. Two minutes carries a large sync
# page (about 1 MB) over a line of 10 kB/s; a request body (a photo) gets a second more per
# SLOWEST_UPLOAD bytes on top, so an upload is not cut off only for being large.
DEFAULT_DEADLINE = 120.0
SLOWEST_UPLOAD = 8_000  # bytes a second


class Client:
    """One Microbizz account at one endpoint.

    The HTTP exchanges run on a loop of their own (app/api/wire_loop.py), never on the
    caller's: the window's thread would otherwise run httpx's Python for every request of a
    sync. The httpx client is shared by every call so connections are reused. It is made
    there with the first request, not here: importing httpx and building its TLS context
    would keep a cold start's window from being painted (bench/cold_start.py), and on the
    caller's thread those 150 ms would freeze a window that is already up when its first sync
    starts (bench/gui_stall.py). One passed in (tests, benchmarks) is used there too, and
    closed with this client. Bodies are parsed on `parse_executor` when given, so a large page
    never blocks the caller's thread. `on_answer(response, seconds)` hears of each parsed
    answer and how long after its request left it was read: what the server's clock is
    measured against (app.core.clock.ServerTime).
    """

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | float | None = None,
        deadline: float = DEFAULT_DEADLINE,
        parse_executor: Executor | None = None,
        on_calls: Callable[[CallActivity], None] | None = None,
        on_answer: Callable[[Response, float], None] | None = None,
        turn: WindowTurn | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._credentials = credentials
        self._http = http  # used and made on the wire loop only
        self._wire = WireLoop(name="http", turn=turn)
        self._timeout = timeout
        self._deadline = deadline
        self._parse_executor = parse_executor
        self._on_calls = on_calls or ignore
        self._on_answer = on_answer or ignore
        self._turn = turn
        self._in_flight: dict[int, str] = {}
        self._next_call = 0
        self._reached: bool | None = None

    @property
    def username(self) -> str:
        return self._credentials.username

    def use_credentials(self, credentials: Credentials) -> None:
        """The office changed the password: every request from now on carries the new one
        (one already sent keeps the old, and its refusal is its caller's to handle)."""
        self._credentials = credentials

    async def send(self, commands: Sequence[Command], *, haltonerror: bool = False) -> Response:
        """Send `commands` in one request; results come back in order.

        Raises TransportError (not reached / no answer within the deadline / not HTTP 200 / not
        JSON), EnvelopeRefused (status 0, e.g. bad credentials) or MalformedData. A command
        the server refused is not an exception here: its result has `ok == False` (see `call`
        for the raising form).
        """
        body = build_envelope(
            self._credentials, commands, haltonerror=haltonerror, remoteagent=REMOTE_AGENT
        )
        names = ", ".join(command.name for command in commands)
        call = self._begin(names)
        started = time.monotonic()
        try:
            status_code, content = await self._wire.run(self._post(body))
        except TransportError:
            self._end(call, reached=False)
            raise
        except BaseException:
            self._end(call, reached=self._reached)
            raise
        self._end(call, reached=True)
        if status_code != 200:
            raise TransportError(
                f"The server answered HTTP {status_code}", status_code=status_code
            )
        parse = functools.partial(parse_response, content, commands, haltonerror=haltonerror)
        if self._parse_executor is None:
            response = parse()
        else:
            response = await asyncio.get_running_loop().run_in_executor(
                self._parse_executor, self._after_the_windows_turn, parse
            )
        self._on_answer(response, time.monotonic() - started)
        return response

    async def _post(self, body: bytes) -> tuple[int, bytes]:
        """On the wire loop: the request, and the answer's status and body; TransportError when
        there is none."""
        if self._http is None:  # one loop: requests sent at once share the one client made
            self._http = _new_http(self._timeout)
        import httpx  # imported by `_new_http`: a lookup now

        try:
            async with asyncio.timeout(self._deadline + len(body) / SLOWEST_UPLOAD):
                reply = await self._http.post(self.endpoint, data={"json": body.decode()})
        except (httpx.TimeoutException, TimeoutError) as error:
            arrived = not _never_left(error)
            raise TransportError(
                "The server did not answer in time"
                + ("; it may have received the request" if arrived else ""),
                may_have_arrived=arrived,
            ) from None
        except httpx.HTTPError as error:
            raise TransportError(
                not_reached(self.endpoint, error),
                may_have_arrived=not _never_left(error),
            ) from None
        return reply.status_code, reply.content

    def _after_the_windows_turn(self, parse: Callable[[], Response]) -> Response:
        """On the parser's thread: a page is decoded (the interpreter held throughout) once
        the window has repainted (app/core/window_turn.py)."""
        if self._turn is not None:
            self._turn.wait()
        return parse()

    @property
    def activity(self) -> CallActivity:
        return CallActivity(tuple(self._in_flight.values()), self._reached)

    def _begin(self, names: str) -> int:
        self._next_call += 1
        self._in_flight[self._next_call] = names
        self._on_calls(self.activity)
        return self._next_call

    def _end(self, call: int, *, reached: bool | None) -> None:
        self._in_flight.pop(call, None)
        self._reached = reached
        self._on_calls(self.activity)

    async def call(self, command: Command) -> CommandResult:
        """Send one command; raise CommandRefused when the server says no."""
        response = await self.send([command], haltonerror=True)
        return response.results[0].raise_for_status()

    async def aclose(self) -> None:
        """Close the httpx client (a passed-in one too: its connections belong to the wire
        loop) there, then stop the wire loop."""
        if self._http is not None:
            await self._wire.run(self._http.aclose())
        await self._wire.aclose()


@dataclass(frozen=True, slots=True)
class CallActivity:
    """The requests under way (their command names) and whether the last one reached the
    server (None before the first): what the sync indicator and the offline banner show."""

    in_flight: tuple[str, ...] = ()
    reached: bool | None = None


def _new_http(timeout: httpx.Timeout | float | None) -> httpx.AsyncClient:
    """An httpx client, httpx imported with it, on the wire loop's thread (see `Client`). So
    is the asyncio backend of anyio, which httpcore would otherwise import with its first
    connection (some 30 ms)."""
    import httpx

    with contextlib.suppress(ImportError):  # anyio's own name for it; only sooner if it moves
        importlib.import_module("anyio._backends._asyncio")

    if timeout is None:
        timeout = httpx.Timeout(DEFAULT_TIMEOUT, connect=CONNECT_TIMEOUT)
    return httpx.AsyncClient(timeout=timeout)


def _never_left(error: BaseException) -> bool:
    """Whether httpx raised `error` before the request was written: the server cannot have
    seen it."""
    import httpx

    return isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def not_reached(url: str, error: httpx.HTTPError, *, what: str = "the server") -> str:
    """Why `url` gave no answer, in words a user can act on (no final full stop).

    The cause is read from the exception chain, not its text: an https:// address of a
    plain-HTTP server fails inside the TLS handshake, which httpx reports as a connect error.
    """
    host = urlsplit(url).netloc
    cause = next((inner for inner in _chain(error) if isinstance(inner, _TOLD_APART)), None)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"{host} is not trusted: its certificate was refused ({cause.verify_message})"
    if isinstance(cause, ssl.SSLError):
        return f"{host} does not answer over HTTPS: check the address"
    if isinstance(cause, ConnectionRefusedError):
        return f"Could not reach {what}: nothing answers at {host}"
    if isinstance(cause, socket.gaierror):
        return f"Could not reach {what}: the name {urlsplit(url).hostname} is not known"
    text = str(error).strip()
    return f"Could not reach {what}: {text or type(error).__name__}"


# the causes `not_reached` says in words of their own
_TOLD_APART = (ssl.SSLError, ConnectionRefusedError, socket.gaierror)


def _chain(error: BaseException) -> Iterator[BaseException]:
    """`error` and what it was raised from or while handling, outermost first."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
