"""A separate app process for the kill tests: sync, queue an action, send, and die where told.

    python -m tests.outbox_driver DATA_DIR URL CONTRACT USERNAME [--sync] [--pick-up TOOL]
                                  [--die before_request|after_response | --die-at-step N]
    python -m tests.outbox_driver --serve CONTRACT USERNAME

Secrets come from FIELDCLIENT_PASSWORD / FIELDCLIENT_APIKEY, as for `fieldclient sync`.
The process SIGKILLs itself just before a step of sending (the sender's `on_step`: every store
commit and every request counts): `--die-at-step N` before step N (0 is the first), `--die`
before the first request of a write (`before_request`) or before the commit that records an
answer (`after_response`). Nothing is flushed, closed or committed after it, exactly as when
Windows kills the app.

`--serve` pays the imports once for a walk over many crash points (POSIX only): for each line
"DATA_DIR URL N" on stdin it forks a child that sends and dies before step N, and answers with
the child's exit code (negative: killed by that signal) on a line of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from app.api import Credentials
from app.api.writes import WRITE_COMMANDS
from app.composition import build_core, memory_connection
from app.core.clock import SystemClock
from app.sync.outbox import OutboxSender

# The named crash points of --die, as step names (see OutboxSender's `on_step`).
NAMED_STEPS: dict[str, Callable[[str], bool]] = {
    "before_request": lambda step: step.removeprefix("request ") in WRITE_COMMANDS,
    "after_response": lambda step: step == "commit _confirm",
}


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def dying_at(number: int | None = None, named: str | None = None) -> Callable[[str], None]:
    """An `on_step` that kills this process before step `number`, or before the first step
    the `named` crash point matches."""
    counter = itertools.count()

    def on_step(step: str) -> None:
        if next(counter) == number or (named and NAMED_STEPS[named](step)):
            _die()

    return on_step


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
        sender = OutboxSender(core.client, core.store, SystemClock(),
                              on_step=dying_at(options.die_at_step, options.die))
        await sender.run_once()
    finally:
        await core.aclose()


def serve(contract: str, username: str) -> None:
    """Fork one app per request line; nothing runs in this process, so forking is safe."""
    for line in sys.stdin:
        data_dir, url, step = line.split()
        options = argparse.Namespace(data_dir=Path(data_dir), url=url, contract=contract,
                                     username=username, sync=False, pick_up=0, die=None,
                                     die_at_step=int(step))
        child = os.fork()
        if child == 0:
            try:
                asyncio.run(main(options))
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(child, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve(*sys.argv[2:])
        sys.exit(0)
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("url")
    parser.add_argument("contract")
    parser.add_argument("username")
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("--pick-up", type=int, default=0)
    crash = parser.add_mutually_exclusive_group()
    crash.add_argument("--die", choices=sorted(NAMED_STEPS))
    crash.add_argument("--die-at-step", type=int)
    asyncio.run(main(parser.parse_args()))
    sys.exit(0)
