"""What every command handler is given and may raise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.sandbox.state import SandboxState

Params = Mapping[str, Any]
Outputs = dict[str, Any]


class CommandFailed(Exception):
    """The command says no: its result becomes status 0 with this message, the rest still run."""


@dataclass(frozen=True, slots=True)
class Context:
    """What a command knows of its request besides its own parameters."""

    received: datetime
    user_id: int


Handler = Callable[[SandboxState, Params, Context], Outputs]
