"""Writing a note on a task, company or piece of equipment (PostMessage).

The note goes to the object's thread (the oldest live one), or a new thread when it has
none; the writer subscribes. The thread changes, so GetThreadsByLastChange sends it.
"""

from __future__ import annotations

from app.sandbox.clock import date_and_time
from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param, required
from app.sandbox.commands.threads import THREAD_TYPES
from app.sandbox.commands.writing import once, target
from app.sandbox.state import Record, SandboxState
from app.sandbox.values import whole


def _text(params: Params) -> str:
    """`message` {"message": text} as documented; a bare string is read as the text."""
    given = params.get("message")
    text = given.get("message") if isinstance(given, dict) else given
    if not isinstance(text, str) or not text.strip():
        raise CommandFailed("The note is empty")
    return text


def _next_message_id(state: SandboxState) -> int:
    """Message ids are unique over all threads, as the back office numbers them."""
    return 1 + max(
        (whole(m.get("id")) for t in state.store("thread").objects() for m in t["messages"]),
        default=0,
    )


def _thread_of(state: SandboxState, params: Params, obj: Record, objecttype: str) -> Record:
    """The object's oldest live thread, or a new one titled `title` (else as the object)."""
    on_object = state.where("thread", objectid=obj["id"])
    threads = [t for t in on_object if t["objecttype"] == objecttype]
    if threads:
        return threads[0]
    title = params.get("title") or obj.get("title") or obj.get("name", "")
    fields = {"objecttype": objecttype, "objectid": obj["id"], "title": str(title)}
    return state.create("thread", fields)


def post(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """PostMessage: the note appended to the object's thread, which `title` names when a new
    one is needed (else the object's title or name)."""
    text = _text(params)
    asked = str(required(params, "objecttype"))
    objecttype = THREAD_TYPES.get(asked.lower())
    if objecttype is None:
        raise CommandFailed(f"Invalid objecttype: {asked}")
    obj = target(state, ctx, asked, id_param(params, "objectid"))
    thread = _thread_of(state, params, obj, objecttype)
    day, time = date_and_time(ctx.received)
    user = state.setup.user(ctx.user_id) or {}
    message = {
        "id": _next_message_id(state),
        "threadid": thread["id"],
        "userid": ctx.user_id,
        "personid": 0,
        "authorname": user.get("name", ""),
        "changedate": day,
        "changetime": time,
        "isunread": 0,
        "message": text,
    }
    subscribers = sorted({*(whole(u) for u in thread["subscribers"]), ctx.user_id})
    changed = state.update(
        "thread",
        thread["id"],
        {"messages": [*thread["messages"], message], "subscribers": subscribers},
    )
    return {"message": message, "thread": changed}


HANDLERS: dict[str, Handler] = {"PostMessage": once(post)}
