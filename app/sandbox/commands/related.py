"""Objects read on demand because they hang off another one: a person's or a company's
relations, the product use on a task or a piece of equipment, the registrations on a task.

Each is a plain lookup of the live objects whose id field equals the parameter, so one
handler factory serves them all.
"""

from __future__ import annotations

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.commands.params import id_param
from app.sandbox.state import SandboxState


def _hanging_off(kind: str, result_key: str, param: str, field: str) -> Handler:
    def handler(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        return {result_key: state.where(kind, **{field: id_param(params, param)})}

    handler.__doc__ = f"The live {kind} objects whose {field} is the {param} parameter."
    return handler


HANDLERS: dict[str, Handler] = {
    "GetRelationsByPersonID": _hanging_off("relation", "relations", "personid", "personid"),
    "GetRelationsByCustomerID": _hanging_off("relation", "relations", "customerid", "customerid"),
    "GetProductUseByTodoID": _hanging_off("todoitem", "todoitems", "todoid", "todoid"),
    "GetProductUseByToolID": _hanging_off("todoitem", "todoitems", "toolid", "toolid"),
    "GetRegistrations": _hanging_off("registrationentry", "registrations", "todoid", "todoid"),
}
