"""Answers from the real sandbox, reshaped as another back end would send them.

The sandbox answers in the documented shapes; a live PHP back end may not (an associative
array for a list, odd values). `Reshaping` is an httpx transport that sends each request to the
sandbox over loopback and lets a test rewrite the answer's envelope before the app reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import orjson

Rewrite = Callable[[dict[str, Any]], None]


class Reshaping(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.rewrite: Rewrite | None = None  # set and cleared by the test

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        answer = await self._inner.handle_async_request(request)
        body = await answer.aread()
        if self.rewrite is not None and answer.status_code == 200:
            envelope = orjson.loads(body)
            self.rewrite(envelope)
            body = orjson.dumps(envelope)
        return httpx.Response(answer.status_code, content=body,
                              headers={"content-type": "application/json"})

    async def aclose(self) -> None:
        await self._inner.aclose()


def results_with(key: str, change: Callable[[dict[str, Any]], None]) -> Rewrite:
    """A rewrite that applies `change` to each result holding `key`."""

    def rewrite(envelope: dict[str, Any]) -> None:
        for result in envelope.get("results") or []:
            if isinstance(result, dict) and key in result:
                change(result)

    return rewrite
