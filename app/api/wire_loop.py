"""An event loop of its own, on a thread of its own, for the HTTP exchanges.

httpx is Python from the request's headers to the last chunk of its answer: some 250 requests
of a 100k first sync, each a few milliseconds of the interpreter spread over a dozen turns of the
loop that awaits it. On the window's loop those turns were its own: the window waited through
them, and through the interpreter lock each one had to get back from the sync's decoder and
writer. On this thread they wait instead, and the caller's loop only sees each answer arrive
(bench/README.md, gui_stall.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from app.core.window_turn import WindowTurn

T = TypeVar("T")


class WireLoop:
    """Runs coroutines on a daemon thread's event loop and hands their results back.

    Started with the first `run`; `aclose` ends what still runs there and stops it. Cancelling
    the awaiting task cancels the coroutine on the wire loop too. A daemon thread: an app that
    is killed or forgets to close is not kept alive by it.
    """

    def __init__(self, name: str = "wire", turn: WindowTurn | None = None) -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        if turn is not None:  # the loop stands still through the window's turns
            turn.when_taken(functools.partial(self._call_soon, turn.wait))

    def _call_soon(self, call: Callable[[], object]) -> None:
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # closed meanwhile: nothing to hold
                loop.call_soon_threadsafe(call)

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """`coroutine`'s result (or exception), computed on the wire loop."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self._started())
        return await asyncio.wrap_future(future)

    def _started(self) -> asyncio.AbstractEventLoop:
        with self._starting:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name=self._name, daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    async def aclose(self) -> None:
        """Cancel what still runs on the wire loop, wait for it to end, stop the thread."""
        with self._starting:
            loop, thread, self._loop, self._thread = self._loop, self._thread, None, None
        if loop is None or thread is None:
            return
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(_wind_down(), loop))
        loop.call_soon_threadsafe(loop.stop)
        thread.join()  # the loop has stopped: at once
        loop.close()


async def _wind_down() -> None:
    """On the wire loop: every other task cancelled and ended, async generators closed."""
    tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await asyncio.get_running_loop().shutdown_asyncgens()
