"""The sandbox's admin interface as the project's tests call it: a server first, then what
`app.testkit.Sandbox` (the testers' public helper, which does the work) takes."""

from __future__ import annotations

from typing import Any

from app.sandbox import SandboxServer
from app.testkit.sandbox import Record, Sandbox


def fault(server: SandboxServer, mode: str, **options: Any) -> None:
    Sandbox(server).fault(mode, **options)


def request_log(server: SandboxServer) -> list[Record]:
    return Sandbox(server).request_log()


def clear_log(server: SandboxServer) -> None:
    Sandbox(server).clear_log()


def commands_sent(server: SandboxServer, name: str | None = None) -> list[Record]:
    return Sandbox(server).commands_sent(name)


def change_object(server: SandboxServer, kind: str, object_id: int, **fields: Any) -> Record:
    return Sandbox(server).change_object(kind, object_id, **fields)


def showcase(server: SandboxServer) -> dict[str, dict[str, Record]]:
    return Sandbox(server).showcase()


def set_functions(server: SandboxServer, **switches: bool) -> list[str]:
    return Sandbox(server).set_functions(**switches)


def add_object(server: SandboxServer, kind: str, **fields: Any) -> Record:
    return Sandbox(server).add_object(kind, **fields)


def delete_object(server: SandboxServer, kind: str, object_id: int) -> Record:
    return Sandbox(server).delete_object(kind, object_id)


def change_password(server: SandboxServer, password: str) -> None:
    Sandbox(server).change_password(password)
