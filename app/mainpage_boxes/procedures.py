"""The procedures box: what to do in given situations at a company, title first, text on demand.

The guide: a task shows the procedures "for the company that the task belongs to" (procedure
objects with modcode 'customers' and sysref the company's id); a company shows its own, "only
if the function "CustomersProcedure" is enabled (see GetMobileAppSettings)". The API reference
spells the keyword `CustomersProcedures`, which is what the sandbox sends; either spelling
switches the box on (FUNCTIONS), and the reason names the one the server sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.core.values import as_id, as_str
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Concerns,
    Hidden,
    Shown,
    translate,
)
from app.sync import keys

if TYPE_CHECKING:
    from app.mainpage_boxes.procedures_widget import ProceduresWidget

FUNCTIONS = frozenset({"CustomersProcedures", "CustomersProcedure"})
FUNCTION_OFF = QT_TRANSLATE_NOOP("ProceduresBox", "function CustomersProcedures is off")
NO_COMPANY = QT_TRANSLATE_NOOP("ProceduresBox", "the task has no company")
NONE_FOR_TASK = QT_TRANSLATE_NOOP("ProceduresBox", "no procedures for the task's company")
NONE_FOR_CUSTOMER = QT_TRANSLATE_NOOP("ProceduresBox", "no procedures for this company")


@dataclass(frozen=True, slots=True)
class Procedure(BoxContent):
    id: int
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class ProceduresContent(BoxContent):
    procedures: tuple[Procedure, ...]  # by title


class ProceduresBox(BoxPlugin[ProceduresContent]):
    box_type = "procedures"
    kinds = frozenset({Kind.TODO, Kind.CUSTOMER})
    fixed_title = QT_TRANSLATE_NOOP("BoxTitle", "Procedures")

    def functions(self, kind: Kind) -> frozenset[str]:
        return FUNCTIONS if kind == Kind.CUSTOMER else frozenset()  # a task's need none

    def build(self, context: BoxContext) -> Shown[ProceduresContent] | Hidden:
        if context.kind == Kind.CUSTOMER:
            if not FUNCTIONS & context.session.setup.functions():
                return Hidden(translate("ProceduresBox", FUNCTION_OFF))
            company, nothing = context.object_id, NONE_FOR_CUSTOMER
        else:
            company, nothing = _company(context), NONE_FOR_TASK
            if not company:
                return Hidden(translate("ProceduresBox", NO_COMPANY))
        found = sorted(
            (Procedure(as_id(p.get("id")), as_str(p.get("title")).strip(), as_str(p.get("text")))
             for p in context.session.related(Kind.PROCEDURE, sysref=company)
             if as_str(p.get("modcode")) == "customers"),
            key=lambda p: (p.title.casefold(), p.id),
        )
        if not found:
            return Hidden(translate("ProceduresBox", nothing))
        return Shown(ProceduresContent(tuple(found)))

    def concerns(self, context: BoxContext) -> Concerns:
        return Concerns(
            {context.kind: frozenset({context.object_id}), Kind.PROCEDURE: None},
            settings=frozenset({keys.MOBILE_APP_SETTINGS_KEY}),
        )

    def widget(self) -> type[ProceduresWidget]:
        from app.mainpage_boxes.procedures_widget import ProceduresWidget

        return ProceduresWidget


def _company(context: BoxContext) -> int:
    return as_id(context.object.get("customerid"))
