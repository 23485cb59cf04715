"""The layout preview's core, without Qt: a check of a whole layout (main pages and column
groups), which objects make each box show and hide, and the report of both.

The office designs main pages in Microbizz; a box the app cannot or will not draw is simply
absent on the technician's page. Here each such box is named with where it is (the kind's
page and the box's place on it, in display order) and why, before the layout is rolled out.
The pages themselves are the app's own (`page_of`, with the previewed layout in the session),
so the preview and the window never disagree.

Errors are boxes no technician will ever see (a type the app does not know, a type this kind
does not support, a column group that does not exist, an entry the parser leaves out);
warnings depend on the account (a function switched off, a column whose field no object has).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.core.kinds import LISTED_KINDS, Kind
from app.core.setup import Layout, MainPageBox
from app.mainpage_boxes.api import QT_TRANSLATE_NOOP, kind_plural, plain, translate
from app.mainpage_boxes.page import page_of
from app.mainpage_boxes.registry import BoxRegistry
from app.sync.layout_file import BadLayoutFile, Fault, LeftOut
from app.sync.session import Session

# How many objects of a kind are looked through for one that shows (and one that hides) each
# box: enough for the sandbox's and a real contract's variety, quick enough for each reload.
EXAMPLES_SCANNED = 40

UNKNOWN = QT_TRANSLATE_NOOP("LayoutCheck", "unknown box type {type}: the app does not show it")
# What is wrong with a file or an entry of it, in words (app/sync/layout_file.py names it).
FAULTS = {
    Fault.CANNOT_READ: QT_TRANSLATE_NOOP("LayoutCheck", "the file cannot be read"),
    Fault.NOT_JSON: QT_TRANSLATE_NOOP("LayoutCheck", "this is not valid JSON"),
    Fault.NOT_AN_OBJECT: QT_TRANSLATE_NOOP(
        "LayoutCheck", "the file must hold one JSON object with \"mainpages\" (what "
        "GetMainPages returns) and \"columngroups\" (what GetColumnGroups returns)"),
    Fault.NO_MAIN_PAGES: QT_TRANSLATE_NOOP(
        "LayoutCheck", "there is no \"mainpages\" list (what GetMainPages returns)"),
    Fault.PAGE_NOT_AN_OBJECT: QT_TRANSLATE_NOOP(
        "LayoutCheck", "page {page} of the file is not a JSON object: it is left out"),
    Fault.UNKNOWN_OBJECT_TYPE: QT_TRANSLATE_NOOP(
        "LayoutCheck", "page {page} of the file is for \"{value}\", not todo, customer, person "
        "or tool: it is left out"),
    Fault.NO_BOXES: QT_TRANSLATE_NOOP(
        "LayoutCheck", "page {page} of the file has no \"boxes\" list: it is left out"),
    Fault.BOX_NOT_AN_OBJECT: QT_TRANSLATE_NOOP(
        "LayoutCheck", "box {box} of page {page} of the file is not a JSON object: it is left "
        "out"),
    Fault.NO_BOX_TYPE: QT_TRANSLATE_NOOP(
        "LayoutCheck", "box {box} of page {page} of the file has no type (\"box\"): it is left "
        "out"),
}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding. `kind` and `position` (1-based, in display order; 0: the page) say which
    box; `line` and `column` where in the file, for a file that cannot be read."""

    severity: Severity
    message: str
    kind: Kind | None = None
    position: int = 0
    box_type: str = ""
    box_id: int = 0
    line: int = 0
    column: int = 0

    def where(self) -> str:
        """Where it is, for a person: "todo page, box 3 (columngroup9, id 12)"; "" for an
        entry of the file the parser left out (its message says which)."""
        if self.line:
            return translate("LayoutCheck", "line {line}, column {column}").format(
                line=self.line, column=self.column)
        if self.kind is None:
            return ""
        if not self.position:
            return translate("LayoutCheck", "{kind} page").format(kind=self.kind.value)
        return translate("LayoutCheck", "{kind} page, box {position} ({type}, id {id})").format(
            kind=self.kind.value, position=self.position, type=self.box_type, id=self.box_id)

    def as_json(self) -> dict[str, Any]:
        return {**plain(self), "where": self.where()}


def unreadable(error: BadLayoutFile) -> Problem:
    """A file that cannot be read at all, as the one problem it has (the reader's own words,
    a JSON parser's or the system's, after it)."""
    message = translate("LayoutCheck", FAULTS[error.fault])
    return Problem(Severity.ERROR, f"{message} ({error.detail})" if error.detail else message,
                   line=error.line, column=error.column)


def check_layout(
    layout: Layout,
    registry: BoxRegistry,
    session: Session | None,
    left_out: Iterable[LeftOut] = (),
) -> tuple[Problem, ...]:
    """Every problem of the layout, page by page and box by box. Without a session (no local
    data) what depends on the account, functions and fields, is not checked."""
    problems = [
        Problem(Severity.ERROR, translate("LayoutCheck", FAULTS[entry.fault]).format(
            page=entry.page, box=entry.box, value=entry.value))
        for entry in left_out
    ]
    for kind in LISTED_KINDS:
        boxes = layout.pages.get(kind, ())
        if not boxes:
            problems.append(Problem(
                Severity.WARNING, translate("LayoutCheck", "no main page: the pages of {kinds} "
                                            "show no boxes").format(kinds=kind_plural(kind)),
                kind))
        for position, box in enumerate(boxes, start=1):
            problems += _box_problems(layout, registry, session, kind, position, box)
    return tuple(problems)


