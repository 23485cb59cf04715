"""Photos the technician takes of equipment, a task or a company (AddPhotoTo…).

Each becomes a `document` (GET /_sandbox/objects/document) holding its size, not the image:
the sandbox only needs to show that the photo arrived, and how often.
"""

from __future__ import annotations

import base64
import binascii

from app.sandbox.commands.base import CommandFailed, Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param
from app.sandbox.commands.writing import kind_of, moment, once, target
from app.sandbox.state import SandboxState


def _image(params: Params) -> bytes:
    """`imagedata` decoded (base64; the app sends JPEG, the sandbox does not look inside)."""
    data = params.get("imagedata")
    if data in (None, ""):
        raise CommandFailed("No image data")
    try:
        image = base64.b64decode(str(data), validate=True)
    except (binascii.Error, ValueError):
        raise CommandFailed("Invalid imagedata: not base64") from None
    if not image:
        raise CommandFailed("No image data")
    return image


def _adder(objecttype: str, id_key: str) -> Handler:
    """The AddPhotoTo… command for one kind of object, named by `id_key`."""

    def add(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        """A photo of the object `id_key` names, kept as a document."""
        obj = target(state, ctx, objecttype, id_param(params, id_key))
        size = len(_image(params))
        day, time = moment(params, ctx, "createdate", "createtime")
        document = state.create(
            "document",
            {
                "modcode": kind_of(objecttype),
                "objectid": obj["id"],
                "title": str(params.get("title") or ""),
                "size": size,
                "userid": ctx.user_id,
                "takendate": day,
                "takentime": time,
            },
        )
        return {"document": {key: document[key] for key in ("id", "title", "size")}}

    return once(add)


HANDLERS: dict[str, Handler] = {
    "AddPhotoToTool": _adder("tool", "toolid"),
    "AddPhotoToTodo": _adder("todo", "todoid"),
    "AddPhotoToCustomer": _adder("customer", "customerid"),
}
