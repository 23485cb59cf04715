"""Get…ByLastChange: objects changed since a date and time, a server-sized page at a time.

The resumekey names a position in the kind's change sequence, not an offset: an object
changed while a client pages gets a new, higher sequence number and still arrives.
"""

from __future__ import annotations

import re

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, time_param
from app.sandbox.commands.selection import object_filter
from app.sandbox.state import SandboxState

# kind -> (command, result key)
SYNCED_KINDS = {
    "todo": ("GetTodosByLastChange", "todos"),
    "customer": ("GetCustomersByLastChange", "customers"),
    "person": ("GetPersonsByLastChange", "persons"),
    "tool": ("GetToolsByLastChange", "tools"),
}
_RESUMEKEY = re.compile(r"([a-z]+)\.(\d{1,18})")


def _changed_since(kind: str, result_key: str) -> Handler:
    def handler(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        store = state.store(kind)
        since = (
            f"{date_param(params, 'changedate', '1970-01-01')} "
            f"{time_param(params, 'changetime', '00:00:00')}"
        )
        after = _resume_position(params.get("resumekey"), kind, store.last_seq)
        page = store.changes(since, after, state.page_size, object_filter(kind, params))
        outputs: Outputs = {result_key: page.objects}
        if page.resume_after is not None:
            outputs["resumekey"] = f"{kind}.{page.resume_after}"
        return outputs

    return handler


def _resume_position(resumekey: object, kind: str, last_seq: int) -> int:
    """The sequence number to continue after; 0 when the call starts from its date and time."""
    if resumekey is None or resumekey == "" or resumekey is False:
        return 0
    match = _RESUMEKEY.fullmatch(str(resumekey))
    if match is None or match[1] != kind or int(match[2]) > last_seq:
        raise CommandFailed("Invalid resumekey")
    return int(match[2])


HANDLERS: dict[str, Handler] = {
    command: _changed_since(kind, key) for kind, (command, key) in SYNCED_KINDS.items()
}
