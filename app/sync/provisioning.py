"""A configuration code ("XXXX-XXX", what the office's "Mobile auto-configuration" hands a
technician) turned into the account it stands for, so signing in needs the code and at most
the password.

How Microbizz itself resolves a code is not documented (reference/microbizz-api.md §2), so no
Microbizz command is guessed here: the exchange is one pluggable step (`CodeExchange`), and
the one this module ships (`HttpCodeExchange`) talks to a configuration service of our own
shape, which the sandbox serves and a real bridge can serve once the real exchange is known:

    POST <service URL>          Content-Type: application/json
    {"code": "ABCD-123"}

    200 {"endpoint": "https://…", "contract": "…", "apikey": "…", "username": "…"
         [, "password": "…"]}            the account; without "password" the user is asked
    404, or any {"error": "…"}           the code is not known

The service URL must be HTTPS (HTTP only on this machine), like a Microbizz endpoint: the
answer carries the API key. The endpoint it answers is checked the same way before anything
is sent to it. The API key and password are never logged nor put in a message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

from app.api.client import not_reached
from app.core.environment import CODE_SERVICE_ENV as CODE_SERVICE_ENV
from app.sync.account import BadEndpoint, check_endpoint

# four and three letters or digits, written with a dash, a space or nothing between them
_CODE = re.compile(r"([A-Z0-9]{4})[\s-]?([A-Z0-9]{3})", re.ASCII)
_ACCOUNT_FIELDS = ("endpoint", "contract", "apikey", "username")


class BadCode(ValueError):
    """Text that is not a configuration code: the message says what one looks like."""


class CodeRefused(RuntimeError):
    """The code was not exchanged (not known, the service not reached, an answer that is not an
    account, or no service configured): the message is the one sentence to show."""


def normalise_code(text: str) -> str:
    """The code as "ABCD-123" however it was typed ("abcd 123", " ABCD-123 "), else BadCode."""
    found = _CODE.fullmatch(text.strip().upper())
    if found is None:
        raise BadCode(f"{text.strip()!r} is not a configuration code: it is 4 and 3 letters or "
                      "digits, like ABCD-123.")
    return f"{found[1]}-{found[2]}"


@dataclass(frozen=True, slots=True)
class Provisioned:
    """The account a code stands for; `password` is None when the user must type it."""

    endpoint: str
    contract: str
    apikey: str = field(repr=False)  # a logged or printed value must not show the secrets
    username: str
    password: str | None = field(default=None, repr=False)


class CodeExchange(Protocol):
    """Whatever turns a code into its account; CodeRefused (one sentence) when it cannot."""

    async def exchange(self, code: str) -> Provisioned: ...


class HttpCodeExchange:
    """The configuration service of the shape in this module's docstring."""

    def __init__(self, service_url: str, *, timeout: float = 20.0) -> None:
        self._url = service_url.strip()
        self._timeout = timeout

    async def exchange(self, code: str) -> Provisioned:
        """The account for `code` (BadCode for a malformed one); CodeRefused when the service
        is not usable, not reached, does not know the code or answers something else."""
        code = normalise_code(code)
        try:
            check_endpoint(self._url)
        except BadEndpoint as refused:
            raise CodeRefused(f"The configuration service cannot be used: {refused}") from None
        import httpx  # here, not at the top: the app's start does not wait for it

        try:
            async with httpx.AsyncClient(timeout=self._timeout) as http:
                reply = await http.post(self._url, json={"code": code})
        except httpx.TimeoutException:
            raise CodeRefused(f"The configuration service at {self._url} did not answer in "
                              "time: try again later.") from None
        except httpx.HTTPError as error:
            raise CodeRefused(
                not_reached(self._url, error, what="the configuration service") + "."
            ) from None
        answer = _json(reply.content)
        if reply.status_code == 404 or (isinstance(answer, dict) and "error" in answer):
            raise CodeRefused(f"The configuration code {code} is not known: check it with your "
                              "office.")
        if reply.status_code != 200:
            raise CodeRefused(f"The configuration service at {self._url} answered HTTP "
                              f"{reply.status_code}: try again later.")
        return self._account(answer)

    def _account(self, answer: Any) -> Provisioned:
        """The answer as an account whose endpoint may be sent the password, else CodeRefused."""
        fields = answer if isinstance(answer, dict) else {}
        password = fields.get("password")
        if (any(not isinstance(fields.get(name), str) or not fields[name].strip()
                for name in _ACCOUNT_FIELDS)
                or not (password is None or isinstance(password, str))):
            raise CodeRefused(f"The configuration service at {self._url} did not answer with an "
                              "account: ask your office to check it.")
        try:
            endpoint = check_endpoint(fields["endpoint"])
        except BadEndpoint as refused:
            raise CodeRefused(f"The configuration service gave a server address that cannot be "
                              f"used: {refused}") from None
        return Provisioned(endpoint, fields["contract"].strip(), fields["apikey"],
                           fields["username"].strip(), password or None)


def _json(content: bytes) -> Any:
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return None


def code_exchange_from(environ: Mapping[str, str], override: str | None = None
                       ) -> CodeExchange | None:
    """The exchange at --code-service (`override`) or FIELDCLIENT_CODE_SERVICE; None when
    neither names one (then the account is typed in by hand)."""
    url = (override or environ.get(CODE_SERVICE_ENV) or "").strip()
    return HttpCodeExchange(url) if url else None
