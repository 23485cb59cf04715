"""A separate app process for the kill tests: sync, queue an action, send, and die where told.

    python -m tests.outbox_driver DATA_DIR URL CONTRACT USERNAME [--sync] [--pick-up TOOL]
                                  [--die before_request|after_response]

Secrets come from FIELDCLIENT_PASSWORD / FIELDCLIENT_APIKEY, as for `fieldclient sync`.
`--die` makes the process SIGKILL itself at that step of sending: nothing is flushed, closed
or committed after it, exactly as when Windows kills the app.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Any

from app.api import Client, Credentials
from app.api.writes import WRITE_COMMANDS
from app.composition import build_core, memory_connection
from app.db.outbox import OutboxRepo


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _die_at(step: str) -> None:
    if step == "before_request":
        real_send = Client.send

        async def send(self: Client, commands: Any, **kwargs: Any) -> Any:
            if any(command.name in WRITE_COMMANDS for command in commands):
                _die()
            return await real_send(self, commands, **kwargs)

        Client.send = send  # type: ignore[method-assign]
    elif step == "after_response":
        OutboxRepo.mark_done = lambda *_args, **_kwargs: _die()  # type: ignore[method-assign]


async def main(options: argparse.Namespace) -> None:
    credentials = Credentials(options.contract, os.environ["FIELDCLIENT_APIKEY"],
                              options.username, os.environ["FIELDCLIENT_PASSWORD"])
    connection = memory_connection(options.data_dir, options.url, credentials)
    core = build_core(options.data_dir, connection, timeout=10)
    try:
        if options.sync:
            assert (await core.engine.run_pass()).ok
        if options.pick_up:
            await core.actions.pick_up_tool(options.pick_up, 55.68, 12.57)
        if options.die:
            _die_at(options.die)
        await core.sender.run_once()
    finally:
        await core.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("url")
    parser.add_argument("contract")
    parser.add_argument("username")
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("--pick-up", type=int, default=0)
    parser.add_argument("--die", choices=["before_request", "after_response"])
    asyncio.run(main(parser.parse_args()))
    sys.exit(0)
