"""The write commands the technician's actions send, and how to tell whether one was applied.

Most are named in the sync guide but not documented in the public API; [INF] marks the
plainest shape consistent with their documented neighbours, and the sandbox agrees.

Every write carries `clientrequestid`, a uuid from the outbox entry. A PHP back end ignores a
parameter it does not know, so nothing relies on the server honouring it; a call whose answer
was lost is settled by reading back (see `READ_BACK`), never by sending it again blindly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.api.envelope import Command

CLIENT_REQUEST_ID = "clientrequestid"


def write(command: str, request_id: str, **params: Any) -> Command:
    return Command(command, {**params, CLIENT_REQUEST_ID: request_id})


# [DOC] DoCheckIn: objecttype "Todo"|"Customer", objectid, checkindate, checkintime, latitude,
#   longitude → checkinid, daycheckindate.
# [INF] DoCheckOut: checkinid, checkoutdate, checkouttime, latitude, longitude,
#   checkpoints: [ids ticked] → {} (refused: "You are not checked in").
# [INF] StodoAccept: stodoid, postpone (minutes; without it the reminder is completed)
#   → stodo (the postponed reminder) or nothing.
# [INF] PickupTool / SetDownTool: toolid, latitude, longitude → tool.
# [INF] StartToolService: toolid, servicedate, servicetime → tool (lastservice the date,
#   nextservice one interval of its type on). The guide's "Start service" points to a
#   "Service" section the public API lacks; this is PickupTool's shape with the moment the
#   other writes carry (DoCheckIn's checkindate/checkintime), answered like PickupTool.
# [DOC] PostMessage: message {"message": text}, objecttype "todo"|"customer"|"tools",
#   objectid, title → message, thread.
# [DOC] CreateUpdateTodo: todo {id, stateid} → todo (a state change; refused when the
#   transition is not allowed or a mandatory field is missing).
# [DOC] AddPhotoToTool: toolid, title, imagedata (base64 JPEG), createdate, createtime
#   → document. [INF] AddPhotoToTodo (todoid) and AddPhotoToCustomer (customerid): the same.
WRITE_COMMANDS = (
    "DoCheckIn", "DoCheckOut", "StodoAccept", "PickupTool", "SetDownTool", "StartToolService",
    "PostMessage", "CreateUpdateTodo", "AddPhotoToTool", "AddPhotoToTodo", "AddPhotoToCustomer",
)

# The read that tells whether a write whose answer was lost was applied. The sender makes it
# once just before sending too and keeps what stood then (the entry's baseline), so an earlier
# identical effect is not taken for this one; app/sync/outbox.py says how each decides. None:
# no documented read can tell (photos), so the technician decides: send again or discard.
READ_BACK: Mapping[str, str | None] = {
    "DoCheckIn": "GetCheckIn",  # an open check-in on that object, not the one open before
    "DoCheckOut": "GetCheckIn",  # the checkinid sent (stored before sending) no longer open
    "StodoAccept": "GetMyStodos",  # gone (completed) or moved since before (postponed)
    "PickupTool": "GetMyTools",  # carried by us, and not carried (or changed) since before
    "SetDownTool": "GetMyTools",  # no longer carried by us, and carried before
    # No documented read returns one tool by id (GetToolsByField takes a company, a number or
    # a barcode; GetMyTools only carried ones): the technician decides, as for photos.
    "StartToolService": None,
    "PostMessage": "GetThreads",  # a message of ours with the text, not on the object before
    "CreateUpdateTodo": "GetTodoByID",  # [INF] todoid → todos; the new state, changed since
    "AddPhotoToTool": None,
    "AddPhotoToTodo": None,
    "AddPhotoToCustomer": None,
}
