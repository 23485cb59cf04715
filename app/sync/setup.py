"""The first request of a pass: settings, custom fields, check-in, and setup data when due.

Setup data is kept as raw JSON by command name; calls whose list is a table of ours
(reminders, pending calls) replace that table. Such a list in a shape the app does not
understand fails the whole request (MalformedData, nothing of it stored): read as empty, it
would delete every reminder or pending call the technician has.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from app.api import CommandResult
from app.api.shapes import object_list
from app.core.changes import ChangeSet
from app.db import Store
from app.sync.keys import CHECKIN_READ_KEY
from app.sync.plan import SetupCall

log = logging.getLogger(__name__)


def store_setup(
    store: Store, calls: Sequence[SetupCall], results: Sequence[CommandResult], now: str
) -> ChangeSet:
    """Writer thread: keep each answered call; a refused one keeps its previous value."""
    changes = ChangeSet()
    for call, result in zip(calls, results, strict=False):
        if not result.ok:
            log.warning("%s was refused: %s", call.command, result.message)
            continue
        if call.kind is not None:
            objects = object_list(call.command, result.data, call.result_key)
            ingested = store.objects.replace(call.kind, {}, objects)
            changes = changes.merged(ChangeSet({call.kind: ingested.changes}))
        else:
            data = {k: v for k, v in result.data.items() if k not in ("status", "msg")}
            store.settings.put(call.key, data)
            changes = changes.merged(ChangeSet(settings=frozenset({call.key})))
        if call.command == "GetCheckIn":
            store.settings.put(CHECKIN_READ_KEY, now)
    return changes
