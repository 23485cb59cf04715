"""The wire client against the sandbox over real loopback HTTP: every error class a caller
can act on, batches and haltonerror."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from asyncio import gather, run

import httpx
import pytest

from app.api import Client, Command, Credentials
from app.core.errors import CommandRefused, EnvelopeRefused, TransportError
from app.sandbox import SandboxServer
from tests.admin import fault, request_log


def client_for(
    server: SandboxServer, *, timeout: float = 5.0, deadline: float = 120.0, **override: str
) -> Client:
    creds = server.credentials
    fields = {"contract": creds.contract, "apikey": creds.apikey,
              "username": creds.username, "password": creds.password, **override}
    return Client(server.url, Credentials(**fields), timeout=timeout, deadline=deadline)


async def _send(client: Client, commands: list[Command], **kwargs: bool):
    try:
        return await client.send(commands, **kwargs)
    finally:
        await client.aclose()


def test_echo_round_trip_and_server_stamp(sandbox: SandboxServer) -> None:
    response = run(_send(client_for(sandbox), [Command("Echo", {"text": "Hej"})]))
    assert response.results[0].ok
    assert response.results[0].data["answer"] == "Hej"
    assert len(response.date) == 10 and len(response.time) == 8


def test_the_http_client_is_made_off_the_event_loops_thread(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing httpx and building its TLS context take some 150 ms: made on the loop's
    thread, they froze a window whose first sync was starting. Two requests sent at once
    share the one client made."""
    made_on: list[threading.Thread] = []
    make = httpx.AsyncClient.__init__

    def recording(self: httpx.AsyncClient, *args: object, **kwargs: object) -> None:
        made_on.append(threading.current_thread())
        make(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx.AsyncClient, "__init__", recording)
    client = client_for(sandbox)

    async def two_at_once() -> None:
        try:
            await gather(*(client.send([Command("Echo", {"text": "a"})]) for _ in range(2)))
        finally:
            await client.aclose()

    run(two_at_once())
    assert len(made_on) == 1
    assert made_on[0] is not threading.current_thread()


class _Searches:
    """A meta-path finder that only records the modules the import system went looking for:
    a name imported already never reaches it, a failed or first import always does."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        self.names.append(name)


def test_a_request_searches_for_no_module(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the first request has imported what sending needs, later ones import nothing.
    httpcore asks for `sniffio` at each lock and event of a request; absent, each failed
    import searched sys.path with the interpreter lock let go at every directory, about a
    second of the window's thread in a 100k first sync while the sync's threads held it."""
    client = client_for(sandbox)
    searches = _Searches()

    async def requests() -> None:
        try:
            await client.send([Command("Echo", {"text": "first"})])
            monkeypatch.setattr(sys, "meta_path", [searches, *sys.meta_path])
            await gather(*(client.send([Command("Echo", {"text": str(i)})]) for i in range(3)))
        finally:
            await client.aclose()

    run(requests())
    assert searches.names == []


def test_requests_are_sent_and_read_off_the_callers_thread_which_closing_ends(
    sandbox: SandboxServer,
) -> None:
    """httpx's Python, from the request's headers to the answer's last chunk, runs on the
    client's wire loop (app/api/wire_loop.py), never on the caller's (the window's) loop;
    closing the client ends that thread."""
    seen_on: list[threading.Thread] = []

    async def note(_event: object) -> None:
        seen_on.append(threading.current_thread())

    creds = sandbox.credentials
    http = httpx.AsyncClient(event_hooks={"request": [note], "response": [note]})
    client = Client(sandbox.url, Credentials(creds.contract, creds.apikey, creds.username,
                                             creds.password), http=http)

    async def two_requests() -> str:
        try:
            first = await client.send([Command("Echo", {"text": "a"})])
            await client.send([Command("Echo", {"text": "b"})])
            return first.results[0].data["answer"]
        finally:
            await client.aclose()

    assert run(two_requests()) == "a"
    assert len(seen_on) == 4
    assert threading.current_thread() not in seen_on
    assert len(set(seen_on)) == 1
    seen_on[0].join(timeout=5)
    assert not seen_on[0].is_alive()
    assert http.is_closed


def test_a_cancelled_request_ends_on_the_wire_loop_too(sandbox: SandboxServer) -> None:
    """The caller gives up (a sync stopped): the request under way is cancelled where it
    runs, and the client still closes cleanly."""
    fault(sandbox, "delay", delay=5, times=1)
    client = client_for(sandbox)

    async def give_up() -> bool:
        try:
            sending = asyncio.ensure_future(client.send([Command("Echo", {"text": "slow"})]))
            await asyncio.sleep(0.3)
            sending.cancel()
            try:
                await sending
            except asyncio.CancelledError:
                return client.activity.in_flight == ()
            return False
        finally:
            await client.aclose()

    started = time.monotonic()
    assert run(give_up())
    assert time.monotonic() - started < 3


