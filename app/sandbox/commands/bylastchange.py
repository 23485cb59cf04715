"""Get…ByLastChange: objects changed since a date and time, a server-sized page at a time.

What a call sends is decided in `selection`; the order is the change order (resumekey
`<kind>.<seq>`), or for tasks with `limitnumobjects` the importance order (`importance`).
Some kinds carry more than their objects: tools with placeofhome=2 the companies whose
tools the app should fetch (`customerids`, on every page), threads the user's unread counts.
"""

from __future__ import annotations

from collections.abc import Callable

from app.sandbox.commands import importance, resumekeys, threads, tools
from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, flag, time_param
from app.sandbox.commands.selection import selector
from app.sandbox.state import SandboxState

# kind -> (command, result key)
SYNCED_KINDS = {
    "todo": ("GetTodosByLastChange", "todos"),
    "customer": ("GetCustomersByLastChange", "customers"),
    "person": ("GetPersonsByLastChange", "persons"),
    "tool": ("GetToolsByLastChange", "tools"),
    "product": ("GetProductsByLastChange", "products"),
    "thread": ("GetThreadsByLastChange", "threads"),
    "procedure": ("GetProceduresByLastChange", "procedures"),
    "relation": ("GetRelationsByLastChange", "relations"),
}
_RANKED_KINDS = frozenset({"todo"})
_EXTRAS: dict[str, Callable[[SandboxState, Params, Context], Outputs]] = {
    "tool": tools.companies_to_read,
    "thread": threads.unread_counts,
}


def _changed_since(kind: str, result_key: str) -> Handler:
    def handler(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        store = state.store(kind)
        since = (
            f"{date_param(params, 'changedate', '1970-01-01')} "
            f"{time_param(params, 'changetime', '00:00:00')}"
        )
        select = selector(state, kind, params, ctx, since)
        resumekey = params.get("resumekey")
        if kind in _RANKED_KINDS and flag(params, "limitnumobjects"):
            asked = tuple(sorted((k, str(v)) for k, v in params.items() if k != "resumekey"))
            ordered = state.derived(
                ("ranked", kind, ctx.user_id, ctx.received.date(), asked),
                lambda: importance.ranked(store.changes(since, 0, len(store), select).objects),
            )
            objects, next_key = importance.ranked_page(kind, ordered, resumekey, state.page_size)
        else:
            after = resumekeys.change_position(resumekey, kind, store.last_seq)
            page = store.changes(since, after, state.page_size, select)
            objects, last = page.objects, page.resume_after
            next_key = None if last is None else resumekeys.change_key(kind, last)
        outputs: Outputs = {result_key: objects}
        if next_key is not None:
            outputs["resumekey"] = next_key
        extra = _EXTRAS.get(kind)
        if extra is not None:
            outputs.update(extra(state, params, ctx))
        return outputs

    return handler


HANDLERS: dict[str, Handler] = {
    command: _changed_since(kind, key) for kind, (command, key) in SYNCED_KINDS.items()
}
