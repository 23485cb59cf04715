"""The Starlette application: the Microbizz endpoint and the /_sandbox admin routes."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.sandbox.admin import MICROBIZZ_ROUTE, admin_routes
from app.sandbox.faults import BROKEN_ANSWERS, FaultPlan, failure_response, spoil_objects
from app.sandbox.forms import form_field
from app.sandbox.protocol import Envelope, answer
from app.sandbox.requestlog import RequestLog
from app.sandbox.state import SandboxState

ENDPOINT_PATH = "/api/endpoint.php"


async def _json_field(request: Request) -> str | None:
    """The envelope from the form body of a POST, else from the query (PHP's $_REQUEST)."""
    if request.method == "POST":
        content_type = request.headers.get("content-type", "")
        value = form_field(content_type, await request.body(), "json")
        if value is not None:
            return value
    return request.query_params.get("json")


def create_app(
    state: SandboxState, log: RequestLog, faults: FaultPlan, configuration_code: str
) -> Starlette:
    async def endpoint(request: Request) -> Response:
        received = state.clock.now()
        envelope = Envelope.parse(await _json_field(request))
        log.record(received, request.method, envelope)
        fault = faults.take(envelope.commands)
        if fault is None:
            return Response(answer(state, envelope, received), media_type="application/json")
        if fault.mode in BROKEN_ANSWERS:
            return failure_response(fault)
        if fault.mode == "delay":
            await faults.hold(fault)
        refused = fault.refuses if fault.mode == "refuse_resumekey" else None
        body = answer(state, envelope, received, refused)
        if fault.mode == "lose_answer":
            return failure_response(fault)
        if fault.mode == "bad_objects":
            body = spoil_objects(body)
        if fault.mode == "bandwidth":
            return faults.throttled(body, fault)
        return Response(body, media_type="application/json")

    routes = [
        Route(ENDPOINT_PATH, endpoint, methods=["GET", "POST"], name=MICROBIZZ_ROUTE),
        *admin_routes(state, log, faults, configuration_code),
    ]
    return Starlette(routes=routes)
