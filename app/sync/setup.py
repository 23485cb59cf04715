"""Setup data: read in one combined request and kept as raw JSON by command name."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from app.api import CommandResult
from app.db.settings import SettingRepo

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SetupCall:
    command: str

    @property
    def key(self) -> str:
        return f"setup.{self.command}"


SETUP_CALLS: tuple[SetupCall, ...] = (
    SetupCall("GetCurrentUserID"),
    SetupCall("GetMainPages"),
    SetupCall("GetColumnGroups"),
)


def store_setup(settings: SettingRepo, results: Sequence[CommandResult]) -> None:
    """Writer thread: keep each answered call; a refused one keeps its previous value."""
    for result in results:
        if not result.ok:
            log.warning("%s was refused: %s", result.command.name, result.message)
            continue
        data = {k: v for k, v in result.data.items() if k not in ("status", "msg")}
        settings.put(f"setup.{result.command.name}", data)
