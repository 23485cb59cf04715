"""Posts command envelopes to a Microbizz endpoint with httpx."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from concurrent.futures import Executor

import httpx

from app import __version__
from app.api.envelope import (
    Command,
    CommandResult,
    Credentials,
    Response,
    build_envelope,
    parse_response,
)
from app.core.errors import TransportError

log = logging.getLogger(__name__)

REMOTE_AGENT = f"FieldClient/{__version__} (desktop)"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class Client:
    """One Microbizz account at one endpoint.

    The httpx client is shared by every call so connections are reused; pass one in to share
    it further (tests, the app). Bodies are parsed on `parse_executor` when given, so a large
    page never blocks the event loop's thread.
    """

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        parse_executor: Executor | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._credentials = credentials
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(timeout=timeout)
        self._parse_executor = parse_executor

    @property
    def username(self) -> str:
        return self._credentials.username

    async def send(self, commands: Sequence[Command], *, haltonerror: bool = False) -> Response:
        """Send `commands` in one request; results come back in order.

        Raises TransportError (not reached / not HTTP 200 / not JSON), EnvelopeRefused (status
        0, e.g. bad credentials) or MalformedData. A command the server refused is not an
        exception here: its result has `ok == False` (see `call` for the raising form).
        """
        body = build_envelope(
            self._credentials, commands, haltonerror=haltonerror, remoteagent=REMOTE_AGENT
        )
        names = ", ".join(command.name for command in commands)
        try:
            reply = await self._http.post(self.endpoint, data={"json": body.decode()})
        except httpx.TimeoutException:
            raise TransportError(f"The server did not answer in time ({names})") from None
        except httpx.HTTPError as error:
            reason = _reason(error)
            raise TransportError(f"Could not reach the server ({names}): {reason}") from None
        if reply.status_code != 200:
            raise TransportError(
                f"The server answered HTTP {reply.status_code} ({names})",
                status_code=reply.status_code,
            )
        content = reply.content
        if self._parse_executor is None:
            return parse_response(content, commands)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._parse_executor, parse_response, content, commands)

    async def call(self, command: Command) -> CommandResult:
        """Send one command; raise CommandRefused when the server says no."""
        response = await self.send([command], haltonerror=True)
        if not response.results:
            raise TransportError(f"The server sent no result for {command.name}")
        return response.results[0].raise_for_status()

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()


def _reason(error: httpx.HTTPError) -> str:
    text = str(error).strip()
    return text or type(error).__name__
