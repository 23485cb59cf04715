"""Setup commands: the lists that describe the contract, which the app reads in one combined
request during each sync (states, types, teams, custom fields, layouts, icons, ...).

Most answer one or two setup tables under fixed keys, so one handler factory serves them;
the result keys marked [INF] in app/sandbox/README.md are our assumption.
"""

from __future__ import annotations

from app.sandbox.commands.base import Context, Handler, Outputs, Params
from app.sandbox.setup_data import CUSTOM_FIELD_GROUPS
from app.sandbox.state import SandboxState


def _listing(**keys: str) -> Handler:
    """Answer each result key with the setup table of that name (key=table): a collection
    as a list, a set (tool classes {id: name}) as an object."""

    def handler(state: SandboxState, params: Params, ctx: Context) -> Outputs:
        outputs: Outputs = {}
        for key, table in keys.items():
            value = getattr(state.setup, table)
            outputs[key] = dict(value) if isinstance(value, dict) else list(value)
        return outputs

    handler.__doc__ = ", ".join(f"{key}: setup.{table}" for key, table in keys.items())
    return handler


def custom_fields(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`customfields` {todo, customers, tools, person, users: [customfield]}."""
    groups: dict[str, list[dict]] = {group: [] for group in CUSTOM_FIELD_GROUPS}
    for definition in state.setup.custom_fields:
        groups[definition["objecttype"]].append(definition)
    return {"customfields": groups}


def teams(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`teams` [{id, title, members, leaders}] and `myteams`, the current user's team ids."""
    user = state.setup.user(ctx.user_id) or {}
    return {"teams": list(state.setup.teams), "myteams": list(user.get("teams", ()))}


def gps_config(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """`enabled` and `interval` (seconds between positions)."""
    return dict(state.setup.gps_config)


def users(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """[INF] `users` [{id, name, initials, email, phone, mobile, title}]: the contract's live
    users, for the names, phone numbers and e-mail addresses the users box shows."""
    fields = ("id", "name", "initials", "email", "phone", "mobile", "title")
    return {
        "users": [
            {name: user.get(name, "") for name in fields}
            for user in state.setup.users
            if not user.get("isdeleted")
        ]
    }


def pending_question_requests(state: SandboxState, params: Params, ctx: Context) -> Outputs:
    """Nobody has asked the demo technician to fill in a form."""
    return {"requests": []}


HANDLERS: dict[str, Handler] = {
    "GetCustomFields": custom_fields,
    "GetTeams": teams,
    "GetUsers": users,
    "GetGPSConfig": gps_config,
    "GetPendingQuestionRequests": pending_question_requests,
    "GetMainPages": _listing(mainpages="main_pages"),
    "GetColumnGroups": _listing(columngroups="column_groups"),
    "GetTodoStates": _listing(states="todo_states"),
    "GetToolStates": _listing(types="tool_states"),
    "GetToolTypes": _listing(types="tool_types", classes="tool_classes"),
    "GetProductStates": _listing(states="product_states", budgetareas="budget_areas"),
    "GetProductUnits": _listing(units="product_units"),
    "GetWorkareas": _listing(workareas="workareas"),
    "GetCheckpoints": _listing(checkpoints="checkpoints"),
    "GetCustomerTypes": _listing(types="customer_types"),
    "GetEventTypes": _listing(types="event_types"),
    "GetStocks": _listing(stocks="stocks"),
    "GetInternalRegistrations": _listing(registrations="internal_registrations"),
    "GetToolServiceProtocols": _listing(protocols="tool_service_protocols"),
    "GetCustomAppLinks": _listing(links="app_links"),
    "GetTodoTemplates": _listing(templates="todo_templates"),
    "GetPersonalDocuments": _listing(documents="personal_documents"),
    "GISGetCustomBaselayers": _listing(baselayers="baselayers"),
    "GetQuestionForms": _listing(forms="question_forms"),
    "GetPlanDestinations": _listing(destinations="plan_destinations"),
    "GetIcons": _listing(icons="icons"),
}
