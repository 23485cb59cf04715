"""The part of the Session (app/sync/session.py) boxes and pages read, as a Protocol.

Boxes code against these names; the real Session satisfies them structurally, and a test may
hand a box any object that does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from app.core.kinds import Kind


class BoxDefinition(Protocol):
    """A `mainpagebox` of GetMainPages (app.core.setup.MainPageBox)."""

    @property
    def id(self) -> int: ...
    @property
    def box(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def iscolumngroup(self) -> bool: ...
    @property
    def columngroupid(self) -> int: ...
    @property
    def sortorder(self) -> int: ...


class PageSetup(Protocol):
    def main_page(self, kind: Kind) -> Sequence[BoxDefinition]: ...
    def enabled(self, function: str) -> bool: ...


class BoxSession(Protocol):
    @property
    def setup(self) -> PageSetup: ...

    def object(self, kind: Kind, object_id: int) -> dict[str, Any] | None: ...

    def related(self, kind: Kind, **equals: Any) -> list[dict[str, Any]]: ...

    def rows(self, kind: Kind, columns: Sequence[str], *, order_by: str,
             descending: bool = False, offset: int = 0,
             limit: int = 256) -> list[tuple[Any, ...]]: ...
