"""Threads read on demand (GetThreads, GetThreadByID) and the unread counts that
GetThreadsByLastChange carries.

The sync reads threads without messages or with them (`exclmessages`); opening a thread the
app reads its notes with GetThreadByID. `isunread` on a message is the current user's view.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import date_param, flag, id_param, required
from app.sandbox.commands.selection import without_messages
from app.sandbox.state import SandboxState
from app.sandbox.values import truthy, whole

Record = dict[str, Any]

# GetThreads' objecttype -> the thread's: equipment threads are "tools".
THREAD_TYPES = {"todo": "todo", "customer": "customer", "tool": "tools", "tools": "tools"}


def _subscribed(thread: Record, user_id: int) -> bool:
    return user_id in {whole(u) for u in thread.get("subscribers") or ()}


def unread_counts(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`numunreadmessages` and `unreadmessages` {objecttype: {objectid: count}} over every
    live thread the user subscribes to, not only those on the page."""
    user_id = ctx.user_id

    def count() -> Outputs:
        total = 0
        by_object: dict[str, dict[str, int]] = {}
        for thread in state.where("thread"):
            if not _subscribed(thread, user_id):
                continue
            unread = sum(
                1
                for message in thread.get("messages") or ()
                if truthy(message.get("isunread")) and whole(message.get("userid")) != user_id
            )
            if unread:
                total += unread
                objects = by_object.setdefault(thread["objecttype"], {})
                key = str(thread["objectid"])
                objects[key] = objects.get(key, 0) + unread
        return {"numunreadmessages": total, "unreadmessages": by_object}

    return state.derived(("unread", user_id), count)


def of_object(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """GetThreads: the live threads on one task, company or piece of equipment."""
    asked = str(required(params, "objecttype")).lower()
    if asked not in THREAD_TYPES:
        raise CommandFailed(f"Invalid objecttype: {asked}")
    found = state.where("thread", objectid=id_param(params, "objectid"))
    threads = [t for t in found if t["objecttype"] == THREAD_TYPES[asked]]
    if flag(params, "exclmessages"):
        threads = [without_messages(t) for t in threads]
    return {"threads": threads}


def by_id(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """GetThreadByID: one thread with its messages (those from `messagedate` on, if given)
    unless exclmessages=1."""
    thread_id = id_param(params, "threadid")
    thread = state.store("thread").get(thread_id)
    if thread is None:
        raise CommandFailed(f"No thread with id {thread_id}")
    if flag(params, "exclmessages"):
        return {"thread": without_messages(thread)}
    since = date_param(params, "messagedate", "1970-01-01")
    messages = [m for m in thread.get("messages") or () if m.get("changedate", "") >= since]
    return {"thread": {**thread, "messages": messages}}


HANDLERS: dict[str, Handler] = {"GetThreads": of_object, "GetThreadByID": by_id}
