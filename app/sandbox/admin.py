"""Admin routes under /_sandbox: health, the request log, faults, and objects edited the way a
dispatcher in the back office would (each edit bumps the object's change stamp and sequence).

JSON in and out; errors are {"error": "..."} with status 400 or 404.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.sandbox.faults import Fault, FaultPlan
from app.sandbox.requestlog import RequestLog
from app.sandbox.state import SandboxState, UnknownObject


class BadRequest(ValueError):
    """The admin request body is not what the route needs."""


def json_response(data: Any, status_code: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")


async def _body(request: Request) -> Any:
    try:
        return orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        raise BadRequest("the body is not JSON") from None


async def _fields(request: Request) -> dict[str, Any]:
    fields = await _body(request)
    if not isinstance(fields, dict):
        raise BadRequest("the body must be a JSON object of fields")
    return fields


def admin_routes(state: SandboxState, log: RequestLog, faults: FaultPlan) -> list[Route]:
    async def health(request: Request) -> Response:
        return json_response({"ok": True})

    async def request_log(request: Request) -> Response:
        if request.method == "DELETE":
            log.clear()
            return json_response({"ok": True})
        return json_response(log.entries())

    async def fault_plan(request: Request) -> Response:
        if request.method == "POST":
            try:
                faults.add(Fault.from_json(await _body(request)))
            except ValueError as problem:
                return json_response({"error": str(problem)}, 400)
        elif request.method == "DELETE":
            faults.clear()
        return json_response(faults.listing())

    async def objects(request: Request) -> Response:
        kind = request.path_params["kind"]
        try:
            return json_response(state.create(kind, await _fields(request)), 201)
        except UnknownObject as missing:
            return json_response({"error": str(missing)}, 404)
        except BadRequest as problem:
            return json_response({"error": str(problem)}, 400)

    async def one_object(request: Request) -> Response:
        kind, object_id = request.path_params["kind"], request.path_params["id"]
        try:
            if request.method == "PATCH":
                return json_response(state.update(kind, object_id, await _fields(request)))
            if request.method == "DELETE":
                return json_response(state.delete(kind, object_id))
            return json_response(state.get(kind, object_id))
        except UnknownObject as missing:
            return json_response({"error": str(missing)}, 404)
        except BadRequest as problem:
            return json_response({"error": str(problem)}, 400)

    return [
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/log", request_log, methods=["GET", "DELETE"]),
        Route("/_sandbox/faults", fault_plan, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/objects/{kind}", objects, methods=["POST"]),
        Route("/_sandbox/objects/{kind}/{id:int}", one_object, methods=["GET", "PATCH", "DELETE"]),
    ]
