"""Helpers the sandbox tests share: calling the endpoint, paging, the admin routes, a clock.

Named like the sandbox tests so it sits with them; it holds no tests itself.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import httpx

from app.sandbox import SandboxCredentials, SandboxServer

START = datetime(2025, 5, 14, 10, 0, 0)  # a Wednesday


class MovableClock:
    """The server's clock in tests that need "exactly what changed since": it stands still
    until a test moves it, so a cursor taken after `advance` is later than every earlier
    change."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def login(credentials: SandboxCredentials) -> dict[str, str]:
    return {
        "contract": credentials.contract,
        "apikey": credentials.apikey,
        "username": credentials.username,
        "password": credentials.password,
    }


def post(client: httpx.Client, server: SandboxServer, envelope: dict[str, Any]) -> dict:
    response = client.post(server.url, data={"json": json.dumps(envelope)})
    assert response.status_code == 200
    return response.json()


def call(client: httpx.Client, server: SandboxServer, *commands: dict, **envelope: Any) -> dict:
    return post(
        client, server, {**login(server.credentials), "commands": list(commands), **envelope}
    )


def result(client: httpx.Client, server: SandboxServer, command: str, **params: Any) -> dict:
    """The result set of one command."""
    return call(client, server, {"command": command, **params})["results"][0]


def page_through(client, server, command: str, key: str, **params: Any) -> list[dict]:
    """Every object of a …ByLastChange pass; asserts each page but the last is full."""
    page_size = server.state.page_size
    objects, resumekey = [], params.pop("resumekey", None)
    while True:
        extra = {"resumekey": resumekey} if resumekey else {}
        page = result(client, server, command, **params, **extra)
        assert page["status"] == 1, page
        assert len(page[key]) <= page_size
        objects += page[key]
        resumekey = page.get("resumekey")
        if resumekey is None:
            return objects
        assert len(page[key]) == page_size


def admin(client, server, method: str, path: str, body: Any = None) -> httpx.Response:
    return client.request(method, f"{server.base_url}/_sandbox{path}", json=body)


def cursor(client: httpx.Client, server: SandboxServer, clock: MovableClock) -> dict[str, str]:
    """A sync cursor later than every change so far: the date and time of a fresh answer."""
    clock.advance(minutes=1)
    answer = call(client, server, {"command": "Echo"})
    return {"changedate": answer["date"], "changetime": answer["time"]}


def live_ids(server: SandboxServer, kind: str, keep=lambda obj: True) -> list[int]:
    return sorted(obj["id"] for obj in server.state.store(kind).objects() if keep(obj))


def usable_ids(server: SandboxServer, kind: str, keep=lambda obj: True) -> list[int]:
    """Ids of objects neither deleted nor deactivated that pass `keep`."""

    def usable(obj: dict) -> bool:
        return not obj["isdeleted"] and obj.get("isactive", 1) == 1 and keep(obj)

    return live_ids(server, kind, usable)


def sees(server: SandboxServer, task: dict) -> bool:
    """Whether the demo technician's app may hold the task by the "Limit objects" rules."""
    state = server.state
    return state.audience(state.demo_user_id, state.clock.now()).sees(task)