def _box_problems(layout: Layout, registry: BoxRegistry, session: Session | None, kind: Kind,
                  position: int, box: MainPageBox) -> list[Problem]:
    def problem(severity: Severity, message: str) -> Problem:
        return Problem(severity, message, kind, position, box.box, box.id)

    plugin = registry.plugin_for(box.box)
    if plugin is None:
        return [problem(Severity.ERROR, translate("LayoutCheck", UNKNOWN).format(type=box.box))]
    if kind not in plugin.kinds:
        return [problem(Severity.ERROR, translate(
            "LayoutCheck", "a {type} box is not available for {kinds}").format(
                type=box.box, kinds=kind_plural(kind)))]
    found: list[Problem] = []
    needed = plugin.functions(kind)
    if session is not None and needed and not needed & session.setup.functions():
        found.append(problem(Severity.WARNING, translate(
            "LayoutCheck", "function {function} is off for this account: the box is never "
            "shown").format(function=" / ".join(sorted(needed)))))
    if box.iscolumngroup or box.columngroupid:
        found += [problem(severity, message)
                  for severity, message in _column_problems(layout, session, kind, box)]
    return found


def _column_problems(layout: Layout, session: Session | None, kind: Kind, box: MainPageBox
                     ) -> list[tuple[Severity, str]]:
    group = layout.column_groups.get(box.columngroupid)
    if group is None:
        return [(Severity.ERROR, translate("LayoutCheck", "column group {id} does not exist")
                 .format(id=box.columngroupid))]
    found: list[tuple[Severity, str]] = []
    if group.objecttype and group.objecttype.rstrip("s") != kind.value:
        found.append((Severity.WARNING, translate(
            "LayoutCheck", "column group {id} is meant for {type} pages").format(
                id=group.id, type=group.objecttype)))
    if not group.columns:
        found.append((Severity.WARNING, translate(
            "LayoutCheck", "column group {id} has no columns").format(id=group.id)))
    if session is not None:
        found += [
            (Severity.WARNING, translate(
                "LayoutCheck", "no {kinds} have the field {field} (column \"{title}\")").format(
                    kinds=kind_plural(kind), field=column.field, title=column.title))
            for column in group.columns if not session.has_field(kind, column.field)
        ]
    return found


def errors_in(problems: Iterable[Problem]) -> int:
    return sum(problem.severity is Severity.ERROR for problem in problems)


# -- objects to preview on ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoxExamples:
    """For the box at `position` of a page: an object it shows for and one it hides for (None
    when none of the objects looked at does), with why it hides for that one."""

    position: int
    shown: int | None
    hidden: int | None
    reason: str


def examples(session: Session, kind: Kind, now: datetime, registry: BoxRegistry,
             *, scanned: int = EXAMPLES_SCANNED) -> tuple[BoxExamples, ...]:
    """Per box of the (previewed) page of `kind`, the first of the kind's objects that shows
    it and the first that hides it, among the first `scanned` by id."""
    boxes = session.setup.main_page(kind)
    shown: list[int | None] = [None] * len(boxes)
    hidden: list[tuple[int, str] | None] = [None] * len(boxes)
    for (object_id,) in session.rows(kind, [], order_by="id", limit=scanned):
        page = page_of(session, kind, object_id, now, registry=registry)
        for index, report in enumerate(page.boxes if page else ()):
            if report.shown and shown[index] is None:
                shown[index] = object_id
            elif not report.shown and hidden[index] is None:
                hidden[index] = (object_id, report.reason)
        if all(s is not None for s in shown) and all(h is not None for h in hidden):
            break
    return tuple(
        BoxExamples(index + 1, shown[index], *(hidden[index] or (None, "")))
        for index in range(len(boxes))
    )


def sample_objects(found: Sequence[BoxExamples]) -> tuple[int, ...]:
    """The objects to preview a page on: those that make its boxes show and hide, once each."""
    ids = (object_id for example in found for object_id in (example.shown, example.hidden))
    return tuple(dict.fromkeys(i for i in ids if i is not None))


def layout_report(session: Session, registry: BoxRegistry, now: datetime,
                  problems: Sequence[Problem]) -> dict[str, Any]:
    """The check and, per kind and sample object, each box in order, shown or hidden and why:
    what `fieldclient preview FILE --report` writes. `session` previews the layout."""
    kinds: dict[str, Any] = {}
    for kind in LISTED_KINDS:
        objects = []
        for object_id in sample_objects(examples(session, kind, now, registry)):
            page = page_of(session, kind, object_id, now, registry=registry)
            if page is not None:
                objects.append({"id": object_id, "boxes": [
                    {"position": position, "id": box.id, "type": box.type, "title": box.title,
                     "sortorder": box.sortorder, "shown": box.shown, "reason": box.reason,
                     "problems": [p.message for p in problems
                                  if p.kind == kind and p.position == position]}
                    for position, box in enumerate(page.boxes, start=1)
                ]})
        kinds[kind.value] = {"objects": objects}
    return {"errors": errors_in(problems), "warnings": len(problems) - errors_in(problems),
            "problems": [problem.as_json() for problem in problems], "kinds": kinds}
