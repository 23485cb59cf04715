"""How the process is asked to end: the signals that stop it cleanly, and their exit status.

A signal's default action ends the process where it stands: the store is not closed, an
outbox send is cut off and the throwaway sandbox folder stays behind. Here a stop signal
becomes a call on the event loop, so the one shutdown path of the command (its `finally`
blocks) runs instead. No Qt: the command line and the desktop app share it.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

# Ctrl-C, `kill` / a service manager, and Ctrl-Break in a Windows console.
STOP_SIGNALS: tuple[signal.Signals, ...] = (
    signal.SIGINT, signal.SIGTERM, *((signal.SIGBREAK,) if hasattr(signal, "SIGBREAK") else ())
)


def exit_status(signum: int) -> int:
    """What a shell reports for a process ended by this signal (130 for Ctrl-C)."""
    return 128 + signum


@contextlib.contextmanager
def stop_signals(loop: asyncio.AbstractEventLoop, stop: Callable[[int], None]) -> Iterator[bool]:
    """While inside, each stop signal calls `stop(signal number)` on `loop`.

    Yields True when the handlers had to be plain `signal.signal` ones (Windows' proactor
    loops have no `add_signal_handler`): Python runs those only while it runs Python code, so
    a loop that waits inside C++ (Qt's) must wake up now and then to let them run.
    """
    on_loop: list[signal.Signals] = []
    replaced: dict[signal.Signals, Any] = {}  # the handlers to put back

    def handler(signum: int, _frame: object) -> None:
        loop.call_soon_threadsafe(stop, signum)

    for signum in STOP_SIGNALS:
        try:
            loop.add_signal_handler(signum, stop, signum)
            on_loop.append(signum)
        except NotImplementedError:
            replaced[signum] = signal.signal(signum, handler)
    try:
        yield bool(replaced)
    finally:
        for signum in on_loop:
            loop.remove_signal_handler(signum)
        for signum, previous in replaced.items():
            signal.signal(signum, previous)


class Stopped(Exception):
    """A stop signal ended the work; `status` is the exit status that says so."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.status = exit_status(signum)


async def until_stopped(work: Awaitable[T]) -> T:
    """Await `work` in this task; a stop signal cancels it, so its `finally` blocks run (the
    store closes, the sandbox stops), and raises Stopped rather than a KeyboardInterrupt."""
    task = asyncio.current_task()
    assert task is not None
    received: list[int] = []

    def stop(signum: int) -> None:
        if not received:  # a second Ctrl-C must not cut the cleanup short
            received.append(signum)
            task.cancel()

    with stop_signals(asyncio.get_running_loop(), stop):
        try:
            return await work
        except asyncio.CancelledError:
            if not received:
                raise
            task.uncancel()
            raise Stopped(received[0]) from None
