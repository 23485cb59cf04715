"""Commands and result shapes, including those the public docs leave open.

Each assumption that is not in the public API docs is marked [INF] and agrees with the sandbox
(`app.sandbox`). If a live server shows otherwise, this is the one module to correct.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.api.envelope import Command, CommandResult
from app.core.kinds import Kind
from app.core.values import as_str

log = logging.getLogger(__name__)

EPOCH_DATE = "1970-01-01"
EPOCH_TIME = "00:00:00"


@dataclass(frozen=True, slots=True)
class ByLastChange:
    """A …ByLastChange command and the result key that holds its objects.

    Documented: changedate, changetime, resumekey in; the objects and resumekey out.
    """

    command: str
    result_key: str

    def page(
        self,
        changedate: str,
        changetime: str,
        resumekey: str | None,
        params: Mapping[str, Any],
    ) -> Command:
        wire: dict[str, Any] = {"changedate": changedate, "changetime": changetime, **params}
        if resumekey:
            wire["resumekey"] = resumekey
        return Command(self.command, wire)


BY_LAST_CHANGE: Mapping[Kind, ByLastChange] = {
    Kind.TODO: ByLastChange("GetTodosByLastChange", "todos"),  # [INF] result key
    Kind.CUSTOMER: ByLastChange("GetCustomersByLastChange", "customers"),
    Kind.PERSON: ByLastChange("GetPersonsByLastChange", "persons"),  # [INF] result key
    Kind.TOOL: ByLastChange("GetToolsByLastChange", "tools"),
}


@dataclass(frozen=True, slots=True)
class Page:
    objects: list[Any]
    resumekey: str | None


def read_page(step: ByLastChange, result: CommandResult) -> Page:
    """The objects and the resumekey of one …ByLastChange result.

    A missing or non-list object key is read as an empty page (logged), so one odd answer
    cannot wedge a loop; an empty or "0" resumekey means the loop is done.
    """
    objects = result.data.get(step.result_key, [])
    if not isinstance(objects, list):
        log.warning("%s: %r is not a list; reading it as empty", step.command, step.result_key)
        objects = []
    resumekey = as_str(result.data.get("resumekey")).strip()
    return Page(objects, resumekey if resumekey and resumekey != "0" else None)


@dataclass(frozen=True, slots=True)
class MobileAppSettings:
    """[INF] GetMobileAppSettings → {"functions": [keyword, …], "settings": {…}}."""

    functions: frozenset[str] = frozenset()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def enabled(self, function: str) -> bool:
        return function in self.functions


def read_mobile_app_settings(data: Mapping[str, Any]) -> MobileAppSettings:
    functions = data.get("functions", [])
    # Accept a set {keyword: 1} as well as a list of keywords: the docs do not say which.
    if isinstance(functions, Mapping):
        functions = [name for name, on in functions.items() if on not in (0, "0", False, None)]
    if not isinstance(functions, list):
        functions = []
    settings = data.get("settings", {})
    return MobileAppSettings(
        functions=frozenset(as_str(name) for name in functions if as_str(name)),
        settings=settings if isinstance(settings, Mapping) else {},
    )


GET_MOBILE_APP_SETTINGS = Command("GetMobileAppSettings")
GET_CURRENT_USER_ID = Command("GetCurrentUserID")  # [INF] → {"userid": n}