def test_batch_results_come_back_in_order(sandbox: SandboxServer) -> None:
    commands = [Command("Echo", {"text": str(i)}) for i in range(5)]
    response = run(_send(client_for(sandbox), commands))
    assert [r.data["answer"] for r in response.results] == ["0", "1", "2", "3", "4"]
    assert len(request_log(sandbox)) == 1  # one request, five commands


def test_unknown_command_is_refused_alone(sandbox: SandboxServer) -> None:
    response = run(_send(client_for(sandbox),
                         [Command("NoSuchCommand", {"x": 1}), Command("Echo", {"text": "a"})]))
    refused, echoed = response.results
    assert not refused.ok and "Unknown command" in refused.message
    assert echoed.ok
    with pytest.raises(CommandRefused) as caught:
        refused.raise_for_status()
    assert caught.value.command == "NoSuchCommand"
    assert caught.value.params == {"x": 1}
    assert "Unknown command" in caught.value.server_message


def test_haltonerror_stops_the_batch(sandbox: SandboxServer) -> None:
    response = run(_send(client_for(sandbox),
                         [Command("NoSuchCommand"), Command("Echo", {"text": "a"})],
                         haltonerror=True))
    assert len(response.results) == 1
    assert [c.name for c in response.not_run] == ["Echo"]


def test_wrong_password_is_an_envelope_refusal_with_the_server_message(
    sandbox: SandboxServer,
) -> None:
    with pytest.raises(EnvelopeRefused) as caught:
        run(_send(client_for(sandbox, password="pw-9f3k"), [Command("Echo")]))
    assert "Invalid login" in caught.value.server_message
    assert "pw-9f3k" not in str(caught.value)


def test_http_500_is_a_transport_error_with_status(sandbox: SandboxServer) -> None:
    fault(sandbox, "http_500")
    with pytest.raises(TransportError) as caught:
        run(_send(client_for(sandbox), [Command("Echo")]))
    assert caught.value.status_code == 500
    assert "HTTP 500" in str(caught.value)


def test_garbage_body_is_a_transport_error(sandbox: SandboxServer) -> None:
    fault(sandbox, "malformed")
    with pytest.raises(TransportError, match="not JSON"):
        run(_send(client_for(sandbox), [Command("Echo")]))


def test_dropped_connection_is_a_transport_error(sandbox: SandboxServer) -> None:
    fault(sandbox, "drop")
    with pytest.raises(TransportError, match="Could not reach the server"):
        run(_send(client_for(sandbox), [Command("Echo")]))


def test_no_answer_in_time_is_a_transport_error(sandbox: SandboxServer) -> None:
    fault(sandbox, "delay", delay=2)
    with pytest.raises(TransportError, match="did not answer in time"):
        run(_send(client_for(sandbox, timeout=0.3), [Command("Echo")]))


def test_an_answer_that_trickles_ends_at_the_requests_deadline(sandbox: SandboxServer) -> None:
    """Each read gets a chunk well within the read timeout, but the whole answer (3 kB at 300
    bytes a second) would take ten seconds: the deadline ends it."""
    fault(sandbox, "bandwidth", bytes_per_second=300)
    client = client_for(sandbox, timeout=1.0, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(TransportError, match="did not answer in time") as caught:
        run(_send(client, [Command("Echo", {"text": "x" * 3000})]))
    assert time.monotonic() - started < 2.5
    assert caught.value.may_have_arrived is True
    assert "it may have received the request" in str(caught.value)


def test_no_server_listening_is_a_transport_error(sandbox: SandboxServer) -> None:
    client = client_for(sandbox)
    sandbox.stop()
    with pytest.raises(TransportError, match="Could not reach the server"):
        run(_send(client, [Command("Echo")]))


def test_secrets_never_reach_the_request_log(sandbox: SandboxServer) -> None:
    run(_send(client_for(sandbox), [Command("Echo", {"text": "x"})]))
    logged = str(request_log(sandbox))
    assert sandbox.credentials.password not in logged
    assert sandbox.credentials.apikey not in logged


def test_a_refused_connection_certainly_never_arrived(sandbox: SandboxServer) -> None:
    client = client_for(sandbox)
    sandbox.stop()
    with pytest.raises(TransportError) as caught:
        run(_send(client, [Command("Echo")]))
    assert caught.value.may_have_arrived is False


def test_a_lost_answer_may_have_arrived(sandbox: SandboxServer) -> None:
    fault(sandbox, "drop")
    with pytest.raises(TransportError) as caught:
        run(_send(client_for(sandbox), [Command("Echo")]))
    assert caught.value.may_have_arrived is True
