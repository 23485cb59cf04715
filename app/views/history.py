"""Where the window has been, like a browser's history: back and forward over places.

A place is an object's page, (kind, id), or None for the lists. Opening a place drops what lay
ahead of the current one, as a browser does after going back and following a new link.
"""

from __future__ import annotations

from app.core.kinds import Kind

Place = tuple[Kind, int] | None


class History:
    def __init__(self) -> None:
        self._places: list[Place] = [None]
        self._at = 0

    @property
    def current(self) -> Place:
        return self._places[self._at]

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        del self._places[self._at + 1:]
        self._places.append(place)
        self._at += 1

    def can_go_back(self) -> bool:
        return self._at > 0

    def can_go_forward(self) -> bool:
        return self._at < len(self._places) - 1

    def back(self) -> Place:
        self._at = max(0, self._at - 1)
        return self.current

    def forward(self) -> Place:
        self._at = min(len(self._places) - 1, self._at + 1)
        return self.current
