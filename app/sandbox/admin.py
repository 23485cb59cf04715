"""Admin routes under /_sandbox: health, a state summary, the request log, the app functions,
faults, the technician's password (changed as the office would), the configuration-code
exchange (the shape app/sync/provisioning.py documents), and objects listed and edited the way a
dispatcher in the back office would (each edit stamps the object with the server's now and a
new sequence). Documented in README.md.

JSON in and out; errors are {"error": "..."} with status 400, 403 or 404. Only loopback
clients may use them (the server binds to 127.0.0.1 anyway; this holds behind a proxy too).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.sandbox.dispatcher import ACTIONS
from app.sandbox.faults import Fault, FaultPlan
from app.sandbox.requestlog import RequestLog
from app.sandbox.showcase import of_state, showcase
from app.sandbox.state import SandboxState, UnknownObject
from app.sandbox.values import whole

Endpoint = Callable[[Request], Awaitable[Response]]
# the name of the Microbizz endpoint's route (app.py), which the configuration code points to
MICROBIZZ_ROUTE = "microbizz"
CODE_SERVICE_PATH = "/_sandbox/configuration-code"


class BadRequest(ValueError):
    """The admin request body is not what the route needs."""


class NotLoopback(PermissionError):
    """The admin routes answer only clients on this machine."""


def json_response(data: Any, status_code: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status_code, media_type="application/json")


async def _body(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        return {}
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise BadRequest("the body is not JSON") from None


async def _fields(request: Request) -> dict[str, Any]:
    fields = await _body(request)
    if not isinstance(fields, dict):
        raise BadRequest("the body must be a JSON object of fields")
    return fields


def _loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(endpoint: Endpoint) -> Endpoint:
    """Loopback clients only; refusals become {"error"} answers (404 unknown, 400 invalid)."""

    async def guarded(request: Request) -> Response:
        try:
            if not _loopback(request):
                raise NotLoopback("the admin routes answer loopback clients only")
            return await endpoint(request)
        except NotLoopback as refusal:
            return json_response({"error": str(refusal)}, 403)
        except UnknownObject as missing:
            return json_response({"error": str(missing)}, 404)
        except ValueError as problem:
            return json_response({"error": str(problem)}, 400)

    return guarded


def _functions_change(body: Any) -> dict[str, bool]:
    if not isinstance(body, dict) or not all(
        isinstance(value, bool) or value in (0, 1) for value in body.values()
    ):
        raise BadRequest('the body must be {"FunctionName": true or false, ...}')
    return {str(name): bool(on) for name, on in body.items()}


def _new_password(body: Any) -> str:
    password = body.get("password") if isinstance(body, dict) else None
    if not isinstance(password, str) or not password:
        raise BadRequest('the body must be {"password": "the new password"}')
    return password


def _ids(request: Request) -> set[int] | None:
    """`?ids=1,2,3`, or None when the query does not narrow the list."""
    text = request.query_params.get("ids")
    if not text:
        return None
    ids = {whole(part) for part in text.split(",")}
    if 0 in ids:
        raise BadRequest("ids must be a comma-separated list of ids")
    return ids


def admin_routes(
    state: SandboxState, log: RequestLog, faults: FaultPlan, configuration_code: str
) -> list[Route]:
    """`configuration_code`: the one code the configuration-code route knows (the demo account)."""

    async def health(request: Request) -> Response:
        return json_response({"ok": True})

    async def summary(request: Request) -> Response:
        return json_response(state.summary())

    async def request_log(request: Request) -> Response:
        if request.method == "DELETE":
            log.clear()
            return json_response({"ok": True})
        return json_response(log.entries())

    async def fault_plan(request: Request) -> Response:
        if request.method == "POST":
            faults.add(Fault.from_json(await _body(request)))
        elif request.method == "DELETE":
            faults.clear()
        return json_response(faults.listing())

    async def named_objects(request: Request) -> Response:
        return json_response(showcase(of_state(state)))

    async def functions(request: Request) -> Response:
        if request.method == "POST":
            for name, on in _functions_change(await _body(request)).items():
                if on:
                    state.functions.add(name)
                else:
                    state.functions.discard(name)
        return json_response(sorted(state.functions))

    async def credentials(request: Request) -> Response:
        """The office changes the technician's password: the old one is refused from now on."""
        state.credentials = replace(state.credentials, password=_new_password(
            await _body(request)))
        return json_response({"ok": True})

    async def objects(request: Request) -> Response:
        kind = request.path_params["kind"]
        if request.method == "POST":
            return json_response(state.create(kind, await _fields(request)), 201)
        wanted = _ids(request)
        listed = [
            obj for obj in state.store(kind).objects() if wanted is None or obj["id"] in wanted
        ]
        return json_response(sorted(listed, key=lambda obj: obj["id"]))

    async def one_object(request: Request) -> Response:
        kind, object_id = request.path_params["kind"], request.path_params["id"]
        if request.method == "PATCH":
            return json_response(state.update(kind, object_id, await _fields(request)))
        if request.method == "DELETE":
            return json_response(state.delete(kind, object_id))
        return json_response(state.get(kind, object_id))

    async def action(request: Request) -> Response:
        kind, object_id = request.path_params["kind"], request.path_params["id"]
        name = request.path_params["action"]
        found = ACTIONS.get((kind, name))
        if found is None:
            raise UnknownObject(f"no action {name!r} on {kind}")
        return json_response(found(state, object_id, await _fields(request)))

    async def configuration(request: Request) -> Response:
        """The app's configuration-code exchange, in the shape app/sync/provisioning.py
        documents: the demo account for the sandbox's code, 404 for any other."""
        code = (await _fields(request)).get("code")
        if not isinstance(code, str):
            raise BadRequest('the body must be {"code": "XXXX-XXX"}')
        if code != configuration_code:
            raise UnknownObject(f"no configuration code {code!r}")
        creds = state.credentials
        return json_response({
            "endpoint": str(request.url_for(MICROBIZZ_ROUTE)), "contract": creds.contract,
            "apikey": creds.apikey, "username": creds.username, "password": creds.password,
        })

    routes = [
        ("/_sandbox/health", health, ["GET"]),
        ("/_sandbox/state", summary, ["GET"]),
        ("/_sandbox/log", request_log, ["GET", "DELETE"]),
        ("/_sandbox/faults", fault_plan, ["GET", "POST", "DELETE"]),
        ("/_sandbox/functions", functions, ["GET", "POST"]),
        ("/_sandbox/showcase", named_objects, ["GET"]),
        ("/_sandbox/credentials", credentials, ["POST"]),
        ("/_sandbox/objects/{kind}", objects, ["GET", "POST"]),
        ("/_sandbox/objects/{kind}/{id:int}", one_object, ["GET", "PATCH", "DELETE"]),
        ("/_sandbox/objects/{kind}/{id:int}/{action}", action, ["POST"]),
        (CODE_SERVICE_PATH, configuration, ["POST"]),
    ]
    return [Route(path, _guarded(endpoint), methods=methods) for path, endpoint, methods in routes]
