"""The box plugin API, without Qt: what a main-page box declares, decides and shows.

A box plugin is a class (see README.md next to this file):

- metadata: `box_type` (or a type prefix with `is_prefix`, for `columngroup…`), the object
  `kinds` it supports and its title rule (`fixed_title`, or `title()` overridden);
- `build(context)`: `Shown(content)` with the plain data it shows, or `Hidden(reason)` with
  one short reason a person reads;
- `concerns(context)`: the object kinds, ids and setting keys whose changes it must refresh on;
- `widget()`: the Qt class that renders its content, imported only when a page is drawn.

Everything here is importable without PySide6, so `fieldclient page KIND:ID --json`, the
layout preview's report and tests read a page's content without a display.
"""

from __future__ import annotations

import dataclasses
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.core.locale_text import local_date as local_date
from app.core.locale_text import local_day as local_day
from app.core.locale_text import local_number as local_number
from app.core.locale_text import translate as translate
from app.core.setup import MainPageBox
from app.core.texts import QT_TRANSLATE_NOOP
from app.sync.session import Session

if TYPE_CHECKING:
    from app.mainpage_boxes.widget import BoxWidget

log = logging.getLogger(__name__)


# -- the window's language, without importing Qt -------------------------------------------
# How a sentence names the objects of each kind that has a main page ("not available for
# customers").
_PLURALS = {
    Kind.TODO: QT_TRANSLATE_NOOP("Kinds", "tasks"),
    Kind.CUSTOMER: QT_TRANSLATE_NOOP("Kinds", "customers"),
    Kind.PERSON: QT_TRANSLATE_NOOP("Kinds", "persons"),
    Kind.TOOL: QT_TRANSLATE_NOOP("Kinds", "equipment"),
}


def kind_plural(kind: Kind) -> str:
    """The objects of `kind` in a sentence, in the window's language ("customers")."""
    plural = _PLURALS.get(kind)
    return translate("Kinds", plural) if plural else kind.label.lower()


@dataclasses.dataclass(frozen=True, slots=True)
class BoxContent:
    """Base of every box's content: a frozen dataclass of plain values (str, int, float, bool,
    None, date/time, enums, tuples, mappings and nested BoxContent), so it turns into JSON."""

    def as_json(self) -> dict[str, Any]:
        return plain(self)


def plain(value: Any) -> Any:
    """`value` as JSON-ready data: dataclasses as dicts, tuples as lists, times as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [plain(item) for item in value]
    return value


C = TypeVar("C", bound=BoxContent)


@dataclasses.dataclass(frozen=True, slots=True)
class Shown(Generic[C]):
    content: C


@dataclasses.dataclass(frozen=True, slots=True)
class Hidden:
    """Why the box is not on the page, for a person: "no checkpoints on this task"."""

    reason: str


@dataclasses.dataclass(frozen=True, slots=True)
class BoxContext:
    """All a box may know: the object, its box definition, the session and the time.

    A box gets this, never the app. `object` is the object's raw dict as the store keeps it
    (empty when the object is gone); `now` is when the page was built or last refreshed.
    """

    kind: Kind
    object_id: int
    object: Mapping[str, Any]
    box: MainPageBox
    session: Session
    now: datetime

    def renewed(self, now: datetime) -> BoxContext:
        """The same box after a change: the object read again, the time moved on."""
        current = self.session.object(self.kind, self.object_id) or {}
        return dataclasses.replace(self, object=current, now=now)


@dataclasses.dataclass(frozen=True, slots=True)
class PageHooks:
    """What a box's buttons may ask of the page that shows it.

    `run` takes an action's coroutine (from `session.actions`): the page keeps the task, and
    tells the technician in words when the action is refused; a box never starts tasks itself.
    `open` shows another object's main page (a subcustomer, a person's company).
    """

    run: Callable[[Awaitable[Any]], None]
    open: Callable[[Kind, int], None]


@dataclasses.dataclass(frozen=True, slots=True)
class Concerns:
    """The changes a box refreshes on: ids per kind (None: any id of that kind), setting keys."""

    objects: Mapping[Kind, frozenset[int] | None]
    settings: frozenset[str] = frozenset()

    def matches(self, changes: ChangeSet) -> bool:
        if self.settings & changes.settings:
            return True
        for kind, ids in self.objects.items():
            touched = changes.of(kind)
            if not touched:
                continue
            if ids is None or ids & (touched.added | touched.changed | touched.removed):
                return True
        return False


class BoxPlugin(ABC, Generic[C]):
    """One box type of GetMainPages. Subclass it, register it by entry point (README.md).

    An instance is made once per app and shared by every page: keep no per-page state.
    """

    box_type: ClassVar[str]
    """The `box` value it renders, e.g. "description"; with `is_prefix`, the start of it."""
    is_prefix: ClassVar[bool] = False
    kinds: ClassVar[frozenset[Kind]]
    """The object kinds (main pages) it supports; on any other page it is hidden."""
    fixed_title: ClassVar[str | None] = None
    """The title the guide prescribes ("Checklist"); None: the box definition's own title.
    Mark it `QT_TRANSLATE_NOOP("BoxTitle", …)`: it is shown translated (context "BoxTitle")."""

    def functions(self, kind: Kind) -> frozenset[str]:
        """The GetMobileAppSettings functions that switch the box on for `kind`'s page (any one
        of them will do); empty when it needs none. `build` says "function … is off" itself;
        this lets the layout check warn about a box no technician of the account will see."""
        return frozenset()

    def handles(self, box_type: str) -> bool:
        return box_type.startswith(self.box_type) if self.is_prefix else box_type == self.box_type

    def title(self, context: BoxContext) -> str:
        """The title rule; override it when the title comes from elsewhere (a column group)."""
        return translate("BoxTitle", self.fixed_title) if self.fixed_title else context.box.title

    @abstractmethod
    def build(self, context: BoxContext) -> Shown[C] | Hidden:
        """What the box shows for this object, or why it is not shown. Qt-free, no I/O beyond
        the session's reads: it runs on every refresh and for `fieldclient page`."""

    def concerns(self, context: BoxContext) -> Concerns:
        """The changes that may change what `build` returns. By default only the object itself;
        a box reading related objects or setup data names those too."""
        return Concerns({context.kind: frozenset({context.object_id})})

    @abstractmethod
    def widget(self) -> type[BoxWidget[C]]:
        """The widget class that renders the content; import it here, so that Qt is loaded
        only when a page is drawn."""


def decide(plugin: BoxPlugin[Any], context: BoxContext) -> Shown[Any] | Hidden:
    """`plugin.build`, except on a page it does not support, for a gone object, or when the
    plugin fails: a broken box is hidden (and logged), never a broken page."""
    if context.kind not in plugin.kinds:
        return Hidden(translate("BoxPlugin", "not available for {kinds}").format(
            kinds=kind_plural(context.kind)))
    if not context.object:
        return Hidden(translate("BoxPlugin", "this object is no longer here"))
    try:
        return plugin.build(context)
    except Exception:
        log.exception("The %s box failed for %s %s", context.box.box, context.kind,
                      context.object_id)
        return Hidden(translate("BoxPlugin", "this box failed (the log says why)"))
