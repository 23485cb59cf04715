"""What a box tells the technician is waiting to be sent: the outbox entries of its object.

The box's content shows them at once (ticks, a started service, a taken tool) and they go
when the sender delivers them and the ChangeSet of the answer refreshes the box.
"""

from __future__ import annotations

from collections.abc import Collection

from app.core.kinds import Kind
from app.sync.session import Entry, Session


def waiting(session: Session, kind: Kind, object_id: int, commands: Collection[str]
            ) -> list[Entry]:
    """The object's outbox entries of these commands not yet sent, oldest first."""
    return [entry for entry in session.pending(kind, object_id) if entry.command in commands]
