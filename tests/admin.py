"""The sandbox's documented admin interface (/_sandbox/…), as the tests use it."""

from __future__ import annotations

from typing import Any

import httpx

from app.sandbox import SandboxServer


def fault(server: SandboxServer, mode: str, **options: Any) -> None:
    reply = httpx.post(f"{server.base_url}/_sandbox/faults", json={"mode": mode, **options})
    reply.raise_for_status()


def request_log(server: SandboxServer) -> list[dict[str, Any]]:
    reply = httpx.get(f"{server.base_url}/_sandbox/log")
    reply.raise_for_status()
    return reply.json()


def clear_log(server: SandboxServer) -> None:
    httpx.delete(f"{server.base_url}/_sandbox/log").raise_for_status()


def commands_sent(server: SandboxServer, name: str | None = None) -> list[dict[str, Any]]:
    """Every command received, in order (optionally only those called `name`)."""
    return [
        command
        for request in request_log(server)
        for command in request["commands"]
        if name is None or command["command"] == name
    ]


def change_object(server: SandboxServer, kind: str, object_id: int, **fields: Any) -> dict:
    reply = httpx.patch(f"{server.base_url}/_sandbox/objects/{kind}/{object_id}", json=fields)
    reply.raise_for_status()
    return reply.json()


def showcase(server: SandboxServer) -> dict[str, dict[str, dict[str, Any]]]:
    """{box: {kind: {"shows": id, "hides": id, "why": rule}}}: the demo objects that show and
    hide each main-page box (None where the guide leaves no such object)."""
    reply = httpx.get(f"{server.base_url}/_sandbox/showcase")
    reply.raise_for_status()
    return reply.json()


def set_functions(server: SandboxServer, **switches: bool) -> list[str]:
    """Switch app functions on or off (GetMobileAppSettings); the enabled names after it."""
    reply = httpx.post(f"{server.base_url}/_sandbox/functions", json=switches)
    reply.raise_for_status()
    return reply.json()


def add_object(server: SandboxServer, kind: str, **fields: Any) -> dict:
    """A new object, as a dispatcher creates one in the back office."""
    reply = httpx.post(f"{server.base_url}/_sandbox/objects/{kind}", json=fields)
    reply.raise_for_status()
    return reply.json()


def delete_object(server: SandboxServer, kind: str, object_id: int) -> dict:
    reply = httpx.delete(f"{server.base_url}/_sandbox/objects/{kind}/{object_id}")
    reply.raise_for_status()
    return reply.json()


def change_password(server: SandboxServer, password: str) -> None:
    """The office changes the technician's password: the old one is refused from now on."""
    httpx.post(f"{server.base_url}/_sandbox/credentials", json={"password": password}
               ).raise_for_status()
