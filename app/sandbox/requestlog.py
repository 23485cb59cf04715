"""Every request the endpoint received, for tests and demos to inspect (GET /_sandbox/log).

Entries hold the commands and their parameters but never the envelope's credentials.
Sequence numbers keep counting across a clear, so a test can tell old entries from new.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime
from typing import Any

from app.sandbox.protocol import Envelope

Entry = dict[str, Any]

_KEEP = 10_000


class RequestLog:
    def __init__(self) -> None:
        self._entries: deque[Entry] = deque(maxlen=_KEEP)
        self._seq = 0

    def record(self, received: datetime, method: str, envelope: Envelope) -> None:
        self._seq += 1
        self._entries.append(
            {
                "seq": self._seq,
                "received": received.isoformat(" "),
                "method": method,
                "haltonerror": int(envelope.haltonerror),
                "commands": envelope.commands,
            }
        )

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def clear(self) -> None:
        self._entries.clear()
