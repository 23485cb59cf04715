"""Which changed objects a …ByLastChange call sends, from its filter parameters.

Stage 1 knows `ignoreclosed`. The other filters of the app sync guide (the "Limit objects"
task rules behind `limitnumobjects`, `placeofhome`, `skip_deleted`, `onlyfavorites`) are
further checks built here from the parameters, the state and the request context.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.commands.base import Params
from app.sandbox.commands.params import flag, truthy
from app.sandbox.store import Keep


def _not_deleted(obj: dict[str, Any]) -> bool:
    return not truthy(obj.get("isdeleted"))


def _open_task(obj: dict[str, Any]) -> bool:
    return not truthy(obj.get("isdeleted")) and not truthy(obj.get("isclosed"))


# ignoreclosed: no closed tasks, no deactivated customers or equipment, nothing deleted.
_OPEN = {"todo": _open_task}


def object_filter(kind: str, params: Params) -> Keep | None:
    """The check an object must pass to be sent; None sends every changed object."""
    if flag(params, "ignoreclosed"):
        return _OPEN.get(kind, _not_deleted)
    return None
