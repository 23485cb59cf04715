"""The window's turn: while the window repaints, the store's writes and the decoding of answers
wait to begin, on a real store and over loopback to the sandbox."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.api import Client, Command, Credentials
from app.api.wire_loop import WireLoop
from app.core.window_turn import WindowTurn
from app.db import Store
from app.sandbox import SandboxServer


def _put(store: Store, value: str) -> str:
    store.settings.put("turn.test", value)
    return value


def test_a_write_begins_only_once_the_window_gives_its_turn_back(data_dir: Path) -> None:
    turn = WindowTurn(max_wait=10.0)
    store = Store.in_dir(data_dir, turn=turn)
    try:
        turn.take()
        written = store.write_soon(_put, store, "after")
        time.sleep(0.1)
        assert not written.done()
        assert store.settings.get("turn.test") is None
        turn.give_back()
        assert written.result(timeout=5) == "after"
        assert store.settings.get("turn.test") == "after"
    finally:
        store.close()


def test_a_turn_never_given_back_delays_a_write_no_more_than_its_longest_wait(
    data_dir: Path,
) -> None:
    turn = WindowTurn(max_wait=0.05)
    store = Store.in_dir(data_dir, turn=turn)
    try:
        turn.take()
        started = time.monotonic()
        assert store.write_blocking(_put, store, "anyway") == "anyway"
        assert time.monotonic() - started < 1.0
    finally:
        store.close()


def test_an_answer_is_decoded_once_the_window_gives_its_turn_back(
    sandbox: SandboxServer,
) -> None:
    """The answer has arrived; its decoding (the interpreter held throughout) waits."""
    turn = WindowTurn(max_wait=10.0)
    parser = ThreadPoolExecutor(max_workers=1)
    creds = sandbox.credentials
    client = Client(sandbox.url, Credentials(creds.contract, creds.apikey, creds.username,
                                             creds.password), parse_executor=parser, turn=turn)

    async def scenario() -> tuple[bool, str]:
        try:
            turn.take()
            sending = asyncio.ensure_future(client.send([Command("Echo", {"text": "hej"})]))
            await asyncio.sleep(0.5)  # long enough for loopback to answer
            waited = not sending.done()
            turn.give_back()
            response = await asyncio.wait_for(sending, 5)
            return waited, response.results[0].data["answer"]
        finally:
            await client.aclose()

    try:
        assert asyncio.run(scenario()) == (True, "hej")
    finally:
        parser.shutdown(wait=True)


def test_the_wire_loop_stands_still_through_the_windows_turn() -> None:
    """httpx's reads run on the wire loop as answers arrive, not as pieces of work that could
    wait before they begin: the loop itself waits while the window has its turn."""
    turn = WindowTurn(max_wait=10.0)
    wire = WireLoop(turn=turn)

    async def scenario() -> bool:
        try:
            await wire.run(asyncio.sleep(0))  # the loop is running
            turn.take()
            asked = asyncio.ensure_future(wire.run(asyncio.sleep(0, result="ran")))
            await asyncio.sleep(0.2)
            held = not asked.done()
            turn.give_back()
            return held and await asyncio.wait_for(asked, 5) == "ran"
        finally:
            await wire.aclose()

    assert asyncio.run(scenario())
